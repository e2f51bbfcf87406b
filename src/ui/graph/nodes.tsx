/** The graph's node renderers: node boxes (and the Pending lane) with their pods, workloads; the pod edge. */
import { memo, useDeferredValue } from 'react';
import { BaseEdge, Handle, Position, type EdgeProps, type NodeProps, type Edge } from '@xyflow/react';
import { useApp } from '../store';
import type { BoxData, BoxNode, PodCell, PodEdgeData, WorkloadNode } from './derive';
import { cellOffset, type Grid } from './grid';
import { KIND_ABBREV } from './kinds';
import { shortPodName } from './labels';
import { runningNotReady } from './tone';
import { gutterPath } from './route';
import { WORKLOAD_LAYOUT } from './workload-layout';

const hidden = { opacity: 0, pointerEvents: 'none' } as const;

/** Selecting goes through `getState`: a store subscription per pod would run on every patch. */
const select = (ref: PodCell['ref']) => useApp.getState().select(ref);

export const BoxView = memo(function BoxView({ data }: NodeProps<BoxNode>) {
  const name = data.role === 'pending' ? `Pending pods (${data.hint})` : `Node ${data.label}`;
  // React Flow renders a changed node synchronously; the pods inside follow in a transition
  // (interruptible), so a box of hundreds of pods never holds the main thread for long.
  const cells = useDeferredValue(data);
  return (
    <div className={`kp-box kp-box-${data.role}`} role="group" aria-label={name}>
      <Handle type="target" position={Position.Top} style={hidden} isConnectable={false} />
      <div className="kp-box-header">
        <span className="kp-box-title">{data.label}</span>
        {data.hint && <span className="kp-box-hint">{data.hint}</span>}
        {data.role === 'control-plane' && <span className="kp-chip">control-plane</span>}
        {data.condition && <span className={`kp-chip ${data.condition.startsWith('Ready') ? 'kp-chip-ok' : 'kp-chip-bad'}`}>{data.condition}</span>}
        <span className="kp-box-count">{data.pods === 1 ? '1 pod' : `${data.pods} pods`}</span>
      </div>
      {data.note && <p className="kp-box-note">{data.note}</p>}
      <Cells cells={cells.cells} grid={cells.grid} selectedPod={cells.selectedPod} traffic={data.traffic} />
      {(data.summary || data.hidden > 0) && (
        <div className="kp-box-footer">
          {data.summary}
          {data.hidden > 0 && <span className="kp-box-more"> · +{data.hidden} more not drawn</span>}
        </div>
      )}
    </div>
  );
});

const Cells = memo(function Cells({ cells, grid, selectedPod, traffic }: { cells: PodCell[]; grid: Grid; selectedPod: string | undefined; traffic: BoxData['traffic'] }) {
  return cells.map((cell) => <PodCellView key={cell.id} cell={cell} grid={grid} selected={cell.id === selectedPod} traffic={traffic?.[cell.id]} />);
});

/**
 * One pod: a card (name and status), a tile (name's suffix) or a square, by the box's grid.
 * A pod no controller owns (an orphan, or a bare pod) is dashed and says so: nothing will replace it.
 */
const PodCellView = memo(function PodCellView({ cell, grid, selected, traffic }: { cell: PodCell; grid: Grid; selected: boolean; traffic: string | undefined }) {
  const at = cellOffset(grid, cell.slot);
  const notReady = runningNotReady(cell.status, cell.ready);
  const status = notReady ? `${cell.status}, not ready (${cell.ready})` : cell.status;
  return (
    <button
      type="button"
      className={`kp-pod kp-pod-${grid.tier} kp-tone-${cell.tone}${cell.terminating ? ' kp-pod-terminating' : ''}${cell.unowned ? ' kp-pod-orphan' : ''}${notReady ? ' kp-pod-notready' : ''}${selected ? ' kp-selected' : ''}${traffic ? ` ${traffic}` : ''} nodrag`}
      style={{ left: at.x, top: at.y, width: grid.w, height: grid.h }}
      aria-label={`Pod ${cell.label}: ${status}${cell.unowned ? ' (no owner)' : ''}`}
      title={`${cell.label}\n${cell.status} · ${cell.ready} ready${cell.unowned ? `\n${UNOWNED_TITLE[cell.unowned]}` : ''}`}
      data-status={cell.status}
      data-orphan={cell.unowned || undefined}
      onClick={() => select(cell.ref)}
    >
      {grid.tier === 'card' && (
        <>
          <span className="kp-pod-name">{shortPodName(cell.label)}</span>
          <span className="kp-pod-status">
            <span className="kp-dot" aria-hidden="true" />
            {cell.status}
            {notReady && <span className="kp-pod-ready"> {cell.ready}</span>}
          </span>
        </>
      )}
      {grid.tier === 'compact' && <span className="kp-pod-name">{shortPodName(cell.label, 6)}</span>}
    </button>
  );
});

const UNOWNED_TITLE = {
  orphan: 'Orphan: its controller let it go (or is gone); nothing replaces it',
  bare: 'Bare pod: no controller owns it; nothing replaces it',
} as const;

/**
 * An edge that ends at one pod's cell inside its box (the box is the edge's React Flow target).
 * It runs down the gutter beside its card's column and turns just above the pod.
 */
export const PodEdgeView = memo(function PodEdgeView(props: EdgeProps<Edge<PodEdgeData, 'pod'>>) {
  const { sourceX, sourceY, targetX, targetY, data, style, markerEnd } = props;
  const path = gutterPath(sourceX, sourceY, data?.x ?? targetX, data?.y ?? targetY, 16);
  return <BaseEdge path={path} style={style} markerEnd={markerEnd} />;
});

/** Where a stacked card's edge leaves its column head: the trunk down the stack's left side. */
const trunk = { ...hidden, left: WORKLOAD_LAYOUT.indent / 2 };

/**
 * A Deployment, ReplicaSet or Service card. Edges leave by the right side (to pods, down the
 * gutter) or by the trunk (to the ReplicaSets stacked below); they arrive on the left side.
 */
export const WorkloadView = memo(function WorkloadView({ data }: NodeProps<WorkloadNode>) {
  return (
    <>
      <Handle type="target" id="in" position={Position.Left} style={hidden} isConnectable={false} />
      <button
        type="button"
        className={`kp-workload kp-kind-${data.kind.toLowerCase()}${data.faded ? ' kp-faded' : ''} nodrag`}
        aria-label={`${data.kind} ${data.label}: ${data.summary}`}
        onClick={() => select(data.ref)}
      >
        <span className="kp-workload-head">
          <span className="kp-kind">{KIND_ABBREV[data.kind]}</span>
          <span className="kp-workload-name">{data.label}</span>
        </span>
        <span className="kp-workload-summary">{data.summary}</span>
      </button>
      <Handle type="source" id="trunk" position={Position.Bottom} style={trunk} isConnectable={false} />
      <Handle type="source" id="out" position={Position.Right} style={hidden} isConnectable={false} />
    </>
  );
});

/**
 * An edge to a node box standing for several pods, labelled with their count. The label is plain
 * SVG text with a halo: React Flow's own edge label measures itself (`getBBox`) after every change,
 * which forces a layout of the whole page each time a count changes.
 */
export const CountEdgeView = memo(function CountEdgeView(props: EdgeProps<Edge<{ count: string }, 'count'>>) {
  const { sourceX, sourceY, targetX, targetY, data, style, markerEnd } = props;
  const path = gutterPath(sourceX, sourceY, targetX, targetY, 22);
  // The count sits just above the box it counts (in the gap between boxes), not midway, where
  // the boxes above it would cover it.
  const labelX = targetX;
  const labelY = targetY - 11;
  return (
    <>
      <BaseEdge path={path} style={style} markerEnd={markerEnd} />
      {data?.count && (
        <text className="kp-edge-count" x={labelX} y={labelY} textAnchor="middle" dominantBaseline="central">
          {data.count}
        </text>
      )}
    </>
  );
});

export const NODE_TYPES = { box: BoxView, workload: WorkloadView };
export const EDGE_TYPES = { pod: PodEdgeView, count: CountEdgeView };
