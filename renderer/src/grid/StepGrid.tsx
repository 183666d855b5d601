import { memo, useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type ClipboardEvent, type CSSProperties, type FocusEvent, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import type { MethodInput } from '../../../core/contract';
import type { ProcessView } from '../../../core/model';
import type { Lane, Step } from '../../../core/records';
import { formatCells, MAX_PASTE_ROWS, parseCells } from '../../../core/tsv';
import { useCurrentSession } from '../capture/session';
import { useMode, type WorkMode } from '../mode';
import { useSelection } from '../selection';
import { useShoshin } from '../store';
import { t } from '../i18n';
import { ChoiceEditor, TextEditor, type Move } from './GridEditors';
import { cellText, changesOf, columnsFor, planPaste, readCell, rowOrder, type CellAt, type CellReading, type Column, type ColumnKey } from './gridModel';
import './grid.css';

/** Rows are all one height, so only the rows on screen are drawn however long the process. */
const ROW_HEIGHT = 36;
const OVERSCAN = 8;

/** Each column's width in pixels; the step's words take what is left, never less than their own. */
const ROW_NUMBER_WIDTH = 40;
const WIDTHS: Record<ColumnKey, number> = {
  laneId: 124,
  text: 180,
  kind: 96,
  system: 112,
  workMinutes: 92,
  waitMinutes: 92,
  volume: 104,
  valueClass: 112,
};

interface Edit {
  row: number;
  col: number;
  text: string;
  mode: 'replace' | 'edit';
  invalid: string | null;
}

type Message = { text: string; tone: 'error' | 'info' } | null;
type StepPatch = MethodInput<'steps.patch'>['patches'][number];

/** The table of the open process's steps, beside the map: a spreadsheet for the numbers. */
export function StepGrid() {
  const view = useShoshin((s) => s.process);
  const mode = useMode((s) => s.mode);
  if (!view) {
    return (
      <div className="analysis-view">
        <p className="muted">{t('analysis.grid.noProcess')}</p>
      </div>
    );
  }
  return <StepTable key={view.process.id} view={view} mode={mode} />;
}

function cellKey(row: number, col: number): string {
  return `${row}:${col}`;
}

function rangeOf(a: CellAt, b: CellAt): { top: number; bottom: number; left: number; right: number } {
  return { top: Math.min(a.row, b.row), bottom: Math.max(a.row, b.row), left: Math.min(a.col, b.col), right: Math.max(a.col, b.col) };
}

function StepTable({ view, mode }: { view: ProcessView; mode: WorkMode }) {
  const mutate = useShoshin((s) => s.mutate);
  const sessions = useShoshin((s) => s.engagement?.sessions);
  const sessionId = useCurrentSession((s) => s.sessionId);
  const columns = useMemo(() => columnsFor(mode), [mode]);
  const rows = useMemo(() => rowOrder(view.steps, view.flows), [view.steps, view.flows]);
  const lanes = view.lanes;
  const laneMap = useMemo(() => new Map(lanes.map((l) => [l.id, l])), [lanes]);
  const processId = view.process.id;
  const rowCount = rows.length + 1;
  const gridId = useId();
  const headingId = useId();
  const hintId = useId();

  const [active, setActive] = useState<CellAt>(() => {
    const selected = useSelection.getState().ids;
    const row = rows.findIndex((s) => selected.has(s.id));
    return { row: Math.max(0, row), col: 1 };
  });
  const [anchor, setAnchor] = useState<CellAt>(active);
  const [edit, setEdit] = useState<Edit | null>(null);
  const [pending, setPending] = useState<ReadonlyMap<string, string>>(() => new Map());
  const [message, setMessage] = useState<Message>(null);
  const [viewport, setViewport] = useState({ top: 0, height: 800 });
  const scroller = useRef<HTMLDivElement>(null);
  const grid = useRef<HTMLDivElement>(null);
  /** Whether the next render should put the keyboard on the active cell (the user is working in the grid). */
  const takeFocus = useRef(typeof document !== 'undefined' && document.activeElement?.getAttribute('role') !== 'tab');
  /** Set while an editor closes, so the blur of its input going away is not taken for the user leaving. */
  const closing = useRef(false);

  // Steps come and go (undo, the map, another window's paste): the cursor stays inside the table.
  const at: CellAt = { row: Math.min(active.row, rowCount - 1), col: Math.min(active.col, columns.length - 1) };
  const from: CellAt = { row: Math.min(anchor.row, rowCount - 1), col: Math.min(anchor.col, columns.length - 1) };
  const range = rangeOf(from, at);
  const editing = edit && edit.row === at.row && edit.col === at.col ? edit : null;
  const activeStepId = rows[at.row]?.id;

  useEffect(() => {
    if (activeStepId) useSelection.getState().set([activeStepId]);
  }, [activeStepId]);

  useLayoutEffect(() => {
    closing.current = false;
    if (editing) return;
    const cell = document.getElementById(`${gridId}-${cellKey(at.row, at.col)}`);
    if (!cell) return;
    cell.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    if (takeFocus.current) cell.focus({ preventScroll: true });
  }, [at.row, at.col, editing, gridId]);

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => setViewport({ top: el.scrollTop, height: el.clientHeight });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const moveTo = useCallback(
    (to: CellAt, extend = false) => {
      const next = { row: Math.max(0, Math.min(rowCount - 1, to.row)), col: Math.max(0, Math.min(columns.length - 1, to.col)) };
      takeFocus.current = true;
      setActive(next);
      if (!extend) setAnchor(next);
    },
    [rowCount, columns.length],
  );

  const step = (cell: CellAt, move: Move): CellAt => {
    switch (move) {
      case 'down':
        return { row: cell.row + 1, col: cell.col };
      case 'up':
        return { row: cell.row - 1, col: cell.col };
      case 'right':
        return cell.col + 1 < columns.length ? { row: cell.row, col: cell.col + 1 } : cell.row + 1 < rowCount ? { row: cell.row + 1, col: 0 } : cell;
      case 'left':
        return cell.col > 0 ? { row: cell.row, col: cell.col - 1 } : cell.row > 0 ? { row: cell.row - 1, col: columns.length - 1 } : cell;
      case 'none':
        return cell;
    }
  };

  const session = sessionId && sessions?.some((s) => s.id === sessionId) ? sessionId : null;
  const lastStep = rows[rows.length - 1];

  const showPending = (key: string, text: string, saved: Promise<unknown>) => {
    setPending((p) => new Map(p).set(key, text));
    void saved.finally(() =>
      setPending((p) => {
        if (p.get(key) !== text) return p;
        const next = new Map(p);
        next.delete(key);
        return next;
      }),
    );
  };

  /** What a committed cell shows until its save returns, so nothing flickers back to the old value. */
  const shownAfter = (target: Step, column: Column, reading: Extract<CellReading, { ok: true }>): string =>
    reading.laneName ?? cellText({ ...target, ...reading.patch }, column, laneMap);

  /** Applies one cell's reading: one command, or nothing when the cell already holds it. */
  const apply = (cell: CellAt, reading: Extract<CellReading, { ok: true }>) => {
    const column = columns[cell.col];
    if (!column) return;
    const target = rows[cell.row];
    if (!target) {
      const text = reading.patch.text ?? '';
      if (column.key !== 'text' || !text) return;
      const saved = mutate('steps.patch', {
        processId,
        patches: [],
        append: [{ patch: { text, ...(session ? { sessionId: session } : {}) } }],
        ...(lastStep ? { after: lastStep.id } : {}),
      });
      showPending(cellKey(cell.row, cell.col), text, saved);
      return;
    }
    const change = changesOf(target, reading);
    if (!change) return;
    const saved = mutate('step.update', { id: target.id, ...change });
    showPending(cellKey(cell.row, cell.col), shownAfter(target, column, reading), saved);
  };

  const startEdit = (mode: Edit['mode'], text?: string) => {
    const column = columns[at.col];
    if (!column) return;
    if (!rows[at.row] && column.key !== 'text') {
      setMessage({ text: t('analysis.grid.newRowText'), tone: 'info' });
      return;
    }
    setMessage(null);
    const target = rows[at.row];
    const current = target ? cellText(target, column, laneMap) : '';
    const initial = text ?? (column.editor === 'choice' ? '' : current);
    setEdit({ row: at.row, col: at.col, text: initial, mode, invalid: null });
  };

  const commit = (reading: CellReading, move: Move) => {
    if (!editing) return;
    if (!reading.ok) {
      setEdit({ ...editing, invalid: reading.message });
      return;
    }
    const cell = { row: editing.row, col: editing.col };
    apply(cell, reading);
    close();
    // A new step arrives as a row above the blank one: Enter there carries on to the next blank row.
    const next = !rows[cell.row] && move === 'down' && reading.patch.text ? { row: cell.row + 1, col: cell.col } : step(cell, move);
    setActive(next);
    setAnchor(next);
  };

  const close = () => {
    closing.current = true;
    takeFocus.current = true;
    setEdit(null);
  };

  /** Every selected cell, row by row, as text (the times as they are shown). */
  const selectedCells = (): string[][] => {
    const out: string[][] = [];
    for (let r = range.top; r <= range.bottom; r++) {
      const target = rows[r];
      const line: string[] = [];
      for (let c = range.left; c <= range.right; c++) {
        const column = columns[c];
        line.push(target && column ? cellText(target, column, laneMap) : '');
      }
      out.push(line);
    }
    return out;
  };

  /** Delete: empties the selected cells in one command (a step's kind cannot be empty and is left). */
  const clearSelection = () => {
    const patches: StepPatch[] = [];
    let keptKind = false;
    for (let r = range.top; r <= range.bottom; r++) {
      const target = rows[r];
      if (!target) continue;
      const patch: StepPatch['patch'] = {};
      for (let c = range.left; c <= range.right; c++) {
        const column = columns[c];
        if (!column) continue;
        if (column.key === 'kind') {
          keptKind = true;
          continue;
        }
        const reading = readCell(column, '', lanes);
        if (reading.ok) Object.assign(patch, reading.patch);
      }
      const change = changesOf(target, { patch });
      if (change) patches.push({ id: target.id, ...change });
    }
    setMessage(keptKind ? { text: t('analysis.grid.kindRequired'), tone: 'info' } : null);
    const only = patches[0];
    if (!only) return;
    if (patches.length === 1) void mutate('step.update', { id: only.id, patch: only.patch });
    else void mutate('steps.patch', { processId, patches });
  };

  const paste = (text: string) => {
    if (!text) return;
    const cells = parseCells(text);
    if (cells.length > MAX_PASTE_ROWS) {
      setMessage({ text: t('analysis.grid.paste.tooMany', { count: cells.length, max: MAX_PASTE_ROWS }), tone: 'error' });
      return;
    }
    const start = { row: range.top, col: range.left };
    const size = { rows: range.bottom - range.top + 1, cols: range.right - range.left + 1 };
    const plan = planPaste({ rows, columns, lanes, start, cells, ...(size.rows * size.cols > 1 ? { fill: size } : {}) });
    if (plan.errors.length > 0) {
      const more = plan.errors.length - 1;
      const first = plan.errors[0] ?? '';
      setMessage({ text: more > 0 ? t('analysis.grid.paste.refusedMore', { error: first, count: more }) : t('analysis.grid.paste.refused', { error: first }), tone: 'error' });
      return;
    }
    if (plan.patches.length === 0 && plan.append.length === 0) {
      setMessage({ text: t('analysis.grid.paste.nothing'), tone: 'info' });
      return;
    }
    const append = plan.append.map((row) => (session ? { ...row, patch: { ...row.patch, sessionId: session } } : row));
    void mutate('steps.patch', {
      processId,
      patches: plan.patches,
      ...(append.length > 0 ? { append } : {}),
      ...(append.length > 0 && lastStep ? { after: lastStep.id } : {}),
    });
    const parts = [t('analysis.grid.paste.done', { rows: plan.end.row - start.row + 1, cols: plan.end.col - start.col + 1 })];
    if (append.length > 0) parts.push(t(append.length === 1 ? 'analysis.grid.paste.added.one' : 'analysis.grid.paste.added.other', { count: append.length }));
    if (plan.ignoredColumns > 0) parts.push(t(plan.ignoredColumns === 1 ? 'analysis.grid.paste.ignored.one' : 'analysis.grid.paste.ignored.other', { count: plan.ignoredColumns }));
    setMessage({ text: parts.join(' '), tone: 'info' });
    takeFocus.current = true;
    setAnchor(start);
    setActive({ row: Math.min(plan.end.row, rows.length + append.length - 1), col: plan.end.col });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.defaultPrevented) return;
    if (edit) {
      // A key typed before the editor took the keyboard still belongs to it.
      const plain = event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey;
      if (editing && plain && (event.target as HTMLElement).tagName !== 'INPUT') {
        event.preventDefault();
        setEdit({ ...editing, text: editing.text + event.key, invalid: null });
      }
      return;
    }
    const mod = event.ctrlKey || event.metaKey;
    const page = Math.max(1, Math.floor(viewport.height / ROW_HEIGHT) - 1);
    let to: CellAt | null = null;
    switch (event.key) {
      case 'ArrowDown':
        to = { row: mod ? rowCount - 1 : at.row + 1, col: at.col };
        break;
      case 'ArrowUp':
        to = { row: mod ? 0 : at.row - 1, col: at.col };
        break;
      case 'ArrowRight':
        to = { row: at.row, col: mod ? columns.length - 1 : at.col + 1 };
        break;
      case 'ArrowLeft':
        to = { row: at.row, col: mod ? 0 : at.col - 1 };
        break;
      case 'Home':
        to = mod ? { row: 0, col: 0 } : { row: at.row, col: 0 };
        break;
      case 'End':
        to = mod ? { row: rowCount - 1, col: columns.length - 1 } : { row: at.row, col: columns.length - 1 };
        break;
      case 'PageDown':
        to = { row: at.row + page, col: at.col };
        break;
      case 'PageUp':
        to = { row: at.row - page, col: at.col };
        break;
      case 'Tab': {
        const next = step(at, event.shiftKey ? 'left' : 'right');
        // At either end of the table Tab leaves it, as everywhere else.
        if (next.row === at.row && next.col === at.col) return;
        event.preventDefault();
        moveTo(next);
        return;
      }
      default:
        break;
    }
    if (to) {
      event.preventDefault();
      if (event.altKey && event.key === 'ArrowDown' && columns[at.col]?.editor === 'choice') {
        startEdit('edit');
        return;
      }
      moveTo(to, event.shiftKey);
      return;
    }
    if (mod && event.key.toLowerCase() === 'a' && !event.altKey) {
      event.preventDefault();
      setAnchor({ row: 0, col: 0 });
      setActive({ row: rowCount - 1, col: columns.length - 1 });
      return;
    }
    if (mod || event.altKey) return;
    if (event.key === 'Enter' || event.key === 'F2') {
      event.preventDefault();
      startEdit('edit');
    } else if (event.key === 'Delete') {
      event.preventDefault();
      clearSelection();
    } else if (event.key === 'Backspace') {
      event.preventDefault();
      startEdit('replace', '');
    } else if (event.key === 'Escape') {
      if (range.top !== range.bottom || range.left !== range.right || message) {
        event.preventDefault();
        setAnchor(at);
        setMessage(null);
      }
    } else if (event.key.length === 1) {
      // Typing replaces the cell, as in a spreadsheet; the key is the first character.
      event.preventDefault();
      startEdit('replace', event.key);
    }
  };

  const cellAt = (target: EventTarget | null): CellAt | null => {
    const el = (target as HTMLElement | null)?.closest?.('[data-cell]');
    const [row, col] = (el?.getAttribute('data-cell') ?? '').split(':').map(Number);
    return row === undefined || col === undefined || Number.isNaN(row) || Number.isNaN(col) ? null : { row, col };
  };

  const onMouseDown = (event: MouseEvent<HTMLDivElement>) => {
    const cell = cellAt(event.target);
    if (!cell || (editing && cell.row === editing.row && cell.col === editing.col)) return;
    if (editing) {
      const column = columns[editing.col];
      const reading = column && column.editor !== 'choice' ? readCell(column, editing.text, lanes) : null;
      if (reading && !reading.ok) {
        // An unreadable time is never dropped for the old one: fix it or press Escape.
        event.preventDefault();
        setEdit({ ...editing, invalid: reading.message });
        return;
      }
      if (reading) apply({ row: editing.row, col: editing.col }, reading);
      close();
    }
    moveTo(cell, event.shiftKey);
  };

  const onDoubleClick = (event: MouseEvent<HTMLDivElement>) => {
    const cell = cellAt(event.target);
    if (cell && !editing && cell.row === at.row && cell.col === at.col) startEdit('edit');
  };

  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    if (closing.current || grid.current?.contains(event.relatedTarget as Node | null)) return;
    takeFocus.current = false;
    if (!editing) return;
    const column = columns[editing.col];
    if (!column || column.editor === 'choice') {
      closing.current = true;
      setEdit(null);
      return;
    }
    // Clicking away commits what reads; what does not stays in its cell, marked, for the user to fix.
    const reading = readCell(column, editing.text, lanes);
    if (!reading.ok) {
      setEdit({ ...editing, invalid: reading.message });
      return;
    }
    apply({ row: editing.row, col: editing.col }, reading);
    closing.current = true;
    setEdit(null);
  };

  const onCopy = (event: ClipboardEvent<HTMLDivElement>, cut = false) => {
    if (editing) return;
    event.preventDefault();
    event.clipboardData.setData('text/plain', formatCells(selectedCells()));
    if (cut) clearSelection();
  };

  const onPaste = (event: ClipboardEvent<HTMLDivElement>) => {
    const text = event.clipboardData.getData('text/plain');
    // Inside a cell being edited, one line is just text; a block is still a block.
    if (editing && !/[\t\r\n]/.test(text.replace(/\r?\n$/, ''))) return;
    event.preventDefault();
    if (editing) close();
    paste(text);
  };

  const template = [`${ROW_NUMBER_WIDTH}px`, ...columns.map((c) => (c.key === 'text' ? `minmax(${WIDTHS.text}px, 1fr)` : `${WIDTHS[c.key]}px`))].join(' ');
  const minWidth = columns.reduce((sum, c) => sum + WIDTHS[c.key], ROW_NUMBER_WIDTH);
  const first = Math.max(0, Math.floor(viewport.top / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rowCount - 1, Math.ceil((viewport.top + viewport.height) / ROW_HEIGHT) + OVERSCAN);
  const shown = new Set<number>();
  for (let r = first; r <= last; r++) shown.add(r);
  shown.add(at.row);

  const editor = (column: Column, label: string): ReactNode => {
    if (!editing) return null;
    const common = {
      column,
      label,
      text: editing.text,
      mode: editing.mode,
      invalid: editing.invalid,
      onText: (text: string) => setEdit({ ...editing, text, invalid: null }),
      onCommit: commit,
      onCancel: close,
      onMode: (mode: Edit['mode']) => setEdit({ ...editing, mode }),
    };
    if (column.editor === 'choice') {
      const target = rows[editing.row];
      const current = target ? (column.key === 'laneId' ? target.laneId : column.key === 'kind' ? target.kind : target.valueClass) : null;
      return <ChoiceEditor {...common} lanes={lanes} current={current} />;
    }
    return <TextEditor {...common} read={(text) => readCell(column, text, lanes)} />;
  };

  return (
    <section className="grid-view" aria-labelledby={headingId}>
      <header className="grid-top">
        <h2 id={headingId}>{t('analysis.grid.heading', { process: view.process.name })}</h2>
        <span className="grid-count">{t(rows.length === 1 ? 'analysis.grid.count.one' : 'analysis.grid.count.other', { count: rows.length })}</span>
        <p className={`grid-message${message?.tone === 'error' ? ' error' : ''}`} role={message?.tone === 'error' ? 'alert' : undefined} aria-live="polite">
          {message?.text ?? ''}
        </p>
        <p className="grid-hint" id={hintId}>
          {t('analysis.grid.hint')}
        </p>
      </header>
      <div className="grid-scroll" ref={scroller} onScroll={(e) => setViewport({ top: e.currentTarget.scrollTop, height: e.currentTarget.clientHeight })}>
        <div
          ref={grid}
          role="grid"
          className="grid"
          aria-label={t('analysis.grid.label', { process: view.process.name })}
          aria-describedby={hintId}
          aria-rowcount={rowCount + 1}
          aria-colcount={columns.length + 1}
          aria-multiselectable="true"
          style={{ '--grid-template': template, minWidth } as CSSProperties}
          onKeyDown={onKeyDown}
          onMouseDown={onMouseDown}
          onDoubleClick={onDoubleClick}
          onBlur={onBlur}
          onCopy={(e) => onCopy(e)}
          onCut={(e) => onCopy(e, true)}
          onPaste={onPaste}
        >
          <div role="rowgroup" className="grid-head">
            <div role="row" aria-rowindex={1} className="grid-row">
              <div role="columnheader" aria-colindex={1} className="grid-rownum">
                {t('analysis.grid.column.number')}
              </div>
              {columns.map((column, c) => (
                <div key={column.key} role="columnheader" aria-colindex={c + 2} className={column.editor === 'duration' ? 'grid-colhead num' : 'grid-colhead'}>
                  {column.label}
                </div>
              ))}
            </div>
          </div>
          <div role="rowgroup" className="grid-body" style={{ height: rowCount * ROW_HEIGHT }}>
            {[...shown]
              .sort((a, b) => a - b)
              .map((r) => {
                const inRange = r >= range.top && r <= range.bottom;
                const isActive = r === at.row;
                const column = columns[at.col];
                return (
                  <GridRow
                    key={rows[r]?.id ?? 'new'}
                    gridId={gridId}
                    index={r}
                    step={rows[r] ?? null}
                    columns={columns}
                    laneMap={laneMap}
                    activeCol={isActive ? at.col : -1}
                    rangeLeft={inRange ? range.left : -1}
                    rangeRight={inRange ? range.right : -1}
                    pending={pendingFor(pending, r, columns.length)}
                    editor={isActive && editing && column ? editor(column, t('analysis.grid.editorLabel', { column: column.label, row: r + 1 })) : null}
                  />
                );
              })}
          </div>
        </div>
      </div>
    </section>
  );
}

/** A row's cells still being saved, as one string so an unchanged row keeps its memo. */
function pendingFor(pending: ReadonlyMap<string, string>, row: number, cols: number): string | null {
  if (pending.size === 0) return null;
  const out: string[] = [];
  for (let c = 0; c < cols; c++) {
    const text = pending.get(cellKey(row, c));
    if (text !== undefined) out.push(`${c}\u0000${text}`);
  }
  return out.length > 0 ? out.join('\u0001') : null;
}

interface GridRowProps {
  gridId: string;
  index: number;
  step: Step | null;
  columns: readonly Column[];
  laneMap: ReadonlyMap<string, Lane>;
  activeCol: number;
  rangeLeft: number;
  rangeRight: number;
  pending: string | null;
  editor: ReactNode;
}

/** One row; redrawn only when its step, its selection or its editor changes. */
const GridRow = memo(function GridRow({ gridId, index, step, columns, laneMap, activeCol, rangeLeft, rangeRight, pending, editor }: GridRowProps) {
  const saving = new Map((pending ?? '').split('\u0001').filter(Boolean).map((part) => part.split('\u0000') as [string, string]).map(([c, text]) => [Number(c), text]));
  return (
    <div role="row" aria-rowindex={index + 2} className={`grid-row${step ? '' : ' grid-new'}${editor ? ' has-editor' : ''}`} style={{ transform: `translateY(${index * ROW_HEIGHT}px)` }}>
      <div role="rowheader" aria-colindex={1} className="grid-rownum">
        {step ? index + 1 : <span aria-label={t('analysis.grid.newRow')}>+</span>}
      </div>
      {columns.map((column, c) => {
        const isActive = c === activeCol;
        const selected = c >= rangeLeft && c <= rangeRight;
        const text = saving.get(c) ?? (step ? cellText(step, column, laneMap) : '');
        const classes = ['grid-cell'];
        if (column.editor === 'duration') classes.push('num');
        if (isActive) classes.push('active');
        if (selected) classes.push('selected');
        if (isActive && editor) classes.push('editing');
        return (
          <div
            key={column.key}
            id={`${gridId}-${cellKey(index, c)}`}
            data-cell={cellKey(index, c)}
            role="gridcell"
            aria-colindex={c + 2}
            aria-selected={selected}
            aria-readonly={!step && column.key !== 'text' ? true : undefined}
            tabIndex={isActive ? 0 : -1}
            className={classes.join(' ')}
          >
            {isActive && editor ? editor : !step && column.key === 'text' && !text ? <span className="grid-placeholder">{t('analysis.grid.newStep')}</span> : <span className="grid-text">{text}</span>}
          </div>
        );
      })}
    </div>
  );
});
