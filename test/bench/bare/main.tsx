// The baseline for the canvas benchmark: React Flow with default nodes and edges, nothing of ours.
import { ReactFlow, type Edge, type Node } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';

function Bare() {
  const [graph, setGraph] = useState<{ nodes: Node[]; edges: Edge[] } | null>(null);
  useEffect(() => {
    void fetch('./graph.json')
      .then((r) => r.json() as Promise<{ nodes: Node[]; edges: Edge[] }>)
      .then(setGraph);
  }, []);
  if (!graph) return null;
  return <ReactFlow defaultNodes={graph.nodes} defaultEdges={graph.edges} minZoom={0.2} maxZoom={2.5} defaultViewport={{ x: 16, y: 16, zoom: 0.7 }} />;
}

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <Bare />
    </StrictMode>,
  );
