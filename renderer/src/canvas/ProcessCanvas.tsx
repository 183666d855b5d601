import {
  applyNodeChanges,
  Background,
  BackgroundVariant,
  ConnectionMode,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type Connection,
  type Edge,
  type Node,
  type NodeChange,
} from '@xyflow/react';
import { memo, useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { bandAt, LANE_HEADER_WIDTH, laneBands, STEP_SIZE } from '../../../core/geometry';
import type { Person, ProcessView, Session, Step, StepKind } from '../../../core/model';
import { navigator, type Direction } from '../../../core/navigation';
import { analysisEdgeTypes, HeatControl, JumpToTarget, ProcessPainMarkers, useFlowPainMarkers, useLaneHeat } from '../analysis/canvasOverlay';
import { deleteStepsAsking } from '../analysis/stepDelete';
import { useCommands, type Command } from '../commands';
import { useMode, type WorkMode } from '../mode';
import { useSelection } from '../selection';
import { useShoshin } from '../store';
import { PromptDialog } from '../ui/PromptDialog';
import { useCanvasUi } from './canvasUi';
import { FindBar } from './FindBar';
import { buildEdges, buildNodes, mergeView } from './graph';
import { LaneDialog } from './LaneDialog';
import { LaneHeaders } from './LaneHeaders';
import { CanvasActionsContext, enterAction, kindLabel, nodeTypes, type CanvasActions } from './nodes';
import { ShowMePrompts, StepDetails } from './StepDetails';
import { StepPicker } from './StepPicker';
import { TypeToMapDialog } from './TypeToMapDialog';
import { useCapture, workingView } from './useCapture';
import { CLIPBOARD_MIME, clipboardText, copySteps, type ClipboardPayload } from '../../../core/clipboard';
import { t, type StringKey } from '../i18n';
import './canvas.css';
import './capture.css';

const READABLE_ZOOM = 0.7;
const PRESENTER_ZOOM = 0.9;

const KIND_KEYS: { kind: StepKind; key: string; title: StringKey }[] = [
  { kind: 'activity', key: '1', title: 'capture.canvas.kind.activity' },
  { kind: 'decision', key: '2', title: 'capture.canvas.kind.decision' },
  { kind: 'start', key: '3', title: 'capture.canvas.kind.start' },
  { kind: 'end', key: '4', title: 'capture.canvas.kind.end' },
  { kind: 'wait', key: '5', title: 'capture.canvas.kind.wait' },
  { kind: 'subprocess', key: '6', title: 'capture.canvas.kind.subprocess' },
];

/** The one selected step, read when a command runs (not when it was registered). */

/** Big processes render only what is on screen: panning 1,000 steps must stay as smooth as panning 50. */
const VISIBLE_ONLY_ABOVE = 150;
function singleSelected(): Step | null {
  const ids = useSelection.getState().ids;
  if (ids.size !== 1) return null;
  const id = [...ids][0];
  return workingView()?.steps.find((s) => s.id === id) ?? null;
}

/** Arrow-key navigation over the view as it is now; rebuilt only when the view changes. */
let navCache: { view: ProcessView; go: ReturnType<typeof navigator> } | null = null;
function navigate(direction: Direction): string | null {
  const view = workingView();
  if (!view) return null;
  if (navCache?.view !== view) navCache = { view, go: navigator(view) };
  const current = singleSelected();
  return navCache.go(current?.id ?? null, direction);
}

const NONE: never[] = [];

const DetailsPanel = memo(function DetailsPanel(props: {
  view: ProcessView;
  step: Step | null;
  mode: WorkMode;
  people: readonly Person[];
  sessions: readonly Session[];
  onOpenSubprocess: (id: string) => void;
}) {
  const { step, ...rest } = props;
  return (
    <aside className="step-panel" aria-label={t('capture.canvas.stepDetails')}>
      {props.mode === 'capture' && <ShowMePrompts />}
      {step ? (
        <StepDetails key={step.id} step={step} {...rest} />
      ) : (
        <p className="muted panel-hint">{t('capture.canvas.panelHint')}</p>
      )}
    </aside>
  );
});

function CanvasInner({ view: saved }: { view: ProcessView }) {
  const mutate = useShoshin((s) => s.mutate);
  const people = useShoshin((s) => s.engagement?.people);
  const sessions = useShoshin((s) => s.engagement?.sessions);
  const pending = useCanvasUi((s) => s.pending);
  const overrides = useCanvasUi((s) => s.overrides);
  const editingId = useCanvasUi((s) => s.editingId);
  const dialog = useCanvasUi((s) => s.dialog);
  const findOpen = useCanvasUi((s) => s.findOpen);
  const panelOpen = useCanvasUi((s) => s.panelOpen);
  const openDialog = useCanvasUi((s) => s.openDialog);
  const closeDialog = useCanvasUi((s) => s.closeDialog);
  const setFindOpen = useCanvasUi((s) => s.setFindOpen);
  const togglePanel = useCanvasUi((s) => s.togglePanel);
  const mode = useMode((s) => s.mode);
  const presenter = useMode((s) => s.presenter);
  const selected = useSelection((s) => s.ids);
  const setSelection = useSelection((s) => s.set);
  const toggleSelection = useSelection((s) => s.toggle);
  const { fitView, getViewport, setViewport } = useReactFlow();
  const wrapper = useRef<HTMLDivElement>(null);
  const capture = useCapture(wrapper);

  const view = useMemo(() => mergeView(saved, pending, overrides), [saved, pending, overrides]);
  const laneHeat = useLaneHeat(view);
  const bands = useMemo(() => laneBands(view.lanes, view.steps), [view.lanes, view.steps]);
  const nodeCache = useRef(new Map<string, Node>());
  const edgeCache = useRef(new Map<string, Edge>());
  const built = useMemo(() => {
    const nodes = buildNodes(view, bands, selected, nodeCache.current, laneHeat);
    nodeCache.current = new Map(nodes.map((n) => [n.id, n]));
    return nodes;
  }, [view, bands, selected, laneHeat]);
  const flowEdges = useMemo(() => {
    const next = buildEdges(view, selected, edgeCache.current);
    edgeCache.current = new Map(next.map((e) => [e.id, e]));
    return next;
  }, [view, selected]);
  const edges = useFlowPainMarkers(view, flowEdges);
  // Nodes follow the saved view; between saves (mid-drag) they carry React Flow's local changes.
  const [local, setLocal] = useState({ source: built, nodes: built });
  let nodes = local.nodes;
  if (local.source !== built) {
    nodes = built;
    setLocal({ source: built, nodes: built });
  }

  /**
   * Fits the steps (not the lane bands, which are wider than any flow). A process too long to fit
   * legibly starts at the left instead, zoomed so its lanes fill the height: on a projector,
   * readable beats seeing everything.
   */
  const fit = useCallback(
    async (minimum: number, ceiling = minimum) => {
      const current = workingView();
      const steps = current?.steps ?? [];
      if (!current || steps.length === 0) {
        await setViewport({ x: 0, y: 0, zoom: 1 });
        return;
      }
      await fitView({ nodes: steps.map((s) => ({ id: s.id })), padding: 0.1, maxZoom: 1.1 });
      if (getViewport().zoom >= minimum) return;
      const lanesHeight = laneBands(current.lanes, current.steps).reduce((sum, b) => sum + b.height, 0);
      const available = (wrapper.current?.clientHeight ?? 0) - 32;
      // Up to the ceiling when the lanes leave room (the projector), never so close that the flow loses its context.
      const zoom = Math.min(ceiling, Math.max(minimum, lanesHeight > 0 ? available / lanesHeight : minimum));
      await setViewport({ x: 16, y: 16, zoom });
    },
    [fitView, getViewport, setViewport],
  );

  // Once per process opened and per switch to or from presenter view, never on later edits.
  const fitted = useRef('');
  useEffect(() => {
    const key = `${saved.process.id}|${presenter}`;
    if (fitted.current === key) return;
    fitted.current = key;
    void (presenter ? fit(PRESENTER_ZOOM, PRESENTER_ZOOM + 0.15) : fit(READABLE_ZOOM));
  }, [saved.process.id, presenter, fit]);

  // An editor left open for a step of the process just left would block Enter in this one.
  useEffect(() => {
    const { editingId: open, stopEditing } = useCanvasUi.getState();
    if (open && !workingView()?.steps.some((s) => s.id === open)) stopEditing();
  }, [saved.process.id]);

  const actions = useMemo<CanvasActions>(() => ({ commitText: capture.commitText }), [capture]);
  const openSubprocess = useCallback((id: string) => void capture.openSubprocess(id), [capture]);

  const onNodesChange = useCallback(
    (changes: NodeChange[]) => {
      setLocal((current) => ({ source: current.source, nodes: applyNodeChanges(changes, current.nodes) }));
      for (const c of changes) if (c.type === 'select') toggleSelection(c.id, c.selected);
    },
    [toggleSelection],
  );

  const onNodeDragStop = useCallback(
    (_event: unknown, _node: Node, dragged: Node[]) => {
      const current = workingView();
      if (!current) return;
      for (const node of dragged) {
        const step = current.steps.find((s) => s.id === node.id);
        if (!step) continue;
        const size = STEP_SIZE[step.kind];
        const band = bandAt(bands, node.position.y + size.height / 2);
        if (!band) continue;
        const laneId = band.laneId ?? null;
        const x = Math.round(Math.max(LANE_HEADER_WIDTH + 8, node.position.x));
        const y = Math.round(Math.max(8, node.position.y - band.top));
        if (x === step.x && y === step.y && laneId === step.laneId) continue;
        void mutate('step.update', { id: step.id, patch: { x, y, laneId } });
      }
    },
    [bands, mutate],
  );

  const onConnect = useCallback(
    (connection: Connection) => {
      if (!connection.source || !connection.target || connection.source === connection.target) return;
      void mutate('flow.add', { processId: saved.process.id, sourceId: connection.source, targetId: connection.target });
    },
    [mutate, saved.process.id],
  );

  const deleteSelection = useCallback(() => {
    const current = workingView();
    if (!current) return;
    const ids = [...useSelection.getState().ids];
    // Steps with pain points ask first what happens to them.
    deleteStepsAsking(ids.filter((id) => current.steps.some((s) => s.id === id)));
    for (const id of ids) if (current.flows.some((f) => f.id === id)) void mutate('flow.delete', { id });
    setSelection([]);
  }, [mutate, setSelection]);

  const canvasFocused = () => !!wrapper.current?.contains(document.activeElement) && !useCanvasUi.getState().editingId;
  const withStep = (run: (step: Step) => void) => () => {
    const step = singleSelected();
    if (step) run(step);
  };
  const stepCommand = (command: Omit<Command, 'enabled' | 'run'> & { run: (step: Step) => void; when?: (step: Step) => boolean }): Command => ({
    ...command,
    enabled: () => {
      const step = canvasFocused() ? singleSelected() : null;
      return !!step && (!command.when || command.when(step));
    },
    run: withStep(command.run),
  });
  const move = (direction: Direction) => () => {
    const next = navigate(direction);
    if (next) capture.show(next);
  };

  useCommands(
    () => [
      { id: 'step.next', title: t('capture.canvas.cmd.next'), group: t('capture.canvas.group.capture'), shortcut: 'Enter', enabled: canvasFocused, run: () => capture.addNext(singleSelected()?.id ?? null) },
      stepCommand({ id: 'step.branch', title: t('capture.canvas.cmd.branch'), group: t('capture.canvas.group.capture'), shortcut: 'Shift+Enter', run: (s) => capture.addBranch(s.id) }),
      stepCommand({ id: 'step.rename', title: t('capture.canvas.cmd.rename'), group: t('capture.canvas.group.capture'), shortcut: 'F2', run: (s) => capture.rename(s.id) }),
      stepCommand({
        id: 'step.question',
        title: t('capture.canvas.cmd.question'),
        group: t('capture.canvas.group.capture'),
        shortcut: 'Q',
        run: (s) => openDialog({ kind: 'question', stepId: s.id }),
      }),
      stepCommand({ id: 'step.join', title: t('capture.canvas.cmd.join'), group: t('capture.canvas.group.capture'), shortcut: 'J', run: (s) => openDialog({ kind: 'join', stepId: s.id }) }),
      stepCommand({ id: 'step.laneUp', title: t('capture.canvas.cmd.laneUp'), group: t('capture.canvas.group.capture'), shortcut: 'Alt+ArrowUp', run: (s) => capture.moveToLane(s.id, 'up') }),
      stepCommand({ id: 'step.laneDown', title: t('capture.canvas.cmd.laneDown'), group: t('capture.canvas.group.capture'), shortcut: 'Alt+ArrowDown', run: (s) => capture.moveToLane(s.id, 'down') }),
      ...KIND_KEYS.map(({ kind, key, title }) =>
        stepCommand({ id: `step.kind.${kind}`, title: t(title), group: t('capture.canvas.group.stepKind'), shortcut: `Alt+${key}`, when: (s) => s.kind !== kind, run: (s) => capture.setKind(s.id, kind) }),
      ),
      stepCommand({
        id: 'step.details',
        title: t('capture.canvas.cmd.details'),
        group: t('capture.canvas.group.capture'),
        shortcut: 'Alt+Enter',
        run: () => {
          if (!useCanvasUi.getState().panelOpen) togglePanel();
          requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-details-first]')?.focus());
        },
      }),
      {
        id: 'process.typeToMap',
        title: t('capture.canvas.cmd.typeToMap'),
        group: t('capture.canvas.group.capture'),
        shortcut: 'Mod+I',
        enabled: () => !useCanvasUi.getState().dialog,
        run: () => openDialog({ kind: 'typeToMap', text: '' }),
      },
      { id: 'lane.add', title: t('capture.canvas.cmd.addLane'), group: t('capture.canvas.group.lanes'), run: () => openDialog({ kind: 'addLane' }) },
      stepCommand({
        id: 'lane.options',
        title: t('capture.canvas.cmd.laneOptions'),
        group: t('capture.canvas.group.lanes'),
        shortcut: 'L',
        when: (s) => s.laneId !== null,
        run: (s) => s.laneId && openDialog({ kind: 'lane', laneId: s.laneId }),
      }),
      { id: 'select.right', title: t('capture.canvas.cmd.right'), group: t('capture.canvas.group.navigate'), shortcut: 'ArrowRight', enabled: canvasFocused, run: move('right') },
      { id: 'select.left', title: t('capture.canvas.cmd.left'), group: t('capture.canvas.group.navigate'), shortcut: 'ArrowLeft', enabled: canvasFocused, run: move('left') },
      { id: 'select.up', title: t('capture.canvas.cmd.up'), group: t('capture.canvas.group.navigate'), shortcut: 'ArrowUp', enabled: canvasFocused, run: move('up') },
      { id: 'select.down', title: t('capture.canvas.cmd.down'), group: t('capture.canvas.group.navigate'), shortcut: 'ArrowDown', enabled: canvasFocused, run: move('down') },
      stepCommand({
        id: 'process.openSubprocess',
        title: t('capture.canvas.cmd.openSubprocess'),
        group: t('capture.canvas.group.navigate'),
        shortcut: 'Mod+ArrowDown',
        when: (s) => s.kind === 'subprocess',
        run: (s) => void capture.openSubprocess(s.id),
      }),
      {
        id: 'process.parent',
        title: t('capture.canvas.cmd.parent'),
        group: t('capture.canvas.group.navigate'),
        shortcut: 'Mod+ArrowUp',
        enabled: () => canvasFocused() && (workingView()?.breadcrumbs.length ?? 0) > 0,
        run: () => void capture.goToParent(),
      },
      { id: 'canvas.find', title: t('capture.canvas.cmd.find'), group: t('capture.canvas.group.navigate'), shortcut: 'Mod+F', whileTyping: true, run: () => setFindOpen(true) },
      { id: 'canvas.fit', title: t('capture.canvas.cmd.fit'), group: t('capture.canvas.group.view'), shortcut: 'Mod+0', run: () => void fit(0) },
      { id: 'canvas.tidy', title: t('capture.canvas.cmd.tidy'), group: t('capture.canvas.group.capture'), shortcut: 'Mod+Shift+L', run: capture.tidy },
      { id: 'canvas.panel', title: t('capture.canvas.cmd.panel'), group: t('capture.canvas.group.view'), run: togglePanel },
      { id: 'selection.delete', title: t('capture.canvas.cmd.delete'), group: t('capture.canvas.group.edit'), shortcut: 'Delete', enabled: () => canvasFocused() && useSelection.getState().ids.size > 0, run: deleteSelection },
      { id: 'selection.deleteBack', title: t('capture.canvas.cmd.delete'), group: t('capture.canvas.group.edit'), shortcut: 'Backspace', enabled: () => canvasFocused() && useSelection.getState().ids.size > 0, run: deleteSelection },
      { id: 'selection.clear', title: t('capture.canvas.cmd.clear'), group: t('capture.canvas.group.edit'), shortcut: 'Escape', enabled: canvasFocused, run: () => setSelection([]) },
    ],
    [capture, deleteSelection, fit, openDialog, setFindOpen, setSelection, togglePanel],
  );

  /** Keys pressed while a new step's editor is on its way go into its draft rather than being lost. */
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const ui = useCanvasUi.getState();
    if (!ui.editingId || event.target !== wrapper.current || event.nativeEvent.isComposing) return;
    if (event.key === 'Enter') capture.commitText(ui.editingId, enterAction(event.shiftKey));
    else if (event.key === 'Escape') capture.commitText(ui.editingId, 'stop');
    else if (event.key === 'Backspace') ui.setDraft(ui.draft.slice(0, -1));
    else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) ui.setDraft(ui.draft + event.key);
    else return;
    event.preventDefault();
  };

  /** Copy puts the selected steps on the clipboard twice: for Shoshin (any process, any engagement) and as lines for anything else. */
  const onCopy = (event: ClipboardEvent<HTMLDivElement>, cut = false) => {
    if (event.target !== wrapper.current || useCanvasUi.getState().editingId) return;
    const current = workingView();
    const payload = current ? copySteps(current, useSelection.getState().ids) : null;
    if (!payload) return;
    event.preventDefault();
    event.clipboardData.setData(CLIPBOARD_MIME, JSON.stringify(payload));
    event.clipboardData.setData('text/plain', clipboardText(payload));
    if (cut) deleteSelection();
  };

  /** Copied steps paste as steps; plain lines are mapped, after a look at the preview. */
  const onPaste = (event: ClipboardEvent<HTMLDivElement>) => {
    if (event.target !== wrapper.current || useCanvasUi.getState().editingId) return;
    const copied = event.clipboardData.getData(CLIPBOARD_MIME);
    const current = workingView();
    if (copied && current) {
      event.preventDefault();
      let payload: unknown;
      try {
        payload = JSON.parse(copied);
      } catch {
        return;
      }
      void mutate('steps.paste', { processId: current.process.id, payload: payload as ClipboardPayload }).then((result) => {
        if (result) setSelection(result.steps.map((s) => s.id));
      });
      return;
    }
    const text = event.clipboardData.getData('text/plain');
    if (!text.trim()) return;
    event.preventDefault();
    openDialog({ kind: 'typeToMap', text });
  };

  const selectedStep = selected.size === 1 ? (view.steps.find((s) => selected.has(s.id)) ?? null) : null;
  // The panel follows a beat behind: a new step is painted on the canvas first, its form after.
  const panelView = useDeferredValue(view);
  const panelStep = useDeferredValue(selectedStep);
  const laneName = (laneId: string | null) => view.lanes.find((l) => l.id === laneId)?.name ?? t('capture.canvas.noLane');
  const empty = view.steps.length === 0 && !editingId;
  const closeAndFocus = () => {
    closeDialog();
    capture.focusCanvas();
  };

  return (
    <CanvasActionsContext.Provider value={actions}>
      <div className="canvas-toolbar">
        {view.breadcrumbs.length > 0 && (
          <nav className="breadcrumbs" aria-label={t('capture.canvas.breadcrumbs')}>
            {view.breadcrumbs.map((crumb, index) => {
              // Going back to the parent also selects the sub-process step it came from.
              const parent = index === view.breadcrumbs.length - 1;
              return (
                <span key={crumb.id} className="crumb">
                  <button
                    type="button"
                    className="btn btn-ghost btn-sm"
                    onClick={() => void (parent ? capture.goToParent() : useShoshin.getState().selectProcess(crumb.id))}
                  >
                    {crumb.name}
                  </button>
                  <span aria-hidden="true">›</span>
                </span>
              );
            })}
          </nav>
        )}
        <h2>{view.process.name}</h2>
        <ProcessPainMarkers view={view} />
        {!presenter && (
          <>
            <button type="button" className="btn btn-sm btn-primary" onClick={() => capture.addNext(singleSelected()?.id ?? null)}>
              {t('capture.canvas.addStep')} <span className="kbd kbd-on-accent">Enter</span>
            </button>
            <button type="button" className="btn btn-sm" onClick={() => openDialog({ kind: 'addLane' })}>
              {t('capture.canvas.addLane')}
            </button>
            <button type="button" className="btn btn-sm" onClick={() => openDialog({ kind: 'typeToMap', text: '' })}>
              {t('capture.canvas.typeToMap')}
            </button>
            <button type="button" className="btn btn-sm" onClick={capture.tidy} title={t('capture.canvas.tidyTitle')}>
              {t('capture.canvas.tidy')}
            </button>
          </>
        )}
        <span className="spacer" />
        {findOpen ? (
          <FindBar
            steps={view.steps}
            onShow={capture.show}
            onClose={() => {
              setFindOpen(false);
              capture.focusCanvas();
            }}
          />
        ) : (
          !presenter && (
            <button type="button" className="btn btn-sm btn-ghost" onClick={() => setFindOpen(true)}>
              {t('capture.canvas.find')}
            </button>
          )
        )}
        {!presenter && <HeatControl />}
        <span className="muted canvas-count">
          {t('capture.canvas.count', { steps: view.steps.length, flows: view.flows.length })}
        </span>
        {!presenter && (
          <button type="button" className="btn btn-sm btn-ghost" aria-pressed={panelOpen} onClick={togglePanel}>
            {t('capture.canvas.details')}
          </button>
        )}
      </div>
      <div className="canvas-body">
        <div
          className="canvas-wrap"
          ref={wrapper}
          tabIndex={0}
          role="application"
          aria-label={t('capture.canvas.label', { name: view.process.name })}
          aria-describedby="canvas-help"
          onKeyDown={onKeyDown}
          onPaste={onPaste}
          onCopy={(event) => onCopy(event)}
          onCut={(event) => onCopy(event, true)}
        >
          <ReactFlow
            nodes={nodes}
            edges={edges}
            nodeTypes={nodeTypes}
            edgeTypes={analysisEdgeTypes}
            onNodesChange={onNodesChange}
            onEdgesChange={(changes) => {
              for (const c of changes) if (c.type === 'select') toggleSelection(c.id, c.selected);
            }}
            onNodeDragStop={onNodeDragStop}
            onConnect={onConnect}
            onNodeDoubleClick={(_e, node) => {
              if (node.type !== 'step') return;
              const step = workingView()?.steps.find((s) => s.id === node.id);
              if (step?.kind === 'subprocess') void capture.openSubprocess(step.id);
              else if (step) capture.rename(step.id);
            }}
            connectionMode={ConnectionMode.Loose}
            deleteKeyCode={null}
            onlyRenderVisibleElements={nodes.length > VISIBLE_ONLY_ABOVE}
            panActivationKeyCode={null}
            nodesFocusable={false}
            edgesFocusable={false}
            disableKeyboardA11y
            zoomOnDoubleClick={false}
            minZoom={0.2}
            maxZoom={2.5}
            proOptions={{ hideAttribution: true }}
          >
            <Background variant={BackgroundVariant.Dots} gap={24} size={1} color="var(--border)" />
            <Controls showInteractive={false} position="top-right" />
            {!presenter && view.steps.length > 0 && (
              <MiniMap pannable zoomable position="bottom-right" nodeColor={(n) => (n.type === 'lane' ? 'var(--lane-b)' : 'var(--step-stroke)')} ariaLabel={t('capture.canvas.minimap')} />
            )}
          </ReactFlow>
          <LaneHeaders bands={bands} lanes={view.lanes} />
          <JumpToTarget view={view} />
          {empty && (
            <div className="empty-state">
              <div>
                <h3>{t('capture.canvas.emptyTitle')}</h3>
                <p className="muted">
                  {t('capture.canvas.emptyPress')} <span className="kbd">Enter</span> {t('capture.canvas.emptyFirst')} <span className="kbd">Enter</span>{' '}
                  {t('capture.canvas.emptyAgain')} <em>{t('capture.canvas.emptyRole')}</em> {t('capture.canvas.emptyRest')}
                </p>
              </div>
            </div>
          )}
          <p id="canvas-help" className="visually-hidden">
            {t('capture.canvas.help')}
          </p>
          <p className="visually-hidden" aria-live="polite">
            {selectedStep
              ? t('capture.canvas.selected', {
                  kind: kindLabel(selectedStep.kind).toLowerCase(),
                  text: selectedStep.text || t('capture.canvas.untitled'),
                  lane: laneName(selectedStep.laneId),
                })
              : ''}
          </p>
        </div>
        {panelOpen && !presenter && (
          <DetailsPanel view={panelView} step={panelStep} mode={mode} people={people ?? NONE} sessions={sessions ?? NONE} onOpenSubprocess={openSubprocess} />
        )}
      </div>
      {dialog?.kind === 'addLane' && (
        <PromptDialog
          title={t('capture.canvas.addLaneTitle')}
          label={t('capture.canvas.addLaneLabel')}
          confirm={t('capture.canvas.addLaneConfirm')}
          onCancel={closeAndFocus}
          onSubmit={(name) => {
            closeAndFocus();
            void mutate('lane.create', { processId: saved.process.id, name });
          }}
        />
      )}
      {dialog?.kind === 'branch' && (
        <PromptDialog
          title={t('capture.canvas.branchTitle')}
          label={t('capture.canvas.branchLabel')}
          initial={dialog.suggestion}
          confirm={t('capture.canvas.branchConfirm')}
          allowEmpty
          onCancel={closeAndFocus}
          onSubmit={(label) => {
            const origin = dialog.originId;
            closeDialog();
            const hasBranches = view.flows.some((f) => f.sourceId === origin);
            capture.createStep(origin, { branch: hasBranches, ...(label ? { label } : {}) });
          }}
        />
      )}
      {dialog?.kind === 'question' && (
        <PromptDialog
          title={t('capture.canvas.questionTitle')}
          label={t('capture.canvas.questionLabel', { step: view.steps.find((s) => s.id === dialog.stepId)?.text || t('capture.canvas.thisStep') })}
          placeholder={t('capture.canvas.questionDefault')}
          confirm={t('capture.canvas.questionConfirm')}
          allowEmpty
          onCancel={closeAndFocus}
          onSubmit={(text) => {
            closeAndFocus();
            const stepId = dialog.stepId;
            void mutate('question.add', { processId: saved.process.id, stepId, text: text || t('capture.canvas.questionDefault') });
          }}
        />
      )}
      {dialog?.kind === 'join' && (
        <StepPicker
          title={t('capture.canvas.joinTitle', { step: view.steps.find((s) => s.id === dialog.stepId)?.text || t('capture.canvas.theStep') })}
          steps={view.steps.filter((s) => s.id !== dialog.stepId && !view.flows.some((f) => f.sourceId === dialog.stepId && f.targetId === s.id))}
          lanes={view.lanes}
          confirm={t('capture.canvas.joinConfirm')}
          onCancel={closeAndFocus}
          onPick={(target) => {
            closeAndFocus();
            const sourceId = dialog.stepId;
            void mutate('flow.add', { processId: saved.process.id, sourceId, targetId: target.id });
          }}
        />
      )}
      {dialog?.kind === 'lane' &&
        (() => {
          const lane = view.lanes.find((l) => l.id === dialog.laneId);
          return lane ? <LaneDialog key={lane.id} lane={lane} lanes={view.lanes} onClose={closeAndFocus} /> : null;
        })()}
      {dialog?.kind === 'typeToMap' && (
        <TypeToMapDialog
          initial={dialog.text}
          lanes={view.lanes}
          from={selectedStep}
          onCancel={closeAndFocus}
          onSubmit={(text, continueFrom) => {
            closeAndFocus();
            capture.mapText(text, continueFrom ? (selectedStep?.id ?? null) : null);
          }}
        />
      )}
    </CanvasActionsContext.Provider>
  );
}

export function ProcessCanvas() {
  const view = useShoshin((s) => s.process);
  if (!view) {
    return (
      <div className="empty-state">
        <div>
          <h3>{t('capture.canvas.noProcess')}</h3>
          <p className="muted">{t('capture.canvas.noProcessHint')}</p>
        </div>
      </div>
    );
  }
  return (
    <ReactFlowProvider>
      <CanvasInner view={view} />
    </ReactFlowProvider>
  );
}
