/**
 * Derives the React Flow graph from the mirror: node boxes (group nodes) holding their pods in
 * stable grid slots, a Pending lane for unscheduled pods, Deployments / ReplicaSets / Services
 * outside the boxes, ownership and selection edges.
 *
 * `GraphBuilder.build` is pure in what it returns for a given input, but remembers its last
 * output so that every node or edge whose content did not change is returned as the *identical*
 * object: React Flow then re-renders only what changed (replacing all nodes is ~10× slower).
 */
import type { Edge, Node } from '@xyflow/react';
import { podStatus } from '../../kubectl/printers/pod-status';
import { matchesLabelSelector } from '../../sim/labels';
import type { KObject } from '../../sim/object';
import type { ObjectMap } from '../mirror';
import { SlotAllocator } from './slots';
import { podTone, type Tone } from './tone';

export const LAYOUT = {
  podW: 140,
  podH: 46,
  gap: 8,
  pad: 12,
  header: 34,
  boxCols: 3,
  laneCols: 6,
  boxGapX: 24,
  boxGapY: 24,
  workloadW: 200,
  workloadH: 54,
  workloadGapX: 16,
  rowGapY: 44,
} as const;

const BOX_W = 2 * LAYOUT.pad + LAYOUT.boxCols * LAYOUT.podW + (LAYOUT.boxCols - 1) * LAYOUT.gap;
const LANE_W = 2 * BOX_W + LAYOUT.boxGapX;
/** Rows top-down: Deployments and Services, ReplicaSets, the Pending lane, then node boxes. */
const RS_Y = LAYOUT.workloadH + LAYOUT.rowGapY;
const LANE_Y = 2 * (LAYOUT.workloadH + LAYOUT.rowGapY);

export const PENDING_LANE = 'lane:pending';

/**
 * Above this many pods, an owner's (or Service's) edges go to the node boxes, one per box with
 * a pod count, instead of one per pod: hundreds of edges fanning out from one ReplicaSet are
 * unreadable, and every one of them is redrawn whenever the ReplicaSet's status changes.
 */
export const EDGE_FANOUT_LIMIT = 24;

export interface GraphInput {
  /** Node names in display order (kind's: control plane first), known before Node objects exist. */
  nodeNames: readonly string[];
  nodes: ObjectMap;
  pods: ObjectMap;
  deployments: ObjectMap;
  replicasets: ObjectMap;
  services: ObjectMap;
}

export interface ObjectRefData {
  resource: string;
  namespace?: string;
  name: string;
}

export type PodData = { ref: ObjectRefData; box: string; label: string; status: string; tone: Tone; terminating: boolean; ready: string };
export type BoxData = { label: string; role: 'control-plane' | 'worker' | 'pending'; pods: number; condition: string };
export type WorkloadData = { ref: ObjectRefData; kind: 'Deployment' | 'ReplicaSet' | 'Service'; label: string; summary: string; faded: boolean };

export type PodNode = Node<PodData, 'pod'>;
export type BoxNode = Node<BoxData, 'box'>;
export type WorkloadNode = Node<WorkloadData, 'workload'>;
export type GraphNode = PodNode | BoxNode | WorkloadNode;

/** Pod counts by colour family, for the graph's caption. */
export type PodSummary = { total: number } & Record<Tone, number>;

export interface Graph {
  nodes: GraphNode[];
  summary: PodSummary;
  edges: Edge[];
  /**
   * Increments when the drawing's outline changes: a box grows or shrinks, a Deployment,
   * ReplicaSet or Service comes or goes. Time to `fitView()`. Pods replacing each other inside
   * the same rows do not count, so the view holds still during a rollout.
   */
  shapeVersion: number;
}

export class GraphBuilder {
  private readonly slots = new SlotAllocator();
  private nodeCache = new Map<string, GraphNode>();
  private edgeCache = new Map<string, Edge>();
  private shapeVersion = 0;
  private outline = '';

  build(input: GraphInput): Graph {
    const boxes = boxNames(input);
    const boxSet = new Set(boxes);
    const pods = [...input.pods.values()].sort(byCreation);
    const members = new Map<string, string[]>([[PENDING_LANE, []], ...boxes.map((b): [string, string[]] => [boxId(b), []])]);
    for (const pod of pods) {
      const nodeName = (pod.spec as { nodeName?: string } | undefined)?.nodeName;
      const box = nodeName && boxSet.has(nodeName) ? boxId(nodeName) : PENDING_LANE;
      members.get(box)!.push(podId(pod));
    }
    const placed = this.slots.assign(members);

    const nodes: GraphNode[] = [];
    const next = new Map<string, GraphNode>();
    const keep = (n: GraphNode) => {
      const prev = this.nodeCache.get(n.id);
      const chosen = prev && sameNode(prev, n) ? prev : n;
      next.set(n.id, chosen);
      nodes.push(chosen);
    };

    // Pods are drawn over their box at absolute positions, not as React Flow child nodes:
    // child nodes make React Flow recompute every child of a box whose label changed.
    const boxAt = new Map<string, { x: number; y: number }>();
    const laneRows = Math.max(1, Math.ceil(this.slots.extent(PENDING_LANE) / LAYOUT.laneCols));
    const laneH = boxHeight(laneRows);
    keep(boxNode(PENDING_LANE, { label: 'Pending (not scheduled)', role: 'pending', pods: members.get(PENDING_LANE)!.length, condition: '' }, 0, LANE_Y, LANE_W, laneH));
    boxAt.set(PENDING_LANE, { x: 0, y: LANE_Y });
    let rowY = LANE_Y + laneH + LAYOUT.boxGapY;
    for (let i = 0; i < boxes.length; i += 2) {
      const row = boxes.slice(i, i + 2);
      const rows = Math.max(1, ...row.map((b) => Math.ceil(this.slots.extent(boxId(b)) / LAYOUT.boxCols)));
      const h = boxHeight(rows);
      row.forEach((name, j) => {
        const node = input.nodes.get(`/${name}`);
        const data: BoxData = {
          label: name,
          role: isControlPlane(name, node) ? 'control-plane' : 'worker',
          pods: members.get(boxId(name))!.length,
          condition: readyCondition(node),
        };
        keep(boxNode(boxId(name), data, j * (BOX_W + LAYOUT.boxGapX), rowY, BOX_W, h));
        boxAt.set(boxId(name), { x: j * (BOX_W + LAYOUT.boxGapX), y: rowY });
      });
      rowY += h + LAYOUT.boxGapY;
    }

    // Workloads in two rows above the boxes: Deployments then Services, and ReplicaSets.
    const deployments = [...input.deployments.values()].sort(byName);
    // A rollout's new ReplicaSet appears to the right of the old one instead of reshuffling the row.
    const replicasets = [...input.replicasets.values()].sort(byCreation);
    const services = [...input.services.values()].sort(byName);
    const stepX = LAYOUT.workloadW + LAYOUT.workloadGapX;
    deployments.forEach((d, i) => keep(workloadNode('deployments', d, i * stepX, 0, deploymentSummary(d), false)));
    // Services fill the first row from the right, so a new Deployment does not push them around.
    services.forEach((s, i) => keep(workloadNode('services', s, LANE_W - LAYOUT.workloadW - i * stepX, 0, serviceSummary(s), false)));
    replicasets.forEach((r, i) => {
      const desired = (r.spec as { replicas?: number } | undefined)?.replicas ?? 0;
      keep(workloadNode('replicasets', r, i * stepX, RS_Y, replicaSetSummary(r), desired === 0));
    });

    const summary: PodSummary = { total: pods.length, running: 0, progress: 0, error: 0, done: 0, terminating: 0, unknown: 0 };
    for (const pod of pods) {
      const where = placed.get(podId(pod))!;
      const cols = where.box === PENDING_LANE ? LAYOUT.laneCols : LAYOUT.boxCols;
      const node = podNode(pod, where.box, boxAt.get(where.box)!, where.slot, cols);
      summary[node.data.tone]++;
      keep(node);
    }

    const edges = this.buildEdges(deployments, replicasets, services, pods, placed);
    const outline = nodes
      .filter((n) => n.type !== 'pod')
      .map((n) => `${n.id}@${n.position.x},${n.position.y},${n.height}`)
      .join('|');
    if (outline !== this.outline) this.shapeVersion++;
    this.outline = outline;
    this.nodeCache = next;
    return { nodes, edges, summary, shapeVersion: this.shapeVersion };
  }

  private buildEdges(
    deployments: KObject[],
    replicasets: KObject[],
    services: KObject[],
    pods: KObject[],
    placed: Map<string, { box: string; slot: number }>,
  ): Edge[] {
    const byUid = new Map<string, string>();
    for (const d of deployments) if (d.metadata.uid) byUid.set(d.metadata.uid, workloadId('deployments', d));
    for (const r of replicasets) if (r.metadata.uid) byUid.set(r.metadata.uid, workloadId('replicasets', r));
    const edges: Edge[] = [];
    const next = new Map<string, Edge>();
    const add = (source: string, target: string, kind: 'owns' | 'selects', label?: string) => {
      const id = `${kind}:${source}->${target}`;
      const prev = this.edgeCache.get(id);
      const edge =
        prev && prev.label === label
          ? prev
          : { id, source, target, type: 'smoothstep', className: `edge-${kind}${label ? ' edge-aggregate' : ''}`, label, selectable: false, focusable: false };
      next.set(id, edge);
      edges.push(edge);
    };
    /** Edges from `source` to its pods, or to their boxes when there are too many. */
    const fanOut = (source: string, targets: KObject[], kind: 'owns' | 'selects') => {
      if (targets.length <= EDGE_FANOUT_LIMIT) {
        for (const pod of targets) add(source, podId(pod), kind);
        return;
      }
      const perBox = new Map<string, number>();
      for (const pod of targets) {
        const box = placed.get(podId(pod))!.box;
        perBox.set(box, (perBox.get(box) ?? 0) + 1);
      }
      for (const [box, n] of perBox) add(source, box, kind, n === 1 ? '1 pod' : `${n} pods`);
    };

    const podsByOwner = new Map<string, KObject[]>();
    for (const r of replicasets) {
      const owner = r.metadata.ownerReferences?.find((o) => o.controller);
      const source = owner && byUid.get(owner.uid);
      if (source) add(source, workloadId('replicasets', r), 'owns');
    }
    for (const pod of pods) {
      const owner = pod.metadata.ownerReferences?.find((o) => o.controller);
      const source = owner && byUid.get(owner.uid);
      if (!source) continue;
      let list = podsByOwner.get(source);
      if (!list) podsByOwner.set(source, (list = []));
      list.push(pod);
    }
    for (const [source, owned] of podsByOwner) fanOut(source, owned, 'owns');
    for (const svc of services) {
      const selector = (svc.spec as { selector?: Record<string, string> } | undefined)?.selector;
      if (!selector || Object.keys(selector).length === 0) continue;
      const selected = pods.filter((pod) => pod.metadata.namespace === svc.metadata.namespace && matchesLabelSelector({ matchLabels: selector }, pod.metadata.labels));
      fanOut(workloadId('services', svc), selected, 'selects');
    }
    this.edgeCache = next;
    return edges;
  }
}

function boxNames(input: GraphInput): string[] {
  const names = [...input.nodeNames];
  const extra = [...input.nodes.values()].map((n) => n.metadata.name ?? '').filter((n) => n && !names.includes(n));
  return [...names, ...extra.sort()];
}

export function boxId(nodeName: string): string {
  return `box:${nodeName}`;
}

export function podId(pod: KObject): string {
  return `pod:${pod.metadata.namespace ?? ''}/${pod.metadata.name}`;
}

export function workloadId(resource: string, obj: KObject): string {
  return `${resource}:${obj.metadata.namespace ?? ''}/${obj.metadata.name}`;
}

function boxHeight(rows: number): number {
  return LAYOUT.header + LAYOUT.pad + rows * (LAYOUT.podH + LAYOUT.gap) - LAYOUT.gap + LAYOUT.pad;
}

function boxNode(id: string, data: BoxData, x: number, y: number, width: number, height: number): BoxNode {
  return { id, type: 'box', data, position: { x, y }, width, height, style: { width, height }, selectable: false, draggable: false, zIndex: 0 };
}

function podNode(pod: KObject, box: string, origin: { x: number; y: number }, slot: number, cols: number): PodNode {
  const status = podStatus(pod);
  const containers = (pod.spec as { containers?: unknown[] } | undefined)?.containers?.length ?? 0;
  const ready = ((pod.status as { containerStatuses?: { ready?: boolean }[] } | undefined)?.containerStatuses ?? []).filter((c) => c.ready).length;
  return {
    id: podId(pod),
    type: 'pod',
    draggable: false,
    position: {
      x: origin.x + LAYOUT.pad + (slot % cols) * (LAYOUT.podW + LAYOUT.gap),
      y: origin.y + LAYOUT.header + LAYOUT.pad + Math.floor(slot / cols) * (LAYOUT.podH + LAYOUT.gap),
    },
    width: LAYOUT.podW,
    height: LAYOUT.podH,
    zIndex: 1,
    data: {
      ref: { resource: 'pods', namespace: pod.metadata.namespace, name: pod.metadata.name ?? '' },
      box,
      label: pod.metadata.name ?? '',
      status,
      tone: podTone(status),
      terminating: Boolean(pod.metadata.deletionTimestamp),
      ready: `${ready}/${containers}`,
    },
  };
}

function workloadNode(resource: string, obj: KObject, x: number, y: number, summary: string, faded: boolean): WorkloadNode {
  const kind = obj.kind as WorkloadData['kind'];
  return {
    id: workloadId(resource, obj),
    type: 'workload',
    position: { x, y },
    width: LAYOUT.workloadW,
    height: LAYOUT.workloadH,
    draggable: false,
    zIndex: 1,
    data: { ref: { resource, namespace: obj.metadata.namespace, name: obj.metadata.name ?? '' }, kind, label: obj.metadata.name ?? '', summary, faded },
  };
}

function deploymentSummary(d: KObject): string {
  const spec = d.spec as { replicas?: number } | undefined;
  const status = d.status as { readyReplicas?: number; updatedReplicas?: number } | undefined;
  return `${status?.readyReplicas ?? 0}/${spec?.replicas ?? 1} ready`;
}

function replicaSetSummary(r: KObject): string {
  const spec = r.spec as { replicas?: number } | undefined;
  const status = r.status as { readyReplicas?: number } | undefined;
  const image = (r.spec as { template?: { spec?: { containers?: { image?: string }[] } } } | undefined)?.template?.spec?.containers?.[0]?.image;
  return `${status?.readyReplicas ?? 0}/${spec?.replicas ?? 0} ready${image ? ` · ${image}` : ''}`;
}

function serviceSummary(s: KObject): string {
  const spec = s.spec as { type?: string; clusterIP?: string } | undefined;
  return `${spec?.type ?? 'ClusterIP'} ${spec?.clusterIP ?? ''}`.trim();
}

function isControlPlane(name: string, node: KObject | undefined): boolean {
  const labels = node?.metadata.labels ?? {};
  return 'node-role.kubernetes.io/control-plane' in labels || name.endsWith('control-plane');
}

function readyCondition(node: KObject | undefined): string {
  if (!node) return '';
  const ready = (node.status as { conditions?: { type: string; status: string }[] } | undefined)?.conditions?.find((c) => c.type === 'Ready');
  const unschedulable = (node.spec as { unschedulable?: boolean } | undefined)?.unschedulable;
  const base = ready?.status === 'True' ? 'Ready' : ready ? 'NotReady' : 'Unknown';
  return unschedulable ? `${base},SchedulingDisabled` : base;
}

function byName(a: KObject, b: KObject): number {
  const ka = `${a.metadata.namespace ?? ''}/${a.metadata.name}`;
  const kb = `${b.metadata.namespace ?? ''}/${b.metadata.name}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** Newcomers take slots in creation order, so a ReplicaSet's pods fill a box left to right. */
function byCreation(a: KObject, b: KObject): number {
  const ta = a.metadata.creationTimestamp ?? '';
  const tb = b.metadata.creationTimestamp ?? '';
  return ta < tb ? -1 : ta > tb ? 1 : byName(a, b);
}

/** Whether two nodes render the same (data compared field by field, one level deep). */
function sameNode(a: GraphNode, b: GraphNode): boolean {
  if (a.type !== b.type || a.parentId !== b.parentId || a.width !== b.width || a.height !== b.height) return false;
  if (a.position.x !== b.position.x || a.position.y !== b.position.y) return false;
  return shallowEqual(a.data as Record<string, unknown>, b.data as Record<string, unknown>);
}

function shallowEqual(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) {
    const va = a[k];
    const vb = b[k];
    if (va === vb) continue;
    if (typeof va === 'object' && typeof vb === 'object' && va && vb && shallowEqual(va as Record<string, unknown>, vb as Record<string, unknown>)) continue;
    return false;
  }
  return true;
}
