/** The shapes the graph builder reads (`GraphInput`) and hands React Flow (`Graph` and its nodes). */
import type { Edge, Node } from '@xyflow/react';
import type { ObjectMap } from '../mirror';
import type { Grid } from './grid';
import type { WorkloadKind } from './kinds';
import type { Tone } from './tone';

export interface GraphInput {
  /** Node names in display order (kind's: control plane first), known before Node objects exist. */
  nodeNames: readonly string[];
  nodes: ObjectMap;
  pods: ObjectMap;
  /** The objects drawn as cards, by resource (`deployments`, `services`: the kinds in `kinds.ts`). */
  cards: Readonly<Record<string, ObjectMap>>;
  /**
   * Node boxes side by side (default 2). One column suits a tall, narrow view: the drawing then
   * fits it at a zoom where pod names can be read.
   */
  columns?: number;
}

export interface ObjectRefData {
  resource: string;
  namespace?: string;
  name: string;
}

/** One pod as its box draws it. */
export type PodCell = {
  id: string;
  ref: ObjectRefData;
  label: string;
  status: string;
  tone: Tone;
  terminating: boolean;
  ready: string;
  slot: number;
  /**
   * Owned by no controller in the cluster, so nothing replaces it if it goes: an `orphan` was made
   * by one (it has a `generateName`, or a dangling ownerReference); a `bare` pod never had one.
   */
  unowned: Unowned;
};
export type Unowned = '' | 'orphan' | 'bare';
export type BoxData = {
  label: string;
  role: 'control-plane' | 'worker' | 'pending';
  pods: number;
  condition: string;
  /** Beside the title: what the box is (the Pending lane says what it holds). */
  hint: string;
  /** In an empty box: why no pod runs there (its taints, or cordoned). */
  note: string;
  grid: Grid;
  /** The pods drawn, in slot order. */
  cells: PodCell[];
  /** Pods in the box that the grid has no room for. */
  hidden: number;
  /** "330 Running · 3 Pending" under a grid of squares; empty otherwise. */
  summary: string;
  /** The selected pod's id, when it is in this box. */
  selectedPod?: string;
  /** Pods a recent request touched: pod id → its traffic classes (./traffic.ts). */
  traffic?: Readonly<Record<string, string>>;
};
export type WorkloadData = { ref: ObjectRefData; kind: WorkloadKind; label: string; summary: string; faded: boolean };
/** An edge to one pod: it ends at the pod's cell, `x`,`y` in flow coordinates (top centre). */
export type PodEdgeData = { pod: string; x: number; y: number };

export type BoxNode = Node<BoxData, 'box'>;
export type WorkloadNode = Node<WorkloadData, 'workload'>;
export type GraphNode = BoxNode | WorkloadNode;

/** Pod counts by colour family, for the graph's caption. */
export type PodSummary = { total: number } & Record<Tone, number>;

export interface Graph {
  nodes: GraphNode[];
  summary: PodSummary;
  edges: Edge[];
  /** Pod id → the id of the box that draws it. */
  podBox: ReadonlyMap<string, string>;
  /**
   * Increments when the drawing's outline changes: a box grows or shrinks, a Deployment,
   * ReplicaSet or Service comes or goes. Time to `fitView()`. Pods replacing each other inside
   * the same rows do not count, so the view holds still during a rollout.
   */
  shapeVersion: number;
}
