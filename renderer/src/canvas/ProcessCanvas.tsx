import {
  applyNodeChanges,
  Background,
  BackgroundVariant,
  ConnectionMode,
  ControlButton,
  Controls,
  Panel,
  ReactFlow,
  ReactFlowProvider,
  useStore,
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
import { useCanvasFocus } from './canvasFocus';
import { flowUnder } from './dropOnFlow';
import { FlowArrowDefinition, flowEdgeTypes } from './edges';
import { buildEdges, buildNodes, mergeView } from './graph';
import { LaneHeaders } from './LaneHeaders';
import { CanvasActionsContext, enterAction, kindLabel, LaneNamesContext, nodeTypes, type CanvasActions } from './nodes';
import { geometryOf, MINIMAP, OVERLAY_ATTRIBUTE } from './canvasViewport';
import { ProcessMinimap } from './Minimap';
import { currentRoutes, useFlowRoutes } from './routeClient';
import { useCanvasView } from './useCanvasView';
import { useCapture, workingView } from './useCapture';
import { MAX_ZOOM, onScreen, overlaps, type Box } from './viewport';
import './canvas.css';
import './capture.css';
import './view.css';

/** Big processes render only what is on screen: panning 1,000 steps must stay as smooth as panning 50. */
const VISIBLE_ONLY_ABOVE = 150;
const NONE: never[] = [];
const EDGE_TYPES = { ...flowEdgeTypes, ...analysisEdgeTypes };

/**
 * Whether the minimap lies over a selected step right now (the user zoomed or panned it there):
 * the minimap then fades and lets clicks through, so it never hides the selection.
 */
function useMinimapOverSelection(boxes: ReadonlyMap<string, Box>, selected: ReadonlySet<string>): boolean {
  return useStore((s) => {
    const [x, y, zoom] = s.transform;
    const minimap = { left: s.width - MINIMAP.right - MINIMAP.width, top: s.height - MINIMAP.bottom - MINIMAP.height, right: s.width - MINIMAP.right, bottom: s.height - MINIMAP.bottom };
    for (const id of selected) {
      const box = boxes.get(id);
      if (box && overlaps(onScreen(box, { x, y, zoom }), minimap)) return true;
    }
    return false;
  });
}

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
  const wrapper = useRef<HTMLDivElement>(null);
  const capture = useCapture(wrapper);
  const { fit, minZoom, minimapOpen, toggleMinimap } = useCanvasView(wrapper, saved, capture.show);

  const view = useMemo(() => mergeView(saved, pending, overrides), [saved, pending, overrides]);
  const laneHeat = useLaneHeat(view);
  const stepBoxes = useMemo(() => geometryOf(view).boxes, [view]);
  const minimapYields = useMinimapOverSelection(stepBoxes, selected);
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
  const [dropFlow, setDropFlow] = useState<string | null>(null);
  const markedEdges = useFlowPainMarkers(view, flowEdges);
  const edges = useMemo(
    () => (dropFlow ? markedEdges.map((e) => (e.id === dropFlow ? { ...e, style: { ...e.style, stroke: 'var(--accent)', strokeWidth: 3 } } : e)) : markedEdges),
    [markedEdges, dropFlow],
  );
  // Nodes follow the saved view; between saves (mid-drag) they carry React Flow's local changes.
  const [local, setLocal] = useState({ source: built, nodes: built });
  let nodes = local.nodes;
  if (local.source !== built) {
    nodes = built;
    setLocal({ source: built, nodes: built });
  }

  // An editor left open for a step of the process just left would block Enter in this one: its words are saved there, an empty new step goes.
  useEffect(() => {
    const open = useCanvasUi.getState().editingId;
    if (open && !workingView()?.steps.some((s) => s.id === open)) capture.commitText(open, 'stop');
  }, [saved.process.id, capture]);

  const actions = useMemo<CanvasActions>(() => ({ commitText: capture.commitText }), [capture]);
  const laneNames = useMemo(() => [...view.lanes].sort((a, b) => a.position - b.position).map((l) => l.name), [view.lanes]);
  useCanvasFocus(wrapper, saved.process.id);
  const openSubprocess = useCallback((id: string) => void capture.openSubprocess(id), [capture]);

  const onNodesChange = useCallback(
    (changes: NodeChange[]) => {
      setLocal((current) => ({ source: current.source, nodes: applyNodeChanges(changes, current.nodes) }));
      for (const c of changes) if (c.type === 'select') toggleSelection(c.id, c.selected);
    },
    [toggleSelection],
  );

  const onNodeDrag = useCallback((_event: unknown, node: Node, dragged: Node[]) => {
    const current = workingView();
    setDropFlow(current && dragged.length === 1 && node.type === 'step' ? flowUnder(current, node, wrapper.current) : null);
  }, []);

  const onNodeDragStop = useCallback(
    (_event: unknown, node: Node, dragged: Node[]) => {
      const current = workingView();
      setDropFlow(null);
      if (!current) return;
      // One step let go over a flow goes into it (A → step → B), wherever it was before.
      const into = dragged.length === 1 && node.type === 'step' ? flowUnder(current, node, wrapper.current) : null;
      const step = into ? current.steps.find((s) => s.id === node.id) : undefined;
      const band = step ? bandAt(bands, node.position.y + STEP_SIZE[step.kind].height / 2) : undefined;
      if (into && step && band) {
        void mutate('step.splice', { id: step.id, flowId: into, laneId: band.laneId ?? null, y: Math.round(Math.max(8, node.position.y - band.top)) });
        return;
      }
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
      const { source, target } = connection;
      if (!source || !target || source === target) return;
      // Already joined this way: a second line would only hide under the first.
      if (workingView()?.flows.some((f) => f.sourceId === source && f.targetId === target)) return;
      void mutate('flow.add', { processId: saved.process.id, sourceId: source, targetId: target });
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
      <LaneNamesContext.Provider value={laneNames}>
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
          <FlowArrowDefinition />
          <ReactFlow
            nodes={nodes}
            edges={edges}
            nodeTypes={nodeTypes}
            edgeTypes={EDGE_TYPES}
            onNodesChange={onNodesChange}
            onEdgesChange={(changes) => {
              for (const c of changes) if (c.type === 'select') toggleSelection(c.id, c.selected);
            }}
            onNodeDrag={onNodeDrag}
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
            minZoom={minZoom}
            maxZoom={MAX_ZOOM}
            proOptions={{ hideAttribution: true }}
          >
            <Background variant={BackgroundVariant.Dots} gap={24} size={1} color="var(--border)" />
            <Controls showInteractive={false} showFitView={false} position="top-right">
              <ControlButton onClick={() => void fit()} aria-label={t('capture.view.fit')} title={t('capture.view.fitTitle')}>
                <svg viewBox="0 0 16 16" aria-hidden="true">
                  <path d="M1.5 5.5v-4h4M10.5 1.5h4v4M14.5 10.5v4h-4M5.5 14.5h-4v-4" fill="none" stroke="currentColor" strokeWidth="1.6" />
                </svg>
              </ControlButton>
            </Controls>
            {!presenter && view.steps.length > 0 && (
              <>
                {minimapOpen && (
                  <ProcessMinimap
                    nodes={nodes}
                    width={MINIMAP.width}
                    height={MINIMAP.height}
                    className={`canvas-minimap${minimapYields ? ' minimap-yield' : ''}`}
                    style={{ margin: `0 ${MINIMAP.right}px ${MINIMAP.bottom}px 0` }}
                    label={t('capture.canvas.minimap')}
                  />
                )}
                <Panel position="bottom-right" className="minimap-toggle-panel" {...{ [OVERLAY_ATTRIBUTE]: '' }}>
                  <button
                    type="button"
                    className="minimap-toggle"
                    aria-expanded={minimapOpen}
                    title={t(minimapOpen ? 'capture.view.hideMinimap' : 'capture.view.showMinimap')}
                    onClick={toggleMinimap}
                  >
                    <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true">
                      <path d={minimapOpen ? 'M4 6l4 4 4-4' : 'M4 10l4-4 4 4'} fill="none" stroke="currentColor" strokeWidth="1.8" />
                    </svg>
                    {t('capture.canvas.minimap')}
                  </button>
                </Panel>
              </>
            )}
          </ReactFlow>
          <LaneHeaders bands={bands} lanes={view.lanes} />
          <JumpToTarget view={view} wrapper={wrapper} />
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
      </LaneNamesContext.Provider>
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
