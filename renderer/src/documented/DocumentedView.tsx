import { useState, type ReactNode } from 'react';
import type { CompareSide } from '../../../core/compare';
import type { Process, Step } from '../../../core/records';
import { processView, type Snapshot } from '../../../core/views';
import { jumpToStep } from '../analysis/jump';
import { EmptyNote } from '../analysis/ui';
import { runCommand } from '../commands';
import { t } from '../i18n';
import { useShoshin } from '../store';
import { CompareSetupDialog } from './CompareSetupDialog';
import { MatchDialog } from './MatchDialog';
import { useDocumentedUi } from './documentedUi';
import { comparisonView, differs, laneLabel, stepLabel, type MatchRow } from './rows';
import './documented.css';

/** A process's lanes, steps and flows, the same object while that process is unchanged. */
function sideOf(snapshot: Snapshot, id: string): CompareSide | null {
  return processView(snapshot, id);
}

/** Which documented process to show: the one on the canvas, the one compared with it, else the first. */
function chosenDocumented(documented: readonly Process[], shown: string | null): Process | null {
  return (
    documented.find((p) => p.id === shown) ??
    documented.find((p) => p.observedId !== null && p.observedId === shown) ??
    documented.find((p) => p.observedId !== null) ??
    documented[0] ??
    null
  );
}

type Editing = { row: MatchRow; from: 'documented' | 'observed' } | null;

/**
 * Documented versus observed: the client's written procedure beside what people showed, step by
 * step, with what differs named without judging, and the pairs the consultant corrects.
 */
export function DocumentedView() {
  const snapshot = useShoshin((s) => s.snapshot);
  const shownId = useShoshin((s) => s.processId);
  const mutate = useShoshin((s) => s.mutate);
  const selectProcess = useShoshin((s) => s.selectProcess);
  const setup = useDocumentedUi((s) => s.setup);
  const setSetup = useDocumentedUi((s) => s.setSetup);
  const [editing, setEditing] = useState<Editing>(null);
  const [onlyDifferences, setOnlyDifferences] = useState(false);

  const processes = snapshot ? [...snapshot.tables.processes.values()].sort((a, b) => a.position - b.position) : [];
  const documented = processes.filter((p) => p.documented);
  const current = chosenDocumented(documented, shownId);
  const observedId = current?.observedId ?? null;
  const docSide = snapshot && current ? sideOf(snapshot, current.id) : null;
  const obsSide = snapshot && observedId ? sideOf(snapshot, observedId) : null;
  const matchTable = snapshot?.tables.step_matches;
  const view = docSide && obsSide && matchTable ? comparisonView(docSide, obsSide, [...matchTable.values()].filter((m) => m.processId === current?.id)) : null;
  const dialogs = (
    <>
      {setup && <CompareSetupDialog processes={processes} initialDocumentedId={setup.documentedId} onClose={() => setSetup(null)} onDone={(id) => void selectProcess(id)} />}
      {editing && current && docSide && obsSide && view && (
        <MatchDialog
          processId={current.id}
          documentedName={current.name}
          observedName={processes.find((p) => p.id === observedId)?.name ?? ''}
          documented={docSide}
          observed={obsSide}
          rows={view.rows}
          row={editing.row}
          from={editing.from}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );

  const head = (actions?: ReactNode) => (
    <header className="analysis-head">
      <h2 id="documented-title">{t('documented.title')}</h2>
      <span className="spacer" />
      {actions}
    </header>
  );

  if (!current) {
    return (
      <section className="analysis-view" aria-labelledby="documented-title">
        {head()}
        <EmptyNote title={t('documented.emptyTitle')}>{t('documented.emptyText')}</EmptyNote>
        <div className="documented-empty-action">
          <button type="button" className="btn" onClick={() => runCommand('file.import')}>
            {t('import.command')}
          </button>
          <button type="button" className="btn btn-primary" onClick={() => setSetup({ documentedId: null })}>
            {t('documented.setUp')}
          </button>
        </div>
        {dialogs}
      </section>
    );
  }

  const observedName = processes.find((p) => p.id === observedId)?.name ?? '';
  const hasCorrections = !!matchTable && [...matchTable.values()].some((m) => m.processId === current.id);

  return (
    <section className="analysis-view" aria-labelledby="documented-title">
      {head(
        <>
          {hasCorrections && (
            <button type="button" className="btn btn-sm" title={t('documented.resetAllTitle')} onClick={() => void mutate('match.reset', { processId: current.id })}>
              {t('documented.resetAll')}
            </button>
          )}
          {observedId && (
            <button type="button" className="btn btn-sm" onClick={() => void mutate('process.compareWith', { id: current.id, observedId: null })}>
              {t('documented.end')}
            </button>
          )}
        </>,
      )}
      <p className="muted documented-intro">{t('documented.intro')}</p>
      <div className="documented-pair">
        {documented.length > 1 ? (
          <label className="field documented-pick">
            {t('documented.pickComparison')}
            <select className="input" value={current.id} onChange={(e) => void selectProcess(e.target.value)}>
              {documented.map((p) => {
                const other = processes.find((o) => o.id === p.observedId);
                return (
                  <option key={p.id} value={p.id}>
                    {other ? t('documented.comparisonOption', { documented: p.name, observed: other.name }) : t('documented.comparisonOptionAlone', { documented: p.name })}
                  </option>
                );
              })}
            </select>
          </label>
        ) : (
          <div className="documented-side documented-side-doc">
            <span className="documented-side-label">{t('documented.documentedSide')}</span>
            <strong>{current.name}</strong>
          </div>
        )}
        <span className="documented-versus" aria-hidden="true">
          ↔
        </span>
        <div className="documented-side documented-side-obs">
          <span className="documented-side-label">{t('documented.observedSide')}</span>
          <strong>{observedName || '—'}</strong>
        </div>
        <button type="button" className="btn btn-sm" onClick={() => setSetup({ documentedId: current.id })}>
          {t('documented.change')}
        </button>
      </div>
      {!view || !docSide || !obsSide ? (
        <>
          <EmptyNote title={t('documented.notLinkedTitle', { name: current.name })}>{t('documented.notLinkedText')}</EmptyNote>
          <div className="documented-empty-action">
            <button type="button" className="btn btn-primary" onClick={() => setSetup({ documentedId: current.id })}>
              {t('documented.chooseObserved')}
            </button>
          </div>
        </>
      ) : (
        <>
          <Summary view={view} documentedCount={view.rows.filter((r) => r.documented).length} />
          <div className="documented-filter">
            <label className="check-inline">
              <input type="checkbox" checked={onlyDifferences} onChange={(e) => setOnlyDifferences(e.target.checked)} />
              {t('documented.onlyDifferences')}
            </label>
          </div>
          <MatchTable
            rows={onlyDifferences ? view.rows.filter(differs) : view.rows}
            allRows={view.rows.length}
            label={t('documented.tableLabel', { documented: current.name, observed: observedName })}
            documented={docSide}
            observed={obsSide}
            onEdit={(row, from) => setEditing({ row, from })}
            onAutomatic={(step) => void mutate('match.reset', { processId: current.id, stepId: step.id })}
          />
        </>
      )}
      {dialogs}
    </section>
  );
}

function change(observed: number, documented: number): string {
  if (observed > documented) return t('documented.more', { count: observed - documented, documented });
  if (observed < documented) return t('documented.fewer', { count: documented - observed, documented });
  return t('documented.same', { documented });
}

function Summary({ view, documentedCount }: { view: NonNullable<ReturnType<typeof comparisonView>>; documentedCount: number }) {
  const c = view.comparison;
  const cards: { label: string; value: string; note: string; tone: string }[] = [
    { label: t('documented.matched'), value: String(c.pairs.length), note: t('documented.matchedNote', { count: documentedCount }), tone: '' },
    { label: t('documented.notDocumented'), value: String(c.notDocumented.length), note: t('documented.notDocumentedNote'), tone: c.notDocumented.length ? 'tone-unmatched' : '' },
    { label: t('documented.notDone'), value: String(c.notDone.length), note: t('documented.notDoneNote'), tone: c.notDone.length ? 'tone-unmatched' : '' },
    { label: t('documented.otherRole'), value: String(c.otherRole.length), note: t('documented.otherRoleNote'), tone: c.otherRole.length ? 'tone-role' : '' },
    { label: t('documented.otherOrder'), value: String(c.otherOrder.length), note: t('documented.otherOrderNote'), tone: c.otherOrder.length ? 'tone-order' : '' },
    {
      label: t('documented.handoffs'),
      value: String(c.handoffs.observed),
      note: change(c.handoffs.observed, c.handoffs.documented),
      tone: c.handoffs.observed > c.handoffs.documented ? 'tone-order' : '',
    },
    {
      label: t('documented.loops'),
      value: String(c.loops.observed),
      note: change(c.loops.observed, c.loops.documented),
      tone: c.loops.observed > c.loops.documented ? 'tone-order' : '',
    },
  ];
  return (
    <ul className="metric-grid documented-summary" aria-label={t('documented.summaryLabel')}>
      {cards.map((card) => (
        <li key={card.label} className={`metric-card ${card.tone}`} aria-label={`${card.label}: ${card.value}`}>
          <span className="metric-label">{card.label}</span>
          <span className="metric-value">{card.value}</span>
          <span className="metric-note">{card.note}</span>
        </li>
      ))}
    </ul>
  );
}

interface TableProps {
  rows: MatchRow[];
  allRows: number;
  label: string;
  documented: CompareSide;
  observed: CompareSide;
  onEdit: (row: MatchRow, from: 'documented' | 'observed') => void;
  onAutomatic: (step: Step) => void;
}

function StepCell({ step, side, missing }: { step: Step | null; side: CompareSide; missing: boolean }) {
  if (!step) return <span className="documented-missing">{t('documented.noCounterpart')}</span>;
  return (
    <>
      <button type="button" className={missing ? 'link-btn documented-step documented-step-alone' : 'link-btn documented-step'} title={t('documented.showOnMap')} onClick={() => void jumpToStep(step.processId, step.id)}>
        {stepLabel(step)}
      </button>
      <div className="muted cell-sub">{laneLabel(side, step)}</div>
    </>
  );
}

function MatchTable({ rows, allRows, label, documented, observed, onEdit, onAutomatic }: TableProps) {
  if (allRows === 0) return <p className="muted table-empty">{t('documented.noRows')}</p>;
  return (
    <div className="table-wrap">
      <table className="data-table documented-table" aria-label={label}>
        <thead>
          <tr>
            <th scope="col">{t('documented.colDocumented')}</th>
            <th scope="col" className="documented-col-match">
              {t('documented.colMatch')}
            </th>
            <th scope="col">{t('documented.colObserved')}</th>
            <th scope="col">{t('documented.colDifferences')}</th>
            <th scope="col" className="col-actions">
              {t('documented.colActions')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={5} className="muted table-empty">
                {t('documented.noDifferencesLeft')}
              </td>
            </tr>
          )}
          {rows.map((row) => {
            const anchor = (row.documented ?? row.observed) as Step;
            const from = row.documented ? 'documented' : 'observed';
            const tags: { text: string; tone: string }[] = [];
            if (!row.documented) tags.push({ text: t('documented.tagNotDocumented'), tone: 'tag-unmatched' });
            if (!row.observed) tags.push({ text: t('documented.tagNotDone'), tone: 'tag-unmatched' });
            if (row.otherRole) tags.push({ text: t('documented.tagOtherRole', { documented: row.otherRole.documentedLane, observed: row.otherRole.observedLane }), tone: 'tag-role' });
            if (row.otherOrder) tags.push({ text: t('documented.tagOtherOrder'), tone: 'tag-order' });
            return (
              <tr key={row.key}>
                <td className={row.documented && !row.observed ? 'documented-cell-alone' : undefined}>
                  <StepCell step={row.documented} side={documented} missing={!row.observed} />
                </td>
                <td className="documented-col-match">
                  {row.pair ? (
                    <span className={row.pair.corrected ? 'documented-score documented-score-set' : 'documented-score'}>
                      {row.pair.corrected ? t('documented.setByYou') : t('documented.alike', { percent: Math.round(row.pair.score * 100) })}
                    </span>
                  ) : (
                    <span className="documented-score documented-score-none" aria-hidden="true">
                      —
                    </span>
                  )}
                </td>
                <td className={row.observed && !row.documented ? 'documented-cell-alone' : undefined}>
                  <StepCell step={row.observed} side={observed} missing={!row.documented} />
                </td>
                <td>
                  {tags.length === 0 ? (
                    <span className="muted">{t('documented.noDifferences')}</span>
                  ) : (
                    <span className="tags">
                      {tags.map((tag) => (
                        <span key={tag.text} className={`tag ${tag.tone}`}>
                          {tag.text}
                        </span>
                      ))}
                    </span>
                  )}
                </td>
                <td className="col-actions">
                  <div className="documented-actions">
                    <button type="button" className="btn btn-sm" aria-label={t('documented.changeMatchName', { step: stepLabel(anchor) })} onClick={() => onEdit(row, from)}>
                      {t('documented.changeMatch')}
                    </button>
                    {row.corrected && (
                      <button type="button" className="btn btn-sm" aria-label={t('documented.automaticName', { step: stepLabel(anchor) })} onClick={() => onAutomatic(anchor)}>
                        {t('documented.automatic')}
                      </button>
                    )}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
