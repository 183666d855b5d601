import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { createContext, memo, useContext, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { LANE_HEADER_WIDTH } from '../../../core/geometry';
import type { Lane, Step } from '../../../core/model';
import { useCanvasUi } from './canvasUi';

export interface StepData extends Record<string, unknown> {
  step: Step;
  painNumbers: number[];
  openQuestions: number;
  quotes: number;
}
export interface LaneData extends Record<string, unknown> {
  lane: Lane | null;
  name: string;
  shade: 'a' | 'b';
}
export type StepNode = Node<StepData, 'step'>;
export type LaneNode = Node<LaneData, 'lane'>;

export interface CanvasActions {
  commitText: (id: string, text: string, next: 'stop' | 'chain') => void;
  openSubprocess: (step: Step) => void;
}

export const CanvasActionsContext = createContext<CanvasActions>({ commitText: () => undefined, openSubprocess: () => undefined });

function StepEditor({ step }: { step: Step }) {
  const actions = useContext(CanvasActionsContext);
  const stopEditing = useCanvasUi((s) => s.stopEditing);
  const [text, setText] = useState(step.text);
  const ref = useRef<HTMLTextAreaElement>(null);
  const done = useRef(false);

  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, []);

  const finish = (next: 'stop' | 'chain' | 'cancel') => {
    if (done.current) return;
    done.current = true;
    if (next === 'cancel') stopEditing();
    else actions.commitText(step.id, text.trim(), next);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    event.stopPropagation();
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      finish('chain');
    } else if (event.key === 'Escape') {
      event.preventDefault();
      finish(text.trim() === step.text ? 'cancel' : 'stop');
    }
  };

  return (
    <textarea
      ref={ref}
      className="step-editor nodrag nowheel"
      aria-label="Step text"
      value={text}
      onChange={(e) => setText(e.target.value)}
      onKeyDown={onKeyDown}
      onBlur={() => finish('stop')}
    />
  );
}

export const StepNodeView = memo(function StepNodeView({ id, data, selected }: NodeProps<StepNode>) {
  const editing = useCanvasUi((s) => s.editingId === id);
  const actions = useContext(CanvasActionsContext);
  const { step } = data;
  const label = step.text || (step.kind === 'start' ? 'Start' : step.kind === 'end' ? 'End' : '');
  return (
    <div
      className={`step step-${step.kind}${selected ? ' selected' : ''}`}
      role="group"
      aria-label={`${step.kind === 'activity' ? 'Step' : step.kind}: ${step.text || 'untitled'}`}
      onDoubleClick={() => (step.kind === 'subprocess' && step.subprocessId ? actions.openSubprocess(step) : undefined)}
    >
      <div className="step-shape" />
      {step.kind === 'wait' && (
        <svg className="wait-marker" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
          <circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
          <path d="M8 4.5V8l2.5 1.5" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
        </svg>
      )}
      {step.kind === 'subprocess' && (
        <span className="subprocess-marker" aria-hidden="true">
          +
        </span>
      )}
      {editing ? (
        <StepEditor step={step} />
      ) : (
        <span className={`step-label${label ? '' : ' step-placeholder'}`}>{label || 'Type to name'}</span>
      )}
      {(data.painNumbers.length > 0 || data.openQuestions > 0 || data.quotes > 0) && (
        <div className="step-markers">
          {data.painNumbers.map((n) => (
            <span key={n} className="step-badge badge-pain" title={`Pain point ${n}`}>
              {n}
            </span>
          ))}
          {data.openQuestions > 0 && (
            <span className="step-badge badge-question" title={`${data.openQuestions} open question(s)`}>
              ?
            </span>
          )}
          {data.quotes > 0 && (
            <span className="step-badge badge-quote" title={`${data.quotes} quote(s)`}>
              “{data.quotes}
            </span>
          )}
        </div>
      )}
      <Handle type="target" position={Position.Left} id="in" />
      <Handle type="source" position={Position.Right} id="out" />
      <Handle type="source" position={Position.Bottom} id="down" />
      <Handle type="target" position={Position.Top} id="up" />
    </div>
  );
});

export const LaneNodeView = memo(function LaneNodeView({ data }: NodeProps<LaneNode>) {
  return (
    <div className="lane" style={{ background: data.shade === 'a' ? 'var(--lane-a)' : 'var(--lane-b)' }}>
      <div className="lane-header" style={{ width: LANE_HEADER_WIDTH }}>
        <div>
          {data.name}
          {data.lane && <span className="lane-kind">{data.lane.kind}</span>}
        </div>
      </div>
      <div className="lane-body" />
    </div>
  );
});

export const nodeTypes = { step: StepNodeView, lane: LaneNodeView };
