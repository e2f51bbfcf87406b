/**
 * Derives the React Flow graph from the mirror: node boxes holding their pods in stable grid
 * slots, a Pending lane for unscheduled pods, Deployments / ReplicaSets / Services above the
 * boxes (placed by `workload-layout.ts`: never overlapping, each ReplicaSet under its
 * Deployment), ownership and selection edges. A pod no controller in the cluster owns is marked:
 * an orphan (made by a controller that let it go or is gone) or a bare pod (never had one).
 *
 * Pods are not React Flow nodes: each box draws its pods itself (`BoxData.cells`, laid out by
 * `grid.ts`), so a patch touching hundreds of pods updates a handful of React Flow nodes, and
 * the box re-renders only the cells whose pod changed. Edges to a single pod are React Flow edges
 * to its box that carry the cell's position (`PodEdgeData`).
 *
 * `GraphBuilder.build` is pure in what it returns for a given input, but remembers its last
 * output so that every node, cell or edge whose content did not change is returned as the
 * *identical* object: React then re-renders only what changed.
 */
import type { Edge } from '@xyflow/react';
import { nodeStatus } from '../../sim/kinds/core/node';
import { podStatus } from '../../sim/kinds/printing/pod-status';
import type { KObject } from '../../sim/core/object';
import type { ObjectMap } from '../mirror';
import { BOX, BOX_W, boxHeight, capacity, cellOffset, gridFor, hasFooter, sharedGrid, withRowsFor, type Grid } from './grid';
import { SlotAllocator } from './slots';
import { placementOrder } from './pod-order';
import { kindRank, WORKLOAD_KINDS, type KindInfo, type WorkloadKind } from './kinds';
import { CARD_LOOKS, emptyNodeNote, isControlPlane } from './summaries';
import { emptyTones, podTone, toneSummary, type Tone } from './tone';
import { sameCell, sameNode } from './same';
import { layoutWorkloads, type Rect, type WorkloadItem } from './workload-layout';
import { backendServices, claimUsers, configUsers, endpointPods, pinnedNode, usedByAny } from './edge-targets';
import type { GraphInput, ObjectRefData, PodCell, Unowned, BoxData, WorkloadData, PodEdgeData, BoxNode, WorkloadNode, GraphNode, PodSummary, Graph } from './graph-types';

export type { GraphInput, ObjectRefData, PodCell, Unowned, BoxData, WorkloadData, PodEdgeData, BoxNode, WorkloadNode, GraphNode, PodSummary, Graph };

export const LAYOUT = {
  boxGapX: 24,
  boxGapY: 24,
  /** Between the cards above and the Pending lane. */
  rowGapY: 44,
} as const;

/** The drawing's width with `columns` node boxes side by side: the Pending lane spans them all. */
function laneWidth(columns: number): number {
  return columns * BOX_W + (columns - 1) * LAYOUT.boxGapX;
}

export const PENDING_LANE = 'lane:pending';
/** What the Pending lane holds, said on it. */
export const PENDING_HINT = 'pods not yet bound to a node';

/**
 * Above this many pods, an owner's (or Service's) edges go to the node boxes, one per box with
 * a pod count, instead of one per pod: hundreds of edges fanning out from one ReplicaSet are
 * unreadable, and every one of them is redrawn whenever the ReplicaSet's status changes.
 */
export const EDGE_FANOUT_LIMIT = 24;

export class GraphBuilder {
  private readonly slots = new SlotAllocator();
  private nodeCache = new Map<string, GraphNode>();
  private edgeCache = new Map<string, Edge>();
  /** Pod object → its cell, reused while the pod object and its slot stay the same. */
  private cellCache = new Map<string, { pod: KObject; cell: PodCell }>();
  private shapeVersion = 0;
  private outline = '';

  build(input: GraphInput): Graph {
    const boxes = boxNames(input);
    const boxSet = new Set(boxes);
    const boxOf = (pod: KObject) => {
      const nodeName = (pod.spec as { nodeName?: string } | undefined)?.nodeName;
      return nodeName && boxSet.has(nodeName) ? boxId(nodeName) : PENDING_LANE;
    };
    // Slots: pods that stay keep theirs; newcomers fill the free ones in creation order (./pod-order.ts).
    const current = new Map<string, KObject>();
    const newcomers: KObject[] = [];
    this.slots.begin();
    for (const pod of input.pods.values()) {
      const id = podId(pod);
      current.set(id, pod);
      if (!this.slots.keep(id, boxOf(pod))) newcomers.push(pod);
    }
    this.slots.sweep();
    for (const pod of placementOrder(newcomers, boxes)) this.slots.place(podId(pod), boxOf(pod));

    const ownerUids = new Set<string>();
    for (const k of WORKLOAD_KINDS) if (k.ownsPods) for (const o of workloadsOf(input, k.resource).values()) if (o.metadata.uid) ownerUids.add(o.metadata.uid);
    const unownedOf = (pod: KObject): Unowned => {
      const owner = pod.metadata.ownerReferences?.find((o) => o.controller);
      // A mirror pod is owned by its Node (the kubelet runs it): not an orphan.
      if (owner) return ownerUids.has(owner.uid) || owner.kind === 'Node' ? '' : 'orphan';
      return pod.metadata.generateName ? 'orphan' : 'bare';
    };

    // Cells, by box, in slot order; counts for the caption and each box's summary.
    const summary: PodSummary = { total: current.size, ...emptyTones() };
    const cellsByBox = new Map<string, PodCell[]>();
    const tonesByBox = new Map<string, Record<Tone, number>>();
    const podBox = new Map<string, string>();
    const nextCells = new Map<string, { pod: KObject; cell: PodCell }>();
    for (const box of [PENDING_LANE, ...boxes.map(boxId)]) {
      const cells: PodCell[] = [];
      const tones = emptyTones();
      const items = this.slots.itemsOf(box);
      for (let slot = 0; slot < items.length; slot++) {
        const id = items[slot];
        if (id === undefined) continue;
        const pod = current.get(id)!;
        const prev = this.cellCache.get(id);
        const unowned = unownedOf(pod);
        let cell = prev && prev.pod === pod && prev.cell.slot === slot && prev.cell.unowned === unowned ? prev.cell : podCell(pod, id, slot, unowned);
        // A pod written without a visible change (most status writes) keeps its cell, so it is not redrawn.
        if (prev && cell !== prev.cell && sameCell(prev.cell, cell)) cell = prev.cell;
        nextCells.set(id, { pod, cell });
        cells.push(cell);
        podBox.set(id, box);
        summary[cell.tone]++;
        tones[cell.tone]++;
      }
      cellsByBox.set(box, cells);
      tonesByBox.set(box, tones);
    }
    this.cellCache = nextCells;

    const nodes: GraphNode[] = [];
    const next = new Map<string, GraphNode>();
    const keep = (n: GraphNode) => {
      const prev = this.nodeCache.get(n.id);
      const chosen = prev && sameNode(prev, n) ? prev : n;
      next.set(n.id, chosen);
      nodes.push(chosen);
    };
    /** Where each box is and how it lays out its pods (edges to a pod end at its cell). */
    const boxGeometry = new Map<string, { x: number; y: number; grid: Grid }>();
    const box = (id: string, fields: Pick<BoxData, 'label' | 'role' | 'condition' | 'hint' | 'note'>, grid: Grid, x: number, y: number, width: number) => {
      const all = cellsByBox.get(id)!;
      const cap = capacity(grid);
      const cells = all.length && all[all.length - 1].slot >= cap ? all.filter((c) => c.slot < cap) : all;
      boxGeometry.set(id, { x, y, grid });
      const data: BoxData = {
        ...fields,
        pods: all.length,
        grid,
        cells,
        hidden: all.length - cells.length,
        summary: hasFooter(grid) ? toneSummary(tonesByBox.get(id)!) : '',
        note: all.length ? '' : fields.note,
      };
      // An empty Pending lane is just its title bar: nothing to see there, and the boxes come closer.
      const height = id === PENDING_LANE && all.length === 0 ? BOX.header : boxHeight(grid);
      keep(boxNode(id, data, x, y, width, height));
      return height;
    };

    const columns = Math.max(1, input.columns ?? 2);
    const laneW = laneWidth(columns);

    // Cards above the boxes, kind by kind; a stacking kind goes under its controller's card
    // (ReplicaSets under their Deployment).
    const cardSets: CardSet[] = WORKLOAD_KINDS.map((kind) => {
      const all = [...(input.cards[kind.resource]?.values() ?? [])];
      // A ConfigMap or Secret is drawn while a pod uses it: most (kube-root-ca.crt…) configure nothing drawn.
      const objects = kind.configuresPods ? all.filter((o) => usedByAny(input.pods, kind.resource, o)) : all;
      return { kind, objects: objects.sort(byName) };
    });
    const items: WorkloadItem[] = cardSets.flatMap(({ kind, objects }) => {
      if (!kind.stacksUnder) return objects.map((o) => workloadItem(kind.resource, o));
      const heads = idsByUid(cardSets.filter((c) => c.kind.kind === kind.stacksUnder));
      return objects.map((o) => {
        const owner = o.metadata.ownerReferences?.find((r) => r.controller);
        return { ...workloadItem(kind.resource, o), under: owner && heads.get(owner.uid) };
      });
    });
    const cards = layoutWorkloads(items, laneW);
    for (const { kind, objects } of cardSets) {
      const look = CARD_LOOKS[kind.kind];
      for (const o of objects) keep(workloadNode(kind.resource, o, cards.at.get(workloadId(kind.resource, o))!, look?.summary(o) ?? '', look?.faded?.(o) ?? false));
    }

    const laneY = cards.height ? cards.height + LAYOUT.rowGapY : 0;
    const laneGrid = gridFor(this.slots.extent(PENDING_LANE), laneW - 2 * BOX.pad);
    const laneH = box(PENDING_LANE, { label: 'Pending', role: 'pending', condition: '', hint: PENDING_HINT, note: '' }, laneGrid, 0, laneY, laneW);
    // Node boxes share one tier (side by side they look alike); each row of two is as tall as it needs.
    const nodeGrid = sharedGrid(boxes.map((b) => this.slots.extent(boxId(b))), BOX.boxInnerW);
    let rowY = laneY + laneH + LAYOUT.boxGapY;
    for (let i = 0; i < boxes.length; i += columns) {
      const row = boxes.slice(i, i + columns);
      const grid = withRowsFor(nodeGrid, Math.max(...row.map((b) => this.slots.extent(boxId(b)))));
      let h = 0;
      row.forEach((name, j) => {
        const node = input.nodes.get(`/${name}`);
        const fields = {
          label: name,
          role: isControlPlane(name, node) ? ('control-plane' as const) : ('worker' as const),
          condition: node ? nodeStatus(node) : '',
          hint: '',
          note: emptyNodeNote(node),
        };
        h = box(boxId(name), fields, grid, j * (BOX_W + LAYOUT.boxGapX), rowY, BOX_W);
      });
      rowY += h + LAYOUT.boxGapY;
    }

    const cellAt = (pod: string): { x: number; y: number } | undefined => {
      const where = this.slots.slotOf(pod);
      const geometry = where && boxGeometry.get(where.box);
      if (!where || !geometry || where.slot >= capacity(geometry.grid)) return undefined;
      const at = cellOffset(geometry.grid, where.slot);
      return { x: geometry.x + at.x + geometry.grid.w / 2, y: geometry.y + at.y };
    };
    const edges = this.buildEdges(cardSets, current, podBox, cellAt, new Set(boxes.map(boxId)));
    const outline = nodes.map((n) => `${n.id}@${n.position.x},${n.position.y},${n.height}`).join('|');
    if (outline !== this.outline) this.shapeVersion++;
    this.outline = outline;
    this.nodeCache = next;
    return { nodes, edges, summary, podBox, shapeVersion: this.shapeVersion };
  }

  private buildEdges(
    cardSets: CardSet[],
    pods: ReadonlyMap<string, KObject>,
    podBox: ReadonlyMap<string, string>,
    cellAt: (pod: string) => { x: number; y: number } | undefined,
    boxes: ReadonlySet<string>,
  ): Edge[] {
    // Owners: kinds that own pods, and kinds others stack under (a Deployment owns its ReplicaSets).
    const ownerKinds = new Set(WORKLOAD_KINDS.flatMap((k) => [...(k.ownsPods ? [k.kind] : []), ...(k.stacksUnder ? [k.stacksUnder] : [])]));
    const byUid = idsByUid(cardSets.filter((c) => ownerKinds.has(c.kind.kind)));
    const edges: Edge[] = [];
    const next = new Map<string, Edge>();
    const add = (id: string, fresh: () => Edge, same: (prev: Edge) => boolean) => {
      const prev = this.edgeCache.get(id);
      const edge = prev && same(prev) ? prev : fresh();
      next.set(id, edge);
      edges.push(edge);
    };
    const toBox = (source: string, target: string, kind: EdgeKind, label?: string) =>
      add(
        `${kind}:${source}->${target}`,
        () =>
          label
            ? { id: `${kind}:${source}->${target}`, source, target, sourceHandle: 'out', type: 'count', className: `edge-${kind} edge-aggregate`, data: { count: label }, selectable: false, focusable: false }
            : { id: `${kind}:${source}->${target}`, source, target, sourceHandle: 'trunk', targetHandle: 'in', type: 'smoothstep', className: `edge-${kind}`, selectable: false, focusable: false },
        (prev) => prev.data?.count === label,
      );
    const toPod = (source: string, pod: string, kind: EdgeKind) => {
      const at = cellAt(pod);
      // A pod the grid has no room for: the edge ends at its box.
      if (!at) return toBox(source, podBox.get(pod)!, kind);
      const data: PodEdgeData = { pod, x: at.x, y: at.y };
      add(
        `${kind}:${source}->${pod}`,
        () => ({ id: `${kind}:${source}->${pod}`, source, target: podBox.get(pod)!, sourceHandle: 'out', type: 'pod', className: `edge-${kind}`, data, selectable: false, focusable: false }),
        (prev) => prev.target === podBox.get(pod) && prev.data?.x === at.x && prev.data?.y === at.y,
      );
    };
    /** Edges from `source` to its pods, or to their boxes when there are too many. */
    const fanOut = (source: string, targets: string[], kind: EdgeKind) => {
      if (targets.length <= EDGE_FANOUT_LIMIT) {
        for (const pod of targets) toPod(source, pod, kind);
        return;
      }
      const perBox = new Map<string, number>();
      for (const pod of targets) {
        const box = podBox.get(pod)!;
        perBox.set(box, (perBox.get(box) ?? 0) + 1);
      }
      for (const [box, n] of perBox) toBox(source, box, kind, n === 1 ? '1 pod' : `${n} pods`);
    };

    const podsByOwner = new Map<string, string[]>();
    for (const { kind, objects } of cardSets) {
      if (!kind.stacksUnder) continue;
      for (const r of objects) {
        const owner = r.metadata.ownerReferences?.find((o) => o.controller);
        const source = owner && byUid.get(owner.uid);
        if (source) toBox(source, workloadId(kind.resource, r), 'owns');
      }
    }
    for (const [id, pod] of pods) {
      const owner = pod.metadata.ownerReferences?.find((o) => o.controller);
      const source = owner && byUid.get(owner.uid);
      if (!source) continue;
      let list = podsByOwner.get(source);
      if (!list) podsByOwner.set(source, (list = []));
      list.push(id);
    }
    for (const [source, owned] of podsByOwner) fanOut(source, owned, 'owns');
    for (const { kind, objects } of cardSets) {
      if (!kind.selectsPods) continue;
      for (const svc of objects) {
        const selector = Object.entries((svc.spec as { selector?: Record<string, string> } | undefined)?.selector ?? {});
        if (selector.length === 0) continue;
        // A Service's selector is plain key=value equality (no expressions).
        const selected: string[] = [];
        for (const [id, pod] of pods) {
          const labels = pod.metadata.labels;
          if (pod.metadata.namespace === svc.metadata.namespace && labels && selector.every(([k, v]) => labels[k] === v)) selected.push(id);
        }
        fanOut(workloadId(kind.resource, svc), selected, 'selects');
      }
    }
    for (const { kind, objects } of cardSets) {
      if (!kind.routesToPods) continue;
      for (const slice of objects) {
        const { ready, notReady } = endpointPods(slice, pods);
        fanOut(workloadId(kind.resource, slice), ready, 'endpoint');
        fanOut(workloadId(kind.resource, slice), notReady, 'endpoint-notready');
      }
    }
    // A ConfigMap or Secret points at the pods that use it.
    for (const { kind, objects } of cardSets) {
      if (!kind.configuresPods) continue;
      for (const o of objects) {
        fanOut(workloadId(kind.resource, o), configUsers(o, kind.resource, pods), 'configures');
      }
    }
    // An Ingress points at the Services its backends name (in its namespace).
    const services = cardSets.find((c) => c.kind.kind === 'Service');
    for (const { kind, objects } of cardSets) {
      if (!kind.routesToServices || !services) continue;
      for (const ing of objects) {
        for (const name of backendServices(ing)) {
          const svc = services.objects.find((s) => s.metadata.name === name && s.metadata.namespace === ing.metadata.namespace);
          if (svc) toBox(workloadId(kind.resource, ing), workloadId(services.kind.resource, svc), 'routes');
        }
      }
    }
    // Storage: a claim points at its volume and at the pods that mount it; a volume pinned to a
    // node (local-path's, a local PV) points at that node's box.
    const volumes = cardSets.find((c) => c.kind.kind === 'PersistentVolume');
    for (const { kind, objects } of cardSets) {
      if (!kind.claimsVolume) continue;
      for (const pvc of objects) {
        const source = workloadId(kind.resource, pvc);
        const volumeName = (pvc.spec as { volumeName?: string } | undefined)?.volumeName;
        const pv = volumeName ? volumes?.objects.find((v) => v.metadata.name === volumeName) : undefined;
        if (pv && volumes) toBox(source, workloadId(volumes.kind.resource, pv), 'binds');
        fanOut(source, claimUsers(pvc, pods), 'mounts');
      }
    }
    for (const { kind, objects } of cardSets) {
      if (!kind.pinnedToNode) continue;
      for (const pv of objects) {
        const node = pinnedNode(pv);
        if (!node || !boxes.has(boxId(node))) continue;
        const source = workloadId(kind.resource, pv);
        const target = boxId(node);
        add(`placed:${source}->${target}`, () => ({ id: `placed:${source}->${target}`, source, target, sourceHandle: 'out', type: 'smoothstep', className: 'edge-placed', selectable: false, focusable: false }), () => true);
      }
    }
    this.edgeCache = next;
    return edges;
  }
}

/**
 * An edge's kind, its CSS class `edge-<kind>`: ownership, selection, an Ingress's backend, a
 * ConfigMap or Secret's use, an endpoint (ready or not), a claim's volume and the pods mounting it.
 */
type EdgeKind = 'owns' | 'selects' | 'routes' | 'configures' | 'endpoint' | 'endpoint-notready' | 'binds' | 'mounts';

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

/*
 * Nodes carry `measured` (their sizes are exact): a node object without it makes React Flow drop
 * the node's handle bounds and measure it again, and when two updates land in one render it can
 * stay unmeasured, its edges never drawn (seen as a ReplicaSet without edges to its pods).
 */
function boxNode(id: string, data: BoxData, x: number, y: number, width: number, height: number): BoxNode {
  return { id, type: 'box', data, position: { x, y }, width, height, measured: { width, height }, style: { width, height }, selectable: false, draggable: false, zIndex: 0 };
}

function podCell(pod: KObject, id: string, slot: number, unowned: Unowned): PodCell {
  const status = podStatus(pod);
  const containers = (pod.spec as { containers?: unknown[] } | undefined)?.containers?.length ?? 0;
  const ready = ((pod.status as { containerStatuses?: { ready?: boolean }[] } | undefined)?.containerStatuses ?? []).filter((c) => c.ready).length;
  return {
    id,
    ref: { resource: 'pods', namespace: pod.metadata.namespace, name: pod.metadata.name ?? '' },
    label: pod.metadata.name ?? '',
    status,
    tone: podTone(status),
    terminating: Boolean(pod.metadata.deletionTimestamp),
    ready: `${ready}/${containers}`,
    slot,
    unowned,
  };
}

/** Columns go in creation order; objects created in the same second by kind, then name. */
function workloadItem(resource: string, obj: KObject): WorkloadItem {
  return { id: workloadId(resource, obj), order: `${obj.metadata.creationTimestamp ?? ''}\u0000${kindRank(resource)}\u0000${obj.metadata.namespace ?? ''}/${obj.metadata.name}` };
}

function workloadsOf(input: GraphInput, resource: string): ObjectMap {
  return input.cards[resource] ?? new Map();
}

/** The cards of one kind, sorted by name. */
type CardSet = { kind: KindInfo; objects: KObject[] };


/** uid → card id of the objects in `sets`. */
function idsByUid(sets: CardSet[]): Map<string, string> {
  const ids = new Map<string, string>();
  for (const { kind, objects } of sets) for (const o of objects) if (o.metadata.uid) ids.set(o.metadata.uid, workloadId(kind.resource, o));
  return ids;
}

function workloadNode(resource: string, obj: KObject, at: Rect, summary: string, faded: boolean): WorkloadNode {
  const kind = obj.kind as WorkloadKind;
  return {
    id: workloadId(resource, obj),
    type: 'workload',
    position: { x: at.x, y: at.y },
    width: at.width,
    height: at.height,
    measured: { width: at.width, height: at.height },
    style: { width: at.width, height: at.height },
    draggable: false,
    zIndex: 1,
    data: { ref: { resource, namespace: obj.metadata.namespace, name: obj.metadata.name ?? '' }, kind, label: obj.metadata.name ?? '', summary, faded },
  };
}

function byName(a: KObject, b: KObject): number {
  const ka = `${a.metadata.namespace ?? ''}/${a.metadata.name}`;
  const kb = `${b.metadata.namespace ?? ''}/${b.metadata.name}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
