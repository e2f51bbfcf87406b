/**
 * The live cluster graph. Nodes come from `GraphBuilder` (memoized: unchanged nodes keep their
 * identity; pods are drawn inside their box, so React Flow holds a few dozen nodes at most); the
 * view fits itself when the outline changes, not on every status change.
 */
import { startTransition, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { Background, Controls, ReactFlow, ReactFlowProvider, useReactFlow } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import './graph.css';
import { objectsOf } from '../mirror';
import { useApp, type AppState } from '../store';
import { GraphBuilder, type GraphNode, type PodSummary } from './derive';
import { WORKLOAD_KINDS } from './kinds';
import { EDGE_TYPES, NODE_TYPES } from './nodes';
import { withoutSystem } from './system-filter';
import { withTrafficEdges, withTrafficNodes } from './traffic';
import { TrafficCaption, useTrafficMarks } from './traffic-layer';

/** What the drawing is made of: the objects, and the nodes in their order. */
type Cluster = Pick<AppState, 'mirror' | 'nodeNames'>;

function clusterOf(state: AppState, current?: Cluster): Cluster {
  const same = current && current.mirror === state.mirror && current.nodeNames === state.nodeNames;
  return same ? current : { mirror: state.mirror, nodeNames: state.nodeNames };
}

/**
 * The cluster, re-rendered as a transition: a store subscription (`useApp(selector)`) renders
 * synchronously, in one task however many pods changed; a transition lets React yield to the
 * browser between components, so typing and the clock stay smooth while hundreds of pods churn,
 * and the first snapshot does not draw the whole graph in the task that received it.
 */
function useDeferredCluster(): Cluster {
  const [cluster, setCluster] = useState(() => clusterOf(useApp.getState()));
  useEffect(() => {
    // Catch up with anything applied between the first render and this subscription.
    setCluster((current) => clusterOf(useApp.getState(), current));
    return useApp.subscribe((state, prev) => {
      if (state.mirror === prev.mirror && state.nodeNames === prev.nodeNames) return;
      startTransition(() => setCluster((current) => clusterOf(state, current)));
    });
  }, []);
  return cluster;
}

/**
 * Node boxes side by side: one in a tall, narrow view, two otherwise. Two boxes wide, a portrait
 * view would fit the drawing at a zoom where pod names are too small to read. `resized` counts
 * the view's size changes: the drawing refits to a resized window or panel.
 */
function useColumns(ref: RefObject<HTMLDivElement | null>): { columns: number; resized: number } {
  const [columns, setColumns] = useState(2);
  const [resized, setResized] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      const { width, height } = entry.contentRect;
      if (width > 0 && height > 0) {
        setColumns(width / height < PORTRAIT_BELOW ? 1 : 2);
        setResized((n) => n + 1);
      }
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return { columns, resized };
}

/** Room for the pod caption above the drawing and the zoom buttons beside it. */
const FIT = { padding: { top: '52px', bottom: '20px', left: '60px', right: '24px' }, maxZoom: 1.1 } as const;

const ANIMATED_FIT_MAX_PODS = 60;

/** Width / height under which the view counts as portrait. */
const PORTRAIT_BELOW = 1.05;

function Graph({ columns, resized, colorMode }: { columns: number; resized: number; colorMode: 'light' | 'dark' }) {
  const { mirror, nodeNames } = useDeferredCluster();
  const selected = useApp((s) => s.selected);
  const builder = useRef<GraphBuilder | null>(null);
  builder.current ??= new GraphBuilder();

  const showSystem = useApp((s) => s.showSystem);
  const nodesMap = objectsOf(mirror, 'nodes');
  const allPods = objectsOf(mirror, 'pods');
  const { shown: pods, hidden: systemPods } = useMemo(() => (showSystem ? { shown: allPods, hidden: 0 } : withoutSystem(allPods)), [allPods, showSystem]);
  // One map per kind drawn as a card (a fixed list, so the dependency array keeps its length).
  const allCards = WORKLOAD_KINDS.map((k) => objectsOf(mirror, k.resource));
  // eslint-disable-next-line react-hooks/exhaustive-deps -- allCards' items are the dependencies
  const cardMaps = useMemo(() => (showSystem ? allCards : allCards.map((m) => withoutSystem(m).shown)), [showSystem, ...allCards]);
  const graph = useMemo(
    () => builder.current!.build({ nodeNames, nodes: nodesMap, pods, cards: Object.fromEntries(WORKLOAD_KINDS.map((k, i) => [k.resource, cardMaps[i]])), columns }),
    [nodeNames, nodesMap, pods, columns, cardMaps],
  );

  const selectedId = selected ? `${selected.resource === 'pods' ? 'pod' : selected.resource}:${selected.namespace ?? ''}/${selected.name}` : null;
  // A selected pod is marked by its box (pods are drawn by their box); a workload is selected itself.
  const selectedBox = selectedId ? graph.podBox.get(selectedId) : undefined;
  const nodes = useMemo(
    () =>
      selectedId
        ? graph.nodes.map((n): GraphNode => {
            if (n.id === selectedId) return { ...n, selected: true };
            if (n.id === selectedBox && n.type === 'box') return { ...n, data: { ...n.data, selectedPod: selectedId } };
            return n;
          })
        : graph.nodes,
    [graph.nodes, selectedId, selectedBox],
  );

  // Requests light up the hops they took: classes on a few nodes and edges, not a new graph.
  const marks = useTrafficMarks(graph.edges, graph.podBox);
  const litNodes = useMemo(() => withTrafficNodes(nodes, marks, graph.podBox), [nodes, marks, graph.podBox]);
  const litEdges = useMemo(() => withTrafficEdges(graph.edges, marks), [graph.edges, marks]);

  const flow = useReactFlow();
  // An animated refit repaints the whole drawing every frame: with hundreds of pods, jump instead.
  const animate = graph.summary.total <= ANIMATED_FIT_MAX_PODS;
  useEffect(() => {
    // Debounced: a rollout adds and removes pods for a while; refit once it calms down.
    const t = setTimeout(() => void flow.fitView({ ...FIT, duration: animate ? 250 : 0 }), 200);
    return () => clearTimeout(t);
  }, [graph.shapeVersion, resized, flow, animate]);

  return (
    <>
      <PodCaption summary={graph.summary} />
      <SystemToggle shown={showSystem} hidden={systemPods} />
      <TrafficCaption marks={marks} />
      <ReactFlow
        nodes={litNodes}
        edges={litEdges}
        nodeTypes={NODE_TYPES}
        edgeTypes={EDGE_TYPES}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable={false}
        minZoom={0.05}
        maxZoom={2}
        fitView
        fitViewOptions={FIT}
        proOptions={{ hideAttribution: true }}
        colorMode={colorMode}
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
    [summary.progress, 'Pending'],
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

/** Shows or hides the cluster's own pods (kube-system, local-path-storage): `kubectl get pods -A` versus `kubectl get pods`. */
function SystemToggle({ shown, hidden }: { shown: boolean; hidden: number }) {
  const setShowSystem = useApp((s) => s.setShowSystem);
  if (!shown && hidden === 0) return null;
  return (
    <button type="button" className="kp-system-toggle" aria-pressed={shown} onClick={() => setShowSystem(!shown)} title="The pods kind runs for the cluster itself: the control plane, kube-proxy, kindnet, CoreDNS">
      {shown ? 'Hide system pods' : `Show system pods (${hidden})`}
    </button>
  );
}

/** `colorMode` follows the page's theme (React Flow's own controls and background). */
export function GraphView({ colorMode = 'light' }: { colorMode?: 'light' | 'dark' }) {
  const container = useRef<HTMLDivElement>(null);
  const { columns, resized } = useColumns(container);
  return (
    <div className="kp-graph" data-testid="graph" ref={container}>
      <ReactFlowProvider>
        <Graph columns={columns} resized={resized} colorMode={colorMode} />
      </ReactFlowProvider>
    </div>
  );
}
