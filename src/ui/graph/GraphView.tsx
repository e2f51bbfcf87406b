/**
 * The live cluster graph. Nodes come from `GraphBuilder` (memoized: unchanged nodes keep their
 * identity); the view fits itself when the set of nodes changes, not on every status change.
 */
import { useEffect, useMemo, useRef } from 'react';
import { Background, Controls, ReactFlow, ReactFlowProvider, useReactFlow } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { objectsOf } from '../mirror';
import { useApp } from '../store';
import { GraphBuilder, type GraphNode, type PodSummary } from './derive';
import { NODE_TYPES } from './nodes';

/**
 * Above this many nodes only what is on screen is rendered. Not lower: fitted to the view, every
 * node is on screen anyway, and virtualizing then only adds mount/unmount work.
 */
const VIRTUALIZE_ABOVE = 600;

function Graph() {
  const mirror = useApp((s) => s.mirror);
  const nodeNames = useApp((s) => s.nodeNames);
  const selected = useApp((s) => s.selected);
  const builder = useRef<GraphBuilder | null>(null);
  builder.current ??= new GraphBuilder();

  const nodesMap = objectsOf(mirror, 'nodes');
  const pods = objectsOf(mirror, 'pods');
  const deployments = objectsOf(mirror, 'deployments');
  const replicasets = objectsOf(mirror, 'replicasets');
  const services = objectsOf(mirror, 'services');
  const graph = useMemo(
    () => builder.current!.build({ nodeNames, nodes: nodesMap, pods, deployments, replicasets, services }),
    [nodeNames, nodesMap, pods, deployments, replicasets, services],
  );

  const selectedId = selected ? `${selected.resource === 'pods' ? 'pod' : selected.resource}:${selected.namespace ?? ''}/${selected.name}` : null;
  const nodes = useMemo(
    () => (selectedId ? graph.nodes.map((n): GraphNode => (n.id === selectedId ? { ...n, selected: true } : n)) : graph.nodes),
    [graph.nodes, selectedId],
  );

  const flow = useReactFlow();
  useEffect(() => {
    // Debounced: a rollout adds and removes pods for a while; refit once it calms down.
    const t = setTimeout(() => void flow.fitView({ padding: 0.08, duration: 250, maxZoom: 1.1 }), 200);
    return () => clearTimeout(t);
  }, [graph.shapeVersion, flow]);

  return (
    <>
      <PodCaption summary={graph.summary} />
      <ReactFlow
        nodes={nodes}
        edges={graph.edges}
        nodeTypes={NODE_TYPES}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable={false}
        onlyRenderVisibleElements={nodes.length > VIRTUALIZE_ABOVE}
        minZoom={0.05}
        maxZoom={2}
        fitView
        proOptions={{ hideAttribution: true }}
        aria-label="Cluster graph"
      >
        <Background gap={24} size={1} color="var(--kp-grid)" />
        <Controls showInteractive={false} position="bottom-left" />
      </ReactFlow>
    </>
  );
}

/** "5 pods · 3 Running · 2 Pending": the state of the whole cluster at a glance. */
function PodCaption({ summary }: { summary: PodSummary }) {
  const parts = [
    [summary.running, 'Running'],
    [summary.progress, 'starting'],
    [summary.error, 'failing'],
    [summary.terminating, 'terminating'],
    [summary.done, 'completed'],
  ] as const;
  return (
    <p className="kp-caption" role="status" aria-label="Pod summary">
      {summary.total === 1 ? '1 pod' : `${summary.total} pods`}
      {parts
        .filter(([n]) => n > 0)
        .map(([n, label]) => (
          <span key={label} className={`kp-caption-${label}`}>
            {' · '}
            {n} {label}
          </span>
        ))}
    </p>
  );
}

export function GraphView() {
  return (
    <div className="kp-graph" data-testid="graph">
      <ReactFlowProvider>
        <Graph />
      </ReactFlowProvider>
    </div>
  );
}
