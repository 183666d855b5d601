import { useReactFlow } from '@xyflow/react';
import { useMemo, type RefObject } from 'react';
import { keepCentre, placeAfter, placeBranch } from '../../../core/layout';
import type { ProcessView, Step, StepKind } from '../../../core/model';
import { newRecord } from '../../../core/records';
import { kindForText, splitLanePrefix } from '../../../core/typeToMap';
import { useCurrentSession } from '../capture/session';
import { useSelection } from '../selection';
import { useShoshin, type Send } from '../store';
import { useCanvasUi } from './canvasUi';
import { followSteps } from './canvasViewport';
import { mergeView } from './graph';
import { layoutProcess } from './layoutClient';
import type { CommitNext } from './nodes';
import { t } from '../i18n';

/** The process as the user sees it this instant: saved view plus what is still on its way to disk. */
export function workingView(): ProcessView | null {
  const view = useShoshin.getState().process;
  if (!view) return null;
  const ui = useCanvasUi.getState();
  return mergeView(view, ui.pending, ui.overrides);
}

function currentSessionId(): string | null {
  const chosen = useCurrentSession.getState().sessionId;
  const sessions = useShoshin.getState().engagement?.sessions ?? [];
  return chosen && sessions.some((s) => s.id === chosen) ? chosen : null;
}

function blankStep(id: string, processId: string, place: { laneId: string | null; x: number; y: number }, sessionId: string | null): Step {
  return newRecord('steps', { id, processId, ...place, sessionId, subprocessId: null });
}

/** The decision a new branch hangs off: the step itself, or the decision (else the step) just before it. */
function branchOrigin(view: ProcessView, step: Step): Step {
  if (step.kind === 'decision') return step;
  const before = view.flows.filter((f) => f.targetId === step.id).map((f) => view.steps.find((s) => s.id === f.sourceId));
  return before.find((s) => s?.kind === 'decision') ?? before.find((s) => s !== undefined) ?? step;
}

function branchSuggestion(view: ProcessView, origin: Step): string {
  const labels = new Set(view.flows.filter((f) => f.sourceId === origin.id).map((f) => f.label.trim().toLowerCase()));
  if (origin.kind !== 'decision') return '';
  const yes = t('capture.useCapture.yes');
  const no = t('capture.useCapture.no');
  if (labels.size === 0) return yes;
  if (labels.has(yes.toLowerCase()) && !labels.has(no.toLowerCase())) return no;
  return '';
}

export interface CaptureActions {
  addNext: (fromId: string | null) => void;
  addBranch: (stepId: string) => void;
  createStep: (fromId: string | null, options: { label?: string; branch: boolean }) => void;
  commitText: (id: string, next: CommitNext) => void;
  rename: (id: string) => void;
  setKind: (id: string, kind: StepKind) => void;
  moveToLane: (id: string, direction: 'up' | 'down') => void;
  openSubprocess: (id: string) => Promise<void>;
  goToParent: () => Promise<void>;
  tidy: () => void;
  mapText: (text: string, after: string | null) => void;
  reveal: (id: string) => void;
  show: (id: string) => void;
  focusCanvas: () => void;
}

/**
 * The capture gestures. Each one acts at once on screen and queues its commands on the store's
 * one write queue, so a consultant can type step after step without waiting for a single save;
 * each gesture's commands are worked out when its turn comes, from everything saved before it.
 */
export function useCapture(wrapper: RefObject<HTMLDivElement | null>): CaptureActions {
  const { getViewport, setViewport } = useReactFlow();

  return useMemo(() => {
    const { mutate, selectProcess, later } = useShoshin.getState();
    const ui = () => useCanvasUi.getState();
    const select = (ids: string[]) => useSelection.getState().set(ids);
    const enqueue = (gesture: (send: Send) => Promise<unknown> | void) => void later(gesture);
    // Focusing forces a layout of the page; skip it when the canvas already has the focus.
    const focusCanvas = () => {
      if (wrapper.current && document.activeElement !== wrapper.current) wrapper.current.focus({ preventScroll: true });
    };

    /** Brings a step into view, zoomed in to read it when it would be too small, clear of the lane names, controls and minimap. */
    const reveal = (id: string) => followSteps({ getViewport, setViewport }, wrapper.current, workingView(), [id]);

    const show = (id: string) => {
      select([id]);
      reveal(id);
    };

    const createStep: CaptureActions['createStep'] = (fromId, { label, branch }) => {
      const view = workingView();
      if (!view) return;
      const processId = view.process.id;
      const id = crypto.randomUUID();
      const place = (now: ProcessView) => {
        const others = { ...now, steps: now.steps.filter((s) => s.id !== id) };
        const from = fromId ? (others.steps.find((s) => s.id === fromId) ?? null) : null;
        return { from, ...(from && branch ? placeBranch(others, from, 'activity') : placeAfter(others, from, 'activity')) };
      };
      const showPending = (now: ProcessView) => {
        const spot = place(now);
        const shown = ui().pending[id]?.step;
        // Nothing moved since it was first shown: no second render before the first paint.
        if (shown && shown.laneId === spot.laneId && shown.x === spot.x && shown.y === spot.y) return spot;
        ui().addPending({
          step: blankStep(id, processId, spot, currentSessionId()),
          flow: spot.from ? { id: `pending-flow:${id}`, processId, sourceId: spot.from.id, targetId: id, label: label ?? '' } : null,
        });
        return spot;
      };
      // On screen and typed into at once, placed where it will most likely go...
      showPending(view);
      select([id]);
      ui().startEditing(id, '', false);
      focusCanvas();
      reveal(id);
      enqueue(async (send) => {
        // ...and placed for good once the gestures before it (say, a new lane) have been saved.
        const now = workingView();
        if (!now || now.process.id !== processId) return;
        const spot = showPending(now);
        reveal(id);
        const sessionId = currentSessionId();
        await send('step.add', {
          id,
          processId,
          laneId: spot.laneId,
          kind: 'activity',
          x: spot.x,
          y: spot.y,
          ...(spot.from ? { after: spot.from.id } : {}),
          ...(label ? { label } : {}),
          ...(sessionId ? { sessionId } : {}),
        }).then((saved) => {
          ui().dropPending(id);
          if (!saved && ui().editingId === id) ui().stopEditing();
        });
      });
    };

    const addBranch = (stepId: string) => {
      const view = workingView();
      const step = view?.steps.find((s) => s.id === stepId);
      if (!view || !step) return;
      const origin = branchOrigin(view, step);
      ui().openDialog({ kind: 'branch', originId: origin.id, suggestion: branchSuggestion(view, origin) });
    };

    const addNext = (fromId: string | null) => {
      const view = workingView();
      const from = fromId ? view?.steps.find((s) => s.id === fromId) : undefined;
      // A decision's way out is a labelled branch.
      if (from?.kind === 'decision') addBranch(from.id);
      else createStep(from?.id ?? null, { branch: false });
    };

    const commitText = (id: string, next: CommitNext) => {
      const state = ui();
      if (state.editingId !== id) return;
      const typed = state.draft;
      state.stopEditing();
      focusCanvas();
      const view = workingView();
      const step = view?.steps.find((s) => s.id === id);
      if (!view || !step) return;
      const { lane, text } = splitLanePrefix(typed);
      const patch: { text?: string; kind?: StepKind } = {};
      if (text !== step.text) patch.text = text;
      if (patch.text !== undefined && step.kind === 'activity' && kindForText(text) === 'decision') patch.kind = 'decision';
      // Always sent when typed: the lane a step shows before its save returns may be a guess.
      const laneName = lane ?? undefined;
      if (Object.keys(patch).length > 0 || laneName) {
        const token = ui().setOverride(id, patch.kind ? { ...patch, ...keepCentre(step, patch.kind) } : patch);
        // The next step is placed after this save, so it lands in the lane this one went to.
        enqueue((send) => send('step.update', { id, patch, ...(laneName ? { laneName } : {}) }).finally(() => ui().dropOverride(id, token)));
      }
      if (!text) return;
      if (next === 'chain') addNext(id);
      else if (next === 'branch') addBranch(id);
    };

    const rename = (id: string) => {
      const step = workingView()?.steps.find((s) => s.id === id);
      if (step) ui().startEditing(id, step.text, true);
    };

    const setKind = (id: string, kind: StepKind) => {
      void mutate('step.update', { id, patch: { kind } });
    };

    const moveToLane = (id: string, direction: 'up' | 'down') => {
      const view = workingView();
      const step = view?.steps.find((s) => s.id === id);
      if (!view || !step) return;
      const lanes = [...view.lanes].sort((a, b) => a.position - b.position);
      const index = lanes.findIndex((l) => l.id === step.laneId);
      const target = index === -1 ? (direction === 'up' ? lanes[lanes.length - 1] : undefined) : lanes[index + (direction === 'up' ? -1 : 1)];
      if (!target) return;
      void mutate('step.update', { id, patch: { laneId: target.id } }).then(() => reveal(id));
    };

    const openSubprocess = async (id: string) => {
      await later(() => undefined);
      const step = workingView()?.steps.find((s) => s.id === id);
      if (!step || step.kind !== 'subprocess') return;
      let child = step.subprocessId;
      if (!child) {
        // Its child process was deleted: make a new one, then open it.
        await mutate('step.update', { id, patch: { kind: 'subprocess' } });
        child = workingView()?.steps.find((s) => s.id === id)?.subprocessId ?? null;
      }
      if (!child) return;
      select([]);
      await selectProcess(child);
      focusCanvas();
    };

    const goToParent = async () => {
      const view = workingView();
      const parent = view?.breadcrumbs[view.breadcrumbs.length - 1];
      if (!view || !parent) return;
      const stepId = view.process.parentStepId;
      await selectProcess(parent.id);
      select(stepId ? [stepId] : []);
      focusCanvas();
      if (stepId) requestAnimationFrame(() => reveal(stepId));
    };

    const tidy = () => {
      enqueue(async (send) => {
        const view = workingView();
        if (!view || view.steps.length === 0) return;
        const { places, fallback } = await layoutProcess(view);
        const saved = await send('step.place', { processId: view.process.id, places });
        if (saved && fallback) {
          useShoshin.setState({ notice: t(fallback === 'timeout' ? 'capture.useCapture.layoutTimeout' : 'capture.useCapture.layoutFailed') });
        }
      });
    };

    const mapText = (text: string, after: string | null) => {
      enqueue(async (send) => {
        const view = workingView();
        if (!view) return;
        const sessionId = currentSessionId();
        const result = await send('process.mapText', {
          processId: view.process.id,
          text,
          ...(after ? { after } : {}),
          ...(sessionId ? { sessionId } : {}),
        });
        const last = result?.steps[result.steps.length - 1];
        if (last) show(last.id);
      });
    };

    return { addNext, addBranch, createStep, commitText, rename, setKind, moveToLane, openSubprocess, goToParent, tidy, mapText, reveal, show, focusCanvas };
  }, [getViewport, setViewport, wrapper]);
}
