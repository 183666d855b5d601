import { useReactFlow } from '@xyflow/react';
import { useMemo, type RefObject } from 'react';
import { freeSpot, keepCentre, placeAfter, placeBranch, spliceRoom } from '../../../core/layout';
import type { Flow, ProcessView, RecordChange, Step, StepKind } from '../../../core/model';
import { newRecord } from '../../../core/records';
import { chooseLane, kindForText, type LaneChoice } from '../../../core/typeToMap';
import { processView } from '../../../core/views';
import { useCurrentSession } from '../capture/session';
import { useSelection } from '../selection';
import { showNotice, useShoshin, type Send } from '../store';
import { useCanvasUi, type PendingStep, type StepPlan } from './canvasUi';
import { followSteps } from './canvasViewport';
import { mergeView } from './graph';
import { layoutProcess } from './layoutClient';
import type { CommitNext } from './nodes';
import { t } from '../i18n';

/**
 * The process as the user sees it this instant: saved view plus what is still on its way to disk.
 * The one on the canvas unless another is named (a step typed there is saved after a switch);
 * `without` leaves out one pending step and what it brings (to place that step again).
 */
export function workingView(processId?: string, without?: string): ProcessView | null {
  const state = useShoshin.getState();
  const view = processId === undefined || processId === state.processId ? state.process : state.snapshot ? processView(state.snapshot, processId) : null;
  if (!view) return null;
  const ui = useCanvasUi.getState();
  const pending = without === undefined ? ui.pending : Object.fromEntries(Object.entries(ui.pending).filter(([id]) => id !== without));
  return mergeView(view, pending, ui.overrides);
}

/** The one flow out of a step that leads on to another step: Enter there inserts between the two. */
function onlyWayOn(view: ProcessView, from: Step): Flow | null {
  const out = view.flows.filter((f) => f.sourceId === from.id && f.targetId !== from.id);
  const [only] = out;
  return out.length === 1 && only && view.steps.some((s) => s.id === only.targetId) ? only : null;
}

/** Where a new step goes in `view` (which must not hold it yet), and what it brings with it. */
function placeNew(view: ProcessView, id: string, plan: StepPlan, kind: StepKind): Pick<PendingStep, 'flows' | 'splices' | 'moves'> & { laneId: string | null; x: number; y: number } {
  const processId = view.process.id;
  const from = plan.from ? (view.steps.find((s) => s.id === plan.from) ?? null) : null;
  const to = plan.to ? (view.steps.find((s) => s.id === plan.to) ?? null) : null;
  const into = from && to ? view.flows.find((f) => f.sourceId === from.id && f.targetId === to.id) : undefined;
  if (from && to && into) {
    const room = spliceRoom(view, from, to, kind);
    return { ...room, splices: into.id, flows: [{ id: `pending-flow:${id}:on`, processId, sourceId: id, targetId: to.id, label: '' }] };
  }
  const spot = from && plan.branch ? placeBranch(view, from, kind) : placeAfter(view, from, kind);
  const flows = from ? [{ id: `pending-flow:${id}`, processId, sourceId: from.id, targetId: id, label: plan.label }] : [];
  return { ...spot, flows, splices: null, moves: [] };
}

/** A lane a command just created, for its notice. */
function createdLane(changes: readonly RecordChange[]): string | null {
  for (const c of changes) if (c.table === 'lanes' && c.before === null && c.after) return c.after.name;
  return null;
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

    /**
     * Opens a new step to type into: shown at once, where it will most likely go, with every key
     * typed from now on kept in the draft. Nothing is sent yet: the step is saved, with its words,
     * when they are committed (see commitText), so one left empty goes away without a trace.
     */
    const createStep: CaptureActions['createStep'] = (fromId, { label, branch }) => {
      const view = workingView();
      if (!view) return;
      const processId = view.process.id;
      const id = crypto.randomUUID();
      const from = fromId ? (view.steps.find((s) => s.id === fromId) ?? null) : null;
      const way = from && !branch && !label ? onlyWayOn(view, from) : null;
      const plan: StepPlan = { from: from?.id ?? null, to: way?.targetId ?? null, label: label ?? '', branch };
      const { laneId, x, y, ...brings } = placeNew(view, id, plan, 'activity');
      ui().addPending({ step: blankStep(id, processId, { laneId, x, y }, currentSessionId()), plan, queued: false, ...brings });
      select([id]);
      ui().startEditing(id, '', false);
      focusCanvas();
      reveal(id);
    };

    /** Where the lane named in the text sends a new step placed at `spot`: a free row in that lane, same column. */
    const inLane = (view: ProcessView, spot: { laneId: string | null; x: number; y: number }, kind: StepKind, laneId: string | null, id: string) => {
      if (laneId === spot.laneId) return { laneId, x: spot.x, y: spot.y };
      const others = view.steps.filter((s) => s.id !== id && s.laneId === laneId);
      return { laneId, ...freeSpot(others, kind, spot.x, spot.y) };
    };

    /** Says so when typed text made a lane, with an Undo that takes back just the lane. */
    const tellNewLane = (result: { changes: RecordChange[]; journalId: number | null } | null) => {
      const lane = result ? createdLane(result.changes) : null;
      if (!lane || !result?.journalId) return;
      const notice = t('capture.useCapture.laneAdded', { lane });
      const journalId = result.journalId;
      showNotice(notice, { action: { label: t('capture.useCapture.undoLane'), journalId, run: () => void mutate('history.undo', { journalId }) } });
    };

    /**
     * Saves a new step once it has words: one step.add with its text, its lane and its place in the
     * flow (one request, one undo entry). Worked out again when its turn on the write queue comes,
     * from everything saved before it (the step it follows may itself have been waiting), so it
     * lands in the lane an earlier step just created and splices into the flow as it is then.
     */
    const saveNew = (id: string, typed: string) => {
      const pending = ui().pending[id];
      if (!pending) return;
      const processId = pending.step.processId;
      const shown = workingView(processId);
      const guess = chooseLane(typed, shown?.lanes.map((l) => l.name) ?? []);
      const kind: StepKind = kindForText(guess.text);
      const guessLane = guess.lane && !guess.isNew ? (shown?.lanes.find((l) => l.name === guess.lane)?.id ?? pending.step.laneId) : pending.step.laneId;
      const at = kind === pending.step.kind ? pending.step : { ...pending.step, ...keepCentre(pending.step, kind) };
      ui().addPending({ ...pending, queued: true, step: { ...at, kind, text: guess.text, laneId: guessLane } });
      enqueue(async (send) => {
        // Placed again on what is saved now (and what is still waiting behind it), without its own guess.
        const now = workingView(processId, id);
        if (!now) return ui().dropPending(id);
        const choice: LaneChoice = chooseLane(typed, now.lanes.map((l) => l.name));
        const stepKind = kindForText(choice.text);
        const { plan } = pending;
        const placed = placeNew(now, id, plan, stepKind);
        const into = placed.splices ? now.flows.find((f) => f.id === placed.splices) : undefined;
        const laneId = choice.lane && !choice.isNew ? (now.lanes.find((l) => l.name === choice.lane)?.id ?? placed.laneId) : placed.laneId;
        const spot = into ? { laneId, x: placed.x, y: placed.y } : inLane(now, placed, stepKind, laneId, id);
        // The session chosen when the step was opened, unless it has been deleted since.
        const sessionId = (useShoshin.getState().engagement?.sessions ?? []).some((s) => s.id === pending.step.sessionId) ? pending.step.sessionId : null;
        const result = await send('step.add', {
          id,
          processId,
          kind: stepKind,
          text: choice.text,
          ...spot,
          ...(into ? { insertOn: into.id } : plan.from && now.steps.some((s) => s.id === plan.from) ? { after: plan.from, ...(plan.label ? { label: plan.label } : {}) } : {}),
          ...(choice.lane && choice.isNew ? { laneName: choice.lane } : {}),
          ...(sessionId ? { sessionId } : {}),
        });
        ui().dropPending(id);
        tellNewLane(result);
        if (useShoshin.getState().processId === processId) reveal(id);
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
      const pending = state.pending[id];
      if (pending && !pending.queued) {
        // A new step left empty (Escape, Enter, a click away, another process) was never sent: it
        // just goes, with no undo entry, and the step it came from is selected again.
        if (!typed.trim()) {
          ui().dropPending(id);
          select(pending.plan.from && useShoshin.getState().processId === pending.step.processId ? [pending.plan.from] : []);
          return;
        }
        saveNew(id, typed);
      } else if (!renameStep(id, typed)) return;
      if (next === 'chain') addNext(id);
      else if (next === 'branch') addBranch(id);
    };

    /** Saves new words for a step that exists (or whose add is queued); false when they are empty. */
    const renameStep = (id: string, typed: string): boolean => {
      const processId = ui().pending[id]?.step.processId ?? useShoshin.getState().snapshot?.tables.steps.get(id)?.processId;
      const view = processId ? workingView(processId) : null;
      const step = view?.steps.find((s) => s.id === id);
      if (!view || !step || !processId) return false;
      const guess = chooseLane(typed, view.lanes.map((l) => l.name));
      const patch: { text?: string; kind?: StepKind } = {};
      if (guess.text !== step.text) patch.text = guess.text;
      if (patch.text !== undefined && step.kind === 'activity' && kindForText(guess.text) === 'decision') patch.kind = 'decision';
      if (Object.keys(patch).length > 0 || guess.lane) {
        const token = ui().setOverride(id, patch.kind ? { ...patch, ...keepCentre(step, patch.kind) } : patch);
        // The lane is read again when its turn comes: an earlier step may just have created it.
        enqueue(async (send) => {
          // Everything before this edit is saved now, this step included: compare with what is on disk.
          const saved = useShoshin.getState().snapshot?.tables.steps.get(id);
          const now = workingView(processId);
          if (!now || !saved) return ui().dropOverride(id, token);
          const choice = chooseLane(typed, now.lanes.map((l) => l.name));
          const words: { text?: string; kind?: StepKind } = {};
          if (choice.text !== saved.text) words.text = choice.text;
          if (words.text !== undefined && saved.kind === 'activity' && kindForText(choice.text) === 'decision') words.kind = 'decision';
          if (Object.keys(words).length === 0 && !choice.lane) return ui().dropOverride(id, token);
          const result = await send('step.update', { id, patch: words, ...(choice.lane ? { laneName: choice.lane } : {}) });
          ui().dropOverride(id, token);
          tellNewLane(result);
        });
      }
      return guess.text !== '';
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
          showNotice(t(fallback === 'timeout' ? 'capture.useCapture.layoutTimeout' : 'capture.useCapture.layoutFailed'));
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
