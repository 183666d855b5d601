import {
  applyNodeChanges,
  Background,
  BackgroundVariant,
  ConnectionMode,
  Controls,
  MarkerType,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type Connection,
  type Edge,
  type Node,
  type NodeChange,
} from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { bandAt, defaultLaneY, LANE_HEADER_WIDTH, laneBands, STEP_GAP_X, STEP_SIZE, type LaneBand } from '../../../core/geometry';
import type { ProcessView, Step, StepKind } from '../../../core/model';
import { useCommands } from '../commands';
import { useSelection } from '../selection';
import { useShoshin } from '../store';
import { PromptDialog } from '../ui/PromptDialog';
import { useCanvasUi } from './canvasUi';
import { CanvasActionsContext, nodeTypes, type CanvasActions, type LaneData, type StepData } from './nodes';

const MIN_CANVAS_WIDTH = 1400;
const READABLE_ZOOM = 0.7;

function buildNodes(view: ProcessView, bands: readonly LaneBand[], selected: ReadonlySet<string>): Node[] {
  const right = view.steps.reduce((max, s) => Math.max(max, s.x + STEP_SIZE[s.kind].width), 0);
  const width = Math.max(MIN_CANVAS_WIDTH, right + 240);
  const laneById = new Map(view.lanes.map((l) => [l.id, l]));
  const lanes: Node<LaneData>[] = bands.map((band, index) => ({
    id: `lane:${band.laneId ?? 'none'}`,
    type: 'lane',
    position: { x: 0, y: band.top },
    data: { lane: band.laneId ? (laneById.get(band.laneId) ?? null) : null, name: band.name, shade: index % 2 === 0 ? 'a' : 'b' },
    style: { width, height: band.height },
    draggable: false,
    selectable: false,
    focusable: false,
    zIndex: -1,
  }));
  const bandTop = new Map(bands.map((b) => [b.laneId, b.top]));
  const knownLanes = new Set(view.lanes.map((l) => l.id));
  const pains = new Map<string, number[]>();
  for (const p of view.painPoints) if (p.targetKind === 'step') pains.set(p.targetId, [...(pains.get(p.targetId) ?? []), p.number]);
  const count = (items: readonly { stepId: string | null }[]) => {
    const counts = new Map<string, number>();
    for (const item of items) if (item.stepId) counts.set(item.stepId, (counts.get(item.stepId) ?? 0) + 1);
    return counts;
  };
  const questions = count(view.questions.filter((q) => q.status === 'open'));
  const quotes = count(view.quotes);
  const steps: Node<StepData>[] = view.steps.map((step) => {
    const laneKey = step.laneId && knownLanes.has(step.laneId) ? step.laneId : null;
    return {
      id: step.id,
      type: 'step',
      position: { x: step.x, y: (bandTop.get(laneKey) ?? 0) + step.y },
      data: { step, painNumbers: pains.get(step.id) ?? [], openQuestions: questions.get(step.id) ?? 0, quotes: quotes.get(step.id) ?? 0 },
      width: STEP_SIZE[step.kind].width,
      height: STEP_SIZE[step.kind].height,
      selected: selected.has(step.id),
      ariaLabel: step.text || 'Untitled step',
    };
  });
  return [...lanes, ...steps];
}

function buildEdges(view: ProcessView, selected: ReadonlySet<string>): Edge[] {
  return view.flows.map((flow) => ({
    id: flow.id,
    source: flow.sourceId,
    target: flow.targetId,
    sourceHandle: 'out',
    targetHandle: 'in',
    label: flow.label || undefined,
    type: 'smoothstep',
    pathOptions: { borderRadius: 10 },
    markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18, color: '#5b6677' },
    style: { stroke: '#5b6677', strokeWidth: 1.6 },
    labelBgPadding: [6, 3] as [number, number],
    labelBgBorderRadius: 4,
    selected: selected.has(flow.id),
    ariaLabel: `Flow${flow.label ? ` ${flow.label}` : ''}`,
  }));
}

/** Where a new step goes: right of `from` in its lane, pushed further right until it overlaps nothing. */
export function placeAfter(view: ProcessView, from: Step | null, kind: StepKind): { laneId: string | null; x: number; y: number } {
  const size = STEP_SIZE[kind];
  const laneId = from ? from.laneId : (view.lanes[0]?.id ?? null);
  const inLane = view.steps.filter((s) => s.laneId === laneId);
  let x: number;
  let y: number;
  if (from) {
    const fromSize = STEP_SIZE[from.kind];
    x = from.x + fromSize.width + STEP_GAP_X;
    y = Math.max(8, from.y + fromSize.height / 2 - size.height / 2);
  } else {
    x = inLane.reduce((max, s) => Math.max(max, s.x + STEP_SIZE[s.kind].width + STEP_GAP_X), LANE_HEADER_WIDTH + 48);
    y = defaultLaneY(kind);
  }
  const overlaps = (cx: number) =>
    inLane.some((s) => {
      const o = STEP_SIZE[s.kind];
      return cx < s.x + o.width + 16 && cx + size.width + 16 > s.x && y < s.y + o.height + 16 && y + size.height + 16 > s.y;
    });
  while (overlaps(x)) x += size.width + STEP_GAP_X;
  return { laneId, x: Math.round(x), y: Math.round(y) };
}

function CanvasInner({ view }: { view: ProcessView }) {
  const mutate = useShoshin((s) => s.mutate);
  const selectProcess = useShoshin((s) => s.selectProcess);
  const startEditing = useCanvasUi((s) => s.startEditing);
  const stopEditing = useCanvasUi((s) => s.stopEditing);
  const { fitView, getViewport, setViewport } = useReactFlow();
  const selected = useSelection((s) => s.ids);
  const setSelection = useSelection((s) => s.set);
  const toggleSelection = useSelection((s) => s.toggle);
  const [addingLane, setAddingLane] = useState(false);
  const bands = useMemo(() => laneBands(view.lanes, view.steps), [view.lanes, view.steps]);
  const built = useMemo(() => buildNodes(view, bands, selected), [view, bands, selected]);
  // Nodes follow the saved view; between saves (mid-drag) they carry React Flow's local changes.
  const [local, setLocal] = useState({ source: built, nodes: built });
  let nodes = local.nodes;
  if (local.source !== built) {
    nodes = built;
    setLocal({ source: built, nodes: built });
  }
  const edges = useMemo(() => buildEdges(view, selected), [view, selected]);
  const wrapper = useRef<HTMLDivElement>(null);
  const viewRef = useRef(view);
  viewRef.current = view;

  useEffect(() => {
    // A long process fitted whole is unreadable on a projector: fit, but never below a legible zoom, starting at the left.
    void fitView({ padding: 0.08, maxZoom: 1 }).then(() => {
      if (getViewport().zoom < READABLE_ZOOM) void setViewport({ x: 16, y: 16, zoom: READABLE_ZOOM });
    });
  }, [view.process.id, fitView, getViewport, setViewport]);

  const stepById = useCallback((id: string) => viewRef.current.steps.find((s) => s.id === id) ?? null, []);

  const select = setSelection;

  const addStep = useCallback(
    async (from: Step | null, kind: StepKind = 'activity') => {
      const place = placeAfter(viewRef.current, from, kind);
      const result = await mutate('step.add', {
        processId: viewRef.current.process.id,
        laneId: place.laneId,
        kind,
        x: place.x,
        y: place.y,
        ...(from ? { after: from.id } : {}),
      });
      if (result) {
        select([result.step.id]);
        startEditing(result.step.id, true);
      }
    },
    [mutate, select, startEditing],
  );

  const actions = useMemo<CanvasActions>(
    () => ({
      commitText: (id, text, next) => {
        const step = stepById(id);
        stopEditing();
        wrapper.current?.focus();
        const save = step && step.text !== text ? mutate('step.update', { id, patch: { text } }) : Promise.resolve(null);
        if (next === 'chain' && text) void save.then(() => addStep(stepById(id)));
      },
      openSubprocess: (step) => {
        if (step.subprocessId) void selectProcess(step.subprocessId);
      },
    }),
    [addStep, mutate, selectProcess, stepById, stopEditing],
  );

  const onNodesChange = useCallback((changes: NodeChange[]) => {
    setLocal((current) => ({ source: current.source, nodes: applyNodeChanges(changes, current.nodes) }));
    for (const c of changes) if (c.type === 'select') toggleSelection(c.id, c.selected);
  }, [toggleSelection]);

  const onNodeDragStop = useCallback(
    (_event: unknown, _node: Node, dragged: Node[]) => {
      for (const node of dragged) {
        const step = stepById(node.id);
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
    [bands, mutate, stepById],
  );

  const onConnect = useCallback(
    (connection: Connection) => {
      if (!connection.source || !connection.target || connection.source === connection.target) return;
      void mutate('flow.add', { processId: viewRef.current.process.id, sourceId: connection.source, targetId: connection.target });
    },
    [mutate],
  );

  const deleteSelection = useCallback(() => {
    const current = viewRef.current;
    const ids = [...selected];
    for (const id of ids) {
      if (current.steps.some((s) => s.id === id)) void mutate('step.delete', { id });
      else if (current.flows.some((f) => f.id === id)) void mutate('flow.delete', { id });
    }
    select([]);
  }, [mutate, select, selected]);

  const single = () => (selected.size === 1 ? stepById([...selected][0] ?? '') : null);
  const canvasFocused = () => !!wrapper.current?.contains(document.activeElement) && !useCanvasUi.getState().editingId;

  useCommands(
    () => [
      { id: 'step.next', title: 'Add the next step', group: 'Capture', shortcut: 'Enter', enabled: canvasFocused, run: () => addStep(single()) },
      {
        id: 'step.rename',
        title: 'Rename the selected step',
        group: 'Capture',
        shortcut: 'F2',
        enabled: () => canvasFocused() && !!single(),
        run: () => startEditing(single()?.id ?? '', false),
      },
      { id: 'selection.delete', title: 'Delete the selection', group: 'Edit', shortcut: 'Delete', enabled: () => canvasFocused() && selected.size > 0, run: deleteSelection },
      { id: 'selection.deleteBack', title: 'Delete the selection', group: 'Edit', shortcut: 'Backspace', enabled: () => canvasFocused() && selected.size > 0, run: deleteSelection },
      { id: 'selection.clear', title: 'Clear the selection', group: 'Edit', shortcut: 'Escape', enabled: canvasFocused, run: () => select([]) },
    ],
    [addStep, deleteSelection, select, selected, startEditing, stepById],
  );

  const empty = view.steps.length === 0;

  return (
    <CanvasActionsContext.Provider value={actions}>
      <div className="canvas-toolbar">
        {view.breadcrumbs.length > 0 && (
          <nav className="breadcrumbs" aria-label="Breadcrumbs">
            {view.breadcrumbs.map((crumb) => (
              <span key={crumb.id}>
                <button type="button" className="btn btn-ghost btn-sm" onClick={() => void selectProcess(crumb.id)}>
                  {crumb.name}
                </button>
                ›
              </span>
            ))}
          </nav>
        )}
        <h2>{view.process.name}</h2>
        <button type="button" className="btn btn-sm btn-primary" onClick={() => void addStep(selected.size === 1 ? stepById([...selected][0] ?? '') : null)}>
          Add step <span className="kbd">Enter</span>
        </button>
        <button type="button" className="btn btn-sm" onClick={() => setAddingLane(true)}>
          Add lane
        </button>
        <span className="spacer" />
        <span className="muted" style={{ fontSize: 'var(--text-sm)' }}>
          {view.steps.length} steps · {view.flows.length} flows
        </span>
      </div>
      <div
        className="canvas-wrap"
        ref={wrapper}
        tabIndex={0}
        role="application"
        aria-label={`Process canvas: ${view.process.name}`}
      >
        <ReactFlow
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          onNodesChange={onNodesChange}
          onEdgesChange={(changes) => {
            for (const c of changes) if (c.type === 'select') toggleSelection(c.id, c.selected);
          }}
          onNodeDragStop={onNodeDragStop}
          onConnect={onConnect}
          onNodeDoubleClick={(_e, node) => node.type === 'step' && startEditing(node.id, false)}
          connectionMode={ConnectionMode.Loose}
          deleteKeyCode={null}
          minZoom={0.2}
          maxZoom={2.5}
          proOptions={{ hideAttribution: true }}
        >
          <Background variant={BackgroundVariant.Dots} gap={24} size={1} color="#d4d8df" />
          <Controls showInteractive={false} position="bottom-right" />
          <MiniMap pannable zoomable position="bottom-left" nodeColor={(n) => (n.type === 'lane' ? '#e4e7ec' : '#5b6677')} />
        </ReactFlow>
        {empty && (
          <div className="empty-state">
            <div>
              <h3>Start capturing</h3>
              <p className="muted">
                Press <span className="kbd">Enter</span> to add the first step, type what happens, and press <span className="kbd">Enter</span> again
                for the next one.
              </p>
            </div>
          </div>
        )}
      </div>
      {addingLane && (
        <PromptDialog
          title="Add lane"
          label="Role, team, system or partner"
          confirm="Add lane"
          onCancel={() => setAddingLane(false)}
          onSubmit={(name) => {
            setAddingLane(false);
            void mutate('lane.create', { processId: view.process.id, name });
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
          <h3>No process yet</h3>
          <p className="muted">Add a process on the left to start drawing.</p>
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
