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
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { bandAt, LANE_HEADER_WIDTH, laneBands, STEP_SIZE } from '../../../core/geometry';
import type { ProcessView } from '../../../core/model';
import { analysisEdgeTypes, JumpToTarget, useFlowPainMarkers, useLaneHeat } from '../analysis/canvasOverlay';
import { deleteStepsAsking } from '../analysis/stepDelete';
import { useMode } from '../mode';
import { useSelection } from '../selection';
import { useShoshin } from '../store';
import { t } from '../i18n';
import { useCanvasClipboard } from './canvasClipboard';
import { useCanvasCommands } from './canvasCommands';
import { CanvasDialogs } from './CanvasDialogs';
import { CanvasToolbar } from './CanvasToolbar';
import { useCanvasUi } from './canvasUi';
import { DetailsPanel } from './DetailsPanel';
import { flowEdgeTypes } from './edges';
import { buildEdges, buildNodes, mergeView } from './graph';
import { LaneHeaders } from './LaneHeaders';
import { CanvasActionsContext, enterAction, kindLabel, nodeTypes, type CanvasActions } from './nodes';
import { currentRoutes, useFlowRoutes } from './routeClient';
import { useCapture, workingView } from './useCapture';
import './canvas.css';
import './capture.css';

const READABLE_ZOOM = 0.7;
const PRESENTER_ZOOM = 0.9;

/** Big processes render only what is on screen: panning 1,000 steps must stay as smooth as panning 50. */
const VISIBLE_ONLY_ABOVE = 150;
const NONE: never[] = [];
const EDGE_TYPES = { ...flowEdgeTypes, ...analysisEdgeTypes };

function CanvasInner({ view: saved }: { view: ProcessView }) {
  const mutate = useShoshin((s) => s.mutate);
  const people = useShoshin((s) => s.engagement?.people);
  const sessions = useShoshin((s) => s.engagement?.sessions);
  const pending = useCanvasUi((s) => s.pending);
  const overrides = useCanvasUi((s) => s.overrides);
  const editingId = useCanvasUi((s) => s.editingId);
  const panelOpen = useCanvasUi((s) => s.panelOpen);
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
  const { input: routingNow, routed } = useFlowRoutes(view);
  const routes = useMemo(() => currentRoutes(routingNow, routed), [routingNow, routed]);
  const flowEdges = useMemo(() => {
    const next = buildEdges(view, selected, edgeCache.current, routes);
    edgeCache.current = new Map(next.map((e) => [e.id, e]));
    return next;
  }, [view, selected, routes]);
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

  useCanvasCommands({ capture, wrapper, deleteSelection, fit });

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

  const { onCopy, onPaste } = useCanvasClipboard(wrapper, deleteSelection);

  const selectedStep = selected.size === 1 ? (view.steps.find((s) => selected.has(s.id)) ?? null) : null;
  // The panel follows a beat behind: a new step is painted on the canvas first, its form after.
  const panelView = useDeferredValue(view);
  const panelStep = useDeferredValue(selectedStep);
  const laneName = (laneId: string | null) => view.lanes.find((l) => l.id === laneId)?.name ?? t('capture.canvas.noLane');
  const empty = view.steps.length === 0 && !editingId;

  return (
    <CanvasActionsContext.Provider value={actions}>
      <CanvasToolbar view={view} capture={capture} />
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
            edgeTypes={EDGE_TYPES}
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
      <CanvasDialogs view={view} selectedStep={selectedStep} capture={capture} />
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
