import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { createContext, memo, useContext, useId, useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import { LANE_HEADER_WIDTH } from '../../../core/geometry';
import type { Lane, StepKind } from '../../../core/model';
import { laneCompletions } from '../../../core/typeToMap';
import { useCanvasUi } from './canvasUi';
import { t, type StringKey } from '../i18n';

/** Only what a step node shows, so an unrelated edit (say, a description) never re-renders it. */
export interface StepData extends Record<string, unknown> {
  kind: StepKind;
  text: string;
  /** A sub-process step whose child process exists. */
  linked: boolean;
  painNumbers: number[];
  openQuestions: number;
  quotes: number;
}
export interface LaneData extends Record<string, unknown> {
  lane: Lane | null;
  name: string;
  shade: 'a' | 'b';
  /** Heat overlay: the lane's share of the hottest lane's pain points or votes, 0..1; null when off. */
  heat?: number | null;
}
export type StepNode = Node<StepData, 'step'>;
export type LaneNode = Node<LaneData, 'lane'>;

export type CommitNext = 'stop' | 'chain' | 'branch';

export interface CanvasActions {
  commitText: (id: string, next: CommitNext) => void;
}

export const CanvasActionsContext = createContext<CanvasActions>({ commitText: () => undefined });
/** The lanes of the process on the canvas, by name, in order: what "@" completes to. */
export const LaneNamesContext = createContext<readonly string[]>([]);

const KIND_LABEL: Record<StepKind, StringKey> = {
  activity: 'capture.nodes.kind.activity',
  decision: 'capture.nodes.kind.decision',
  start: 'capture.nodes.kind.start',
  end: 'capture.nodes.kind.end',
  wait: 'capture.nodes.kind.wait',
  subprocess: 'capture.nodes.kind.subprocess',
};

/** The short name of a step kind, as steps are announced ("Step", "Decision"...). */
export function kindLabel(kind: StepKind): string {
  return t(KIND_LABEL[kind]);
}

function openQuestionsText(count: number): string {
  return t(count === 1 ? 'capture.nodes.openQuestions.one' : 'capture.nodes.openQuestions.other', { count });
}

function quotesText(count: number): string {
  return t(count === 1 ? 'capture.nodes.quotes.one' : 'capture.nodes.quotes.other', { count });
}

/** Long text gets smaller type rather than being cut off; shapes keep their size so layouts hold. */
function sizeClass(text: string): string {
  if (text.length > 90) return ' text-tiny';
  if (text.length > 48) return ' text-small';
  return '';
}

/** What Enter does in a step's text: chain on to the next step (or a branch) while capturing; just save when renaming. */
export function enterAction(shift: boolean): CommitNext {
  if (useCanvasUi.getState().renaming) return 'stop';
  return shift ? 'branch' : 'chain';
}

/**
 * The text editor reads and writes the shared draft, which may already hold keys typed before it
 * appeared. "@" starts a lane name: Tab completes it from the process's lanes (again for the next
 * match), and a hint under the editor says which lane Tab gives.
 */
function StepEditor({ id }: { id: string }) {
  const actions = useContext(CanvasActionsContext);
  const draft = useCanvasUi((s) => s.draft);
  const setDraft = useCanvasUi((s) => s.setDraft);
  const lanes = useContext(LaneNamesContext);
  const ref = useRef<HTMLTextAreaElement>(null);
  const cycle = useRef<{ from: string; index: number; shown: string } | null>(null);
  const hintId = useId();
  const completing = cycle.current?.shown === draft ? cycle.current.from : draft;
  const matches = laneCompletions(completing, lanes);
  const next = matches.length > 0 ? matches[cycle.current?.shown === draft ? (cycle.current.index + 1) % matches.length : 0] : undefined;

  useLayoutEffect(() => {
    // A node can be briefly unfocusable while React Flow places it; keep trying for a few frames.
    let frame = 0;
    let tries = 0;
    const focus = () => {
      const el = ref.current;
      if (!el) return;
      el.focus({ preventScroll: true });
      if (document.activeElement !== el && tries++ < 20) {
        frame = requestAnimationFrame(focus);
        return;
      }
      if (useCanvasUi.getState().renaming) el.select();
      else el.setSelectionRange(el.value.length, el.value.length);
    };
    focus();
    return () => cancelAnimationFrame(frame);
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    event.stopPropagation();
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'Tab' && !event.shiftKey && next) {
      event.preventDefault();
      const index = matches.indexOf(next);
      cycle.current = { from: completing, index, shown: next };
      setDraft(next);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      actions.commitText(id, enterAction(event.shiftKey));
    } else if (event.key === 'Escape') {
      event.preventDefault();
      actions.commitText(id, 'stop');
    }
  };

  return (
    <>
      <textarea
        ref={ref}
        className="step-editor nodrag nowheel"
        aria-label={t('capture.nodes.stepText')}
        aria-describedby={next ? hintId : undefined}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={onKeyDown}
        // Another window taking the focus (a glance at e-mail) is no click away: the step stays open.
        onBlur={() => document.hasFocus() && actions.commitText(id, 'stop')}
      />
      {next && (
        <span className="lane-hint" id={hintId}>
          {t('capture.nodes.laneHint', { lane: next.slice(1, -2) })}
        </span>
      )}
    </>
  );
}

function Markers({ data }: { data: StepData }) {
  if (data.painNumbers.length === 0 && data.openQuestions === 0 && data.quotes === 0) return null;
  return (
    <div className="step-markers">
      {data.painNumbers.map((n) => (
        <span key={n} className="step-badge badge-pain" title={t('capture.nodes.painPoint', { number: n })}>
          {n}
        </span>
      ))}
      {data.openQuestions > 0 && (
        <span className="step-badge badge-question" title={openQuestionsText(data.openQuestions)}>
          ?
        </span>
      )}
      {data.quotes > 0 && (
        <span className="step-badge badge-quote" title={quotesText(data.quotes)}>
          <span aria-hidden="true">“</span>
          {data.quotes}
        </span>
      )}
    </div>
  );
}

export const StepNodeView = memo(function StepNodeView({ id, data, selected }: NodeProps<StepNode>) {
  const editing = useCanvasUi((s) => s.editingId === id);
  const label = data.text || (data.kind === 'start' ? t('capture.nodes.start') : data.kind === 'end' ? t('capture.nodes.end') : '');
  const markers = [
    data.openQuestions > 0 ? openQuestionsText(data.openQuestions) : '',
    data.quotes > 0 ? quotesText(data.quotes) : '',
  ].filter(Boolean);
  return (
    <div
      className={`step step-${data.kind}${selected ? ' selected' : ''}`}
      role="group"
      aria-label={t('capture.nodes.stepLabel', { kind: kindLabel(data.kind), text: data.text || t('capture.nodes.untitled') })}
      aria-description={markers.length > 0 ? markers.join(', ') : undefined}
      title={data.text.length > 48 ? data.text : undefined}
    >
      <div className="step-shape" />
      {data.kind === 'wait' && (
        <svg className="wait-marker" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
          <circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
          <path d="M8 4.5V8l2.5 1.5" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
        </svg>
      )}
      {data.kind === 'subprocess' && (
        <span className={`subprocess-marker${data.linked ? '' : ' unlinked'}`} aria-hidden="true">
          +
        </span>
      )}
      {editing ? (
        <StepEditor id={id} />
      ) : (
        <span className={`step-label${label ? '' : ' step-placeholder'}${sizeClass(label)}`}>{label || t('capture.nodes.typeToName')}</span>
      )}
      <Markers data={data} />
      <Handle type="target" position={Position.Left} id="in" />
      <Handle type="source" position={Position.Right} id="out" />
      <Handle type="source" position={Position.Bottom} id="down" />
      <Handle type="target" position={Position.Top} id="up" />
    </div>
  );
});

/** The band only; the lane's name sits in the fixed header column (LaneHeaders), which stays put while panning. */
export const LaneNodeView = memo(function LaneNodeView({ data }: NodeProps<LaneNode>) {
  return (
    <div className={`lane lane-${data.shade}`}>
      <div className="lane-gutter" style={{ width: LANE_HEADER_WIDTH }} />
      {data.heat != null && <div className="lane-heat" style={{ ['--heat-alpha' as string]: (data.heat * 0.28).toFixed(3) }} />}
    </div>
  );
});

export const nodeTypes = { step: StepNodeView, lane: LaneNodeView };
