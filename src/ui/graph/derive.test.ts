import { describe, it, expect } from 'vitest';
import type { KObject } from '../../sim/core/object';
import { applyDeltas, mirrorFromSnapshot, objectsOf, type Mirror } from '../mirror';
import { GraphBuilder, PENDING_LANE, type BoxNode, type Graph, type GraphInput, type PodCell } from './derive';
import { cellOffset } from './grid';
import { WORKLOAD_KINDS } from './kinds';

const NODE_NAMES = ['kind-control-plane', 'kind-worker', 'kind-worker2', 'kind-worker3'];

const deployment: KObject = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default', uid: 'd1' }, spec: { replicas: 3 }, status: { readyReplicas: 2 } };
const rs: KObject = {
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  metadata: { name: 'web-abc', namespace: 'default', uid: 'r1', ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'd1', controller: true }] },
  spec: { replicas: 3, template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } } },
};
const service: KObject = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default', uid: 's1' }, spec: { type: 'ClusterIP', clusterIP: '10.96.12.1', selector: { app: 'web' } } };

function pod(name: string, nodeName: string | undefined, phase = 'Running', created = '2026-01-01T09:10:00Z', extra: Partial<KObject['metadata']> = {}): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', uid: `u-${name}`, creationTimestamp: created, labels: { app: 'web' }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-abc', uid: 'r1', controller: true }], ...extra },
    spec: { nodeName, containers: [{ name: 'nginx', image: 'nginx:1.27' }] },
    status: { phase, containerStatuses: phase === 'Running' ? [{ name: 'nginx', ready: true, state: { running: {} } }] : [] },
  };
}

function input(mirror: Mirror): GraphInput {
  return {
    nodeNames: NODE_NAMES,
    nodes: objectsOf(mirror, 'nodes'),
    pods: objectsOf(mirror, 'pods'),
    cards: Object.fromEntries(WORKLOAD_KINDS.map((k) => [k.resource, objectsOf(mirror, k.resource)])),
  };
}

function boxesOf(g: Graph): BoxNode[] {
  return g.nodes.filter((n): n is BoxNode => n.type === 'box');
}

/** Every pod drawn, with the id of its box and its place in flow coordinates. */
function cellsOf(g: Graph): Map<string, PodCell & { box: string; x: number; y: number }> {
  const out = new Map<string, PodCell & { box: string; x: number; y: number }>();
  for (const b of boxesOf(g)) {
    for (const c of b.data.cells) {
      const at = cellOffset(b.data.grid, c.slot);
      out.set(c.id, { ...c, box: b.id, x: b.position.x + at.x, y: b.position.y + at.y });
    }
  }
  return out;
}

const base = () => mirrorFromSnapshot({ deployments: [deployment], replicasets: [rs], services: [service], pods: [pod('web-abc-1', 'kind-worker'), pod('web-abc-2', 'kind-worker2'), pod('web-abc-3', undefined, 'Pending')] });

describe('GraphBuilder', () => {
  it('draws one box per node plus the Pending lane, with pods inside their node', () => {
    const g = new GraphBuilder().build(input(base()));
    const boxes = g.nodes.filter((n) => n.type === 'box').map((n) => n.id);
    expect(boxes).toEqual([PENDING_LANE, 'box:kind-control-plane', 'box:kind-worker', 'box:kind-worker2', 'box:kind-worker3']);
    const parents = Object.fromEntries([...cellsOf(g)].map(([id, c]) => [id, c.box]));
    expect(parents).toEqual({ 'pod:default/web-abc-1': 'box:kind-worker', 'pod:default/web-abc-2': 'box:kind-worker2', 'pod:default/web-abc-3': PENDING_LANE });
  });

  it('draws each pod inside its box, below the header', () => {
    const g = new GraphBuilder().build(input(base()));
    const boxes = new Map(boxesOf(g).map((b) => [b.id, b]));
    for (const c of cellsOf(g).values()) {
      const box = boxes.get(c.box)!;
      expect(c.y).toBeGreaterThan(box.position.y + 30);
      expect(c.x).toBeGreaterThanOrEqual(box.position.x);
      expect(c.x + box.data.grid.w).toBeLessThanOrEqual(box.position.x + box.width!);
      expect(c.y + box.data.grid.h).toBeLessThanOrEqual(box.position.y + box.height!);
    }
    expect(g.nodes.filter((n) => n.type !== 'box' && n.type !== 'workload')).toEqual([]);
  });

  it('labels and colours pods by their STATUS column, and fades terminating pods', () => {
    const m = applyDeltas(base(), [{ type: 'MODIFIED', resource: 'pods', object: pod('web-abc-1', 'kind-worker', 'Running', undefined, { deletionTimestamp: '2026-01-01T09:20:00Z' }) }]);
    const g = new GraphBuilder().build(input(m));
    const data = (id: string) => cellsOf(g).get(id)!;
    expect(data('pod:default/web-abc-1')).toMatchObject({ status: 'Terminating', tone: 'terminating', terminating: true });
    expect(data('pod:default/web-abc-2')).toMatchObject({ status: 'Running', tone: 'running', ready: '1/1' });
    expect(data('pod:default/web-abc-3')).toMatchObject({ status: 'Pending', tone: 'progress', ready: '0/1' });
  });

  it('draws Deployment → ReplicaSet → Pod ownership and Service → EndpointSlice → Pod edges that follow readiness', () => {
    const endpoint = (name: string, ready: boolean) => ({ addresses: ['10.244.1.2'], conditions: { ready }, targetRef: { kind: 'Pod', namespace: 'default', name } });
    const slice: KObject = {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { name: 'web-x7k2p', namespace: 'default', uid: 'e1', labels: { 'kubernetes.io/service-name': 'web' }, ownerReferences: [{ apiVersion: 'v1', kind: 'Service', name: 'web', uid: 's1', controller: true }] },
      endpoints: [endpoint('web-abc-1', true), endpoint('web-abc-2', false)],
    } as KObject;
    const g = new GraphBuilder().build(input(applyDeltas(base(), [{ type: 'ADDED', resource: 'endpointslices', object: slice }])));
    const edges = g.edges.map((e) => `${e.source} ${e.className} ${e.data?.pod ?? e.target}`).sort();
    expect(edges).toEqual([
      'deployments:default/web edge-owns replicasets:default/web-abc',
      'endpointslices:default/web-x7k2p edge-endpoint pod:default/web-abc-1',
      'endpointslices:default/web-x7k2p edge-endpoint-notready pod:default/web-abc-2',
      'replicasets:default/web-abc edge-owns pod:default/web-abc-1',
      'replicasets:default/web-abc edge-owns pod:default/web-abc-2',
      'replicasets:default/web-abc edge-owns pod:default/web-abc-3',
      'services:default/web edge-owns endpointslices:default/web-x7k2p',
    ]);
    const card = g.nodes.find((n) => n.id === 'endpointslices:default/web-x7k2p')!;
    expect(card.data).toMatchObject({ kind: 'EndpointSlice', summary: '1 ready · 1 not ready' });
    // An edge to a pod targets its box and ends at the pod's cell (top centre).
    const cells = cellsOf(g);
    const toPod = g.edges.find((e) => e.data?.pod === 'pod:default/web-abc-2')!;
    const cell = cells.get('pod:default/web-abc-2')!;
    expect(toPod.target).toBe('box:kind-worker2');
    expect(toPod.data).toMatchObject({ y: cell.y });
    expect(toPod.type).toBe('pod');
  });

  it('draws Ingress → Service edges to the Services its backends name, and shows its class and address', () => {
    const ingress: KObject = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'web', namespace: 'default', uid: 'i1' },
      spec: { ingressClassName: 'cloud-provider-kind', defaultBackend: { service: { name: 'web', port: { number: 80 } } }, rules: [{ http: { paths: [{ path: '/x', pathType: 'Prefix', backend: { service: { name: 'missing', port: { number: 80 } } } }, { path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] } }] },
      status: { loadBalancer: { ingress: [{ ip: '172.18.0.6' }] } },
    };
    const m = applyDeltas(base(), [{ type: 'ADDED', resource: 'ingresses', object: ingress }]);
    const g = new GraphBuilder().build({ ...input(m), cards: { ...input(m).cards, ingresses: objectsOf(m, 'ingresses') } });
    expect(g.edges.filter((e) => e.className === 'edge-routes').map((e) => `${e.source} -> ${e.target}`)).toEqual(['ingresses:default/web -> services:default/web']);
    const card = g.nodes.find((n) => n.id === 'ingresses:default/web')!;
    expect(card.data).toMatchObject({ summary: 'cloud-provider-kind 172.18.0.6' });
  });

  it('draws PVC → PV → node and PVC → the pods that mount it', () => {
    const pvc: KObject = { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data', namespace: 'default', uid: 'c1' }, spec: { volumeName: 'pvc-c1', resources: { requests: { storage: '1Gi' } } }, status: { phase: 'Bound', capacity: { storage: '1Gi' } } };
    const pv: KObject = {
      apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'pvc-c1', uid: 'v1' },
      spec: { capacity: { storage: '1Gi' }, persistentVolumeReclaimPolicy: 'Delete', nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: ['kind-worker'] }] }] } } },
      status: { phase: 'Bound' },
    };
    const user = pod('db', 'kind-worker', 'Running', '2026-01-01T09:10:00Z', { ownerReferences: [] });
    (user.spec as { volumes?: unknown[] }).volumes = [{ name: 'd', persistentVolumeClaim: { claimName: 'data' } }];
    const m = applyDeltas(base(), [
      { type: 'ADDED', resource: 'persistentvolumeclaims', object: pvc },
      { type: 'ADDED', resource: 'persistentvolumes', object: pv },
      { type: 'ADDED', resource: 'pods', object: user },
    ]);
    const g = new GraphBuilder().build(input(m));
    const edges = (cls: string) => g.edges.filter((e) => e.className === cls).map((e) => `${e.source} -> ${e.target}`);
    expect(edges('edge-binds')).toEqual(['persistentvolumeclaims:default/data -> persistentvolumes:/pvc-c1']);
    expect(edges('edge-placed')).toEqual(['persistentvolumes:/pvc-c1 -> box:kind-worker']);
    expect(g.edges.filter((e) => e.className === 'edge-mounts').map((e) => (e.data as { pod?: string }).pod)).toEqual(['pod:default/db']);
    expect(g.nodes.find((n) => n.id === 'persistentvolumes:/pvc-c1')!.data).toMatchObject({ summary: 'Bound · 1Gi · Delete' });
  });

  it('draws the ConfigMaps and Secrets pods use, with an edge to each user, and not the ones nothing uses', () => {
    const cm = (name: string): KObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'default', uid: `cm-${name}` }, data: { a: '1', b: '2' } });
    const secret: KObject = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db', namespace: 'default', uid: 'sec-db' }, type: 'Opaque', data: { password: 'cA==' } };
    const user = pod('web-abc-1', 'kind-worker');
    user.spec = {
      ...(user.spec as object),
      containers: [{ name: 'nginx', image: 'nginx:1.27', env: [{ name: 'P', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } }] }],
      volumes: [{ name: 'cfg', configMap: { name: 'settings' } }, { name: 'kube-api-access-x1', projected: { sources: [{ configMap: { name: 'kube-root-ca.crt' } }] } }],
    };
    const m = mirrorFromSnapshot({ pods: [user, pod('web-abc-2', 'kind-worker2')], configmaps: [cm('settings'), cm('kube-root-ca.crt'), cm('unused')], secrets: [secret] });
    const g = new GraphBuilder().build(input(m));
    const cards = g.nodes.filter((n) => n.type === 'workload').map((n) => n.id);
    expect(cards).toEqual(['configmaps:default/settings', 'secrets:default/db']);
    expect(g.edges.filter((e) => e.className === 'edge-configures').map((e) => `${e.source} -> ${(e.data as { pod: string }).pod}`)).toEqual([
      'configmaps:default/settings -> pod:default/web-abc-1',
      'secrets:default/db -> pod:default/web-abc-1',
    ]);
    expect(g.nodes.find((n) => n.id === 'secrets:default/db')!.data).toMatchObject({ summary: 'Opaque · 1 key' });
    expect(g.nodes.find((n) => n.id === 'configmaps:default/settings')!.data).toMatchObject({ summary: '2 keys' });
  });

  it('draws a StatefulSet as a card with its ready replicas and image', () => {
    const sts: KObject = {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'web', namespace: 'default', uid: 'sts-web' },
      spec: { replicas: 3, template: { spec: { containers: [{ name: 'nginx', image: 'registry.k8s.io/nginx-slim:0.21' }] } } },
      status: { replicas: 2, readyReplicas: 1 },
    };
    const g = new GraphBuilder().build(input(mirrorFromSnapshot({ statefulsets: [sts] })));
    expect(g.nodes.find((n) => n.id === 'statefulsets:default/web')!.data).toMatchObject({ kind: 'StatefulSet', summary: '1/3 ready · registry.k8s.io/nginx-slim:0.21' });
  });

  it('returns identical node objects for everything that did not change', () => {
    const builder = new GraphBuilder();
    const m1 = base();
    const g1 = builder.build(input(m1));
    const m2 = applyDeltas(m1, [{ type: 'MODIFIED', resource: 'pods', object: pod('web-abc-3', undefined, 'Pending') }]);
    const g2 = builder.build(input(m2));
    const changed = g2.nodes.filter((n, i) => n !== g1.nodes[i]).map((n) => n.id);
    expect(changed).toEqual([]);
    // A pod that changed: only its box is new, and in it only that pod's cell.
    const m3 = applyDeltas(m2, [{ type: 'MODIFIED', resource: 'pods', object: pod('web-abc-1', 'kind-worker', 'Pending') }]);
    const g3 = builder.build(input(m3));
    expect(g3.nodes.filter((n, i) => n !== g2.nodes[i]).map((n) => n.id)).toEqual(['box:kind-worker']);
    expect(cellsOf(g3).get('pod:default/web-abc-1')!.status).toBe('Pending');
    expect(g2.edges.every((e, i) => e === g1.edges[i])).toBe(true);
    expect(g2.shapeVersion).toBe(g1.shapeVersion);
  });

  it('keeps every pod in its slot when another pod in the box goes away', () => {
    const builder = new GraphBuilder();
    const m1 = mirrorFromSnapshot({ pods: [pod('a', 'kind-worker', 'Running', 't1'), pod('b', 'kind-worker', 'Running', 't2'), pod('c', 'kind-worker', 'Running', 't3')] });
    const g1 = builder.build(input(m1));
    const m2 = applyDeltas(m1, [{ type: 'DELETED', resource: 'pods', object: pod('a', 'kind-worker') }]);
    const g2 = builder.build(input(m2));
    const pos = (g: typeof g1, id: string) => {
      const c = cellsOf(g).get(id)!;
      return { x: c.x, y: c.y };
    };
    const cell = (g: typeof g1, id: string) => boxesOf(g).flatMap((b) => b.data.cells).find((c) => c.id === id);
    expect(pos(g2, 'pod:default/c')).toEqual(pos(g1, 'pod:default/c'));
    expect(cell(g2, 'pod:default/b')).toBe(cell(g1, 'pod:default/b'));
    expect(g2.shapeVersion).toBe(g1.shapeVersion);
    const m3 = applyDeltas(m2, [{ type: 'ADDED', resource: 'pods', object: pod('d', 'kind-worker', 'Pending', 't4') }]);
    expect(pos(builder.build(input(m3)), 'pod:default/d')).toEqual(pos(g1, 'pod:default/a'));
  });

  it('moves a pod from the Pending lane into its node box once scheduled', () => {
    const builder = new GraphBuilder();
    const m1 = base();
    builder.build(input(m1));
    const m2 = applyDeltas(m1, [{ type: 'MODIFIED', resource: 'pods', object: pod('web-abc-3', 'kind-worker3', 'Pending') }]);
    const g = builder.build(input(m2));
    expect(cellsOf(g).get('pod:default/web-abc-3')!.box).toBe('box:kind-worker3');
    expect(g.podBox.get('pod:default/web-abc-3')).toBe('box:kind-worker3');
  });

  it('asks for a refit when the outline changes, not when pods come and go within a row', () => {
    const builder = new GraphBuilder();
    const m1 = mirrorFromSnapshot({ pods: [pod('a', 'kind-worker', 'Running', 't1')] });
    const v1 = builder.build(input(m1)).shapeVersion;
    const m2 = applyDeltas(m1, [{ type: 'ADDED', resource: 'pods', object: pod('b', 'kind-worker', 'Running', 't2') }]);
    expect(builder.build(input(m2)).shapeVersion).toBe(v1);
    const m3 = applyDeltas(m2, [{ type: 'ADDED', resource: 'deployments', object: deployment }]);
    expect(builder.build(input(m3)).shapeVersion).toBe(v1 + 1);
  });

  it('grows a box row by row as pods arrive, without moving earlier pods', () => {
    const builder = new GraphBuilder();
    let m = mirrorFromSnapshot({});
    const heights: number[] = [];
    for (let i = 0; i < 7; i++) {
      m = applyDeltas(m, [{ type: 'ADDED', resource: 'pods', object: pod(`p${i}`, 'kind-worker', 'Running', `t${i}`) }]);
      heights.push(builder.build(input(m)).nodes.find((n) => n.id === 'box:kind-worker')!.height!);
    }
    expect(heights[0]).toBe(heights[2]);
    expect(heights[3]).toBeGreaterThan(heights[2]);
    expect(heights[6]).toBeGreaterThan(heights[5]);
  });
});

describe('GraphBuilder layout', () => {
  it('stacks node boxes in one column for a narrow view, and slims an empty Pending lane', () => {
    const g = new GraphBuilder().build({ ...input(mirrorFromSnapshot({ pods: [pod('a', 'kind-worker')] })), columns: 1 });
    const boxes = boxesOf(g);
    const lane = boxes.find((b) => b.id === PENDING_LANE)!;
    const nodes = boxes.filter((b) => b.id !== PENDING_LANE);
    expect(nodes.every((b) => b.position.x === 0)).toBe(true);
    const ys = nodes.map((b) => b.position.y);
    expect([...ys].sort((a, b) => a - b)).toEqual(ys);
    expect(new Set(ys).size).toBe(4);
    expect(lane.width).toBe(nodes[0].width);
    expect(lane.height).toBeLessThan(nodes[0].height!);
  });

  it('puts two node boxes side by side by default', () => {
    const g = new GraphBuilder().build(input(base()));
    const xs = new Set(boxesOf(g).filter((b) => b.id !== PENDING_LANE).map((b) => b.position.x));
    expect(xs.size).toBe(2);
  });
});

describe('GraphBuilder edge fan-out', () => {
  it('draws one edge per node box, with a count, when a ReplicaSet owns many pods', () => {
    const many = Array.from({ length: 30 }, (_, i) => pod(`web-abc-${i}`, i % 2 ? 'kind-worker' : 'kind-worker2', 'Running', `t${String(i).padStart(2, '0')}`));
    const g = new GraphBuilder().build(input(mirrorFromSnapshot({ deployments: [deployment], replicasets: [rs], pods: many })));
    const owns = g.edges.filter((e) => e.source === 'replicasets:default/web-abc').map((e) => `${e.target} ${e.data?.count}`).sort();
    expect(owns).toEqual(['box:kind-worker 15 pods', 'box:kind-worker2 15 pods']);
  });
});

describe('GraphBuilder at scale', () => {
  const crowd = (n: number, nodeOf: (i: number) => string | undefined) =>
    Array.from({ length: n }, (_, i) => pod(`big-${String(i).padStart(4, '0')}`, nodeOf(i), nodeOf(i) ? 'Running' : 'Pending', `t${String(i).padStart(4, '0')}`));

  it('keeps a thousand pods readable: squares, short boxes, a summary under each', () => {
    const pods = crowd(1000, (i) => (i < 330 ? NODE_NAMES[1 + (i % 3)] : undefined));
    const g = new GraphBuilder().build(input(mirrorFromSnapshot({ pods })));
    const boxes = boxesOf(g);
    for (const b of boxes) expect(b.height!).toBeLessThan(400);
    const worker = boxes.find((b) => b.id === 'box:kind-worker')!;
    expect(worker.data).toMatchObject({ pods: 110, hidden: 0, summary: '110 Running' });
    expect(worker.data.grid.tier).toBe('dot');
    const lane = boxes.find((b) => b.id === PENDING_LANE)!;
    expect(lane.data.cells.length + lane.data.hidden).toBe(670);
    expect(lane.data.summary).toBe('670 Pending');
    expect(g.summary).toMatchObject({ total: 1000, running: 330, progress: 670 });
  });

  it('draws what fits and counts the rest when a box overflows', () => {
    const g = new GraphBuilder().build(input(mirrorFromSnapshot({ pods: crowd(3000, () => 'kind-worker') })));
    const worker = boxesOf(g).find((b) => b.id === 'box:kind-worker')!;
    expect(worker.data.pods).toBe(3000);
    expect(worker.data.hidden).toBeGreaterThan(0);
    expect(worker.data.cells.length + worker.data.hidden).toBe(3000);
    expect(worker.data.cells.every((c) => c.slot < worker.data.cells.length)).toBe(true);
  });

  it('keeps each pod in its slot while the box changes tier', () => {
    const builder = new GraphBuilder();
    const first = crowd(5, () => 'kind-worker');
    const g1 = builder.build(input(mirrorFromSnapshot({ pods: first })));
    const g2 = builder.build(input(mirrorFromSnapshot({ pods: [...first, ...crowd(60, () => 'kind-worker').slice(5)] })));
    const slot = (g: Graph, id: string) => cellsOf(g).get(id)!.slot;
    expect(boxesOf(g2).find((b) => b.id === 'box:kind-worker')!.data.grid.tier).not.toBe('card');
    for (const p of first) expect(slot(g2, `pod:default/${p.metadata.name}`)).toBe(slot(g1, `pod:default/${p.metadata.name}`));
  });
});


describe('GraphBuilder: cards above the boxes', () => {
  /** `n` Deployments, each with `m` ReplicaSets (a rollout's history), and `k` Services. */
  function crowded(n: number, m: number, k: number): Mirror {
    const deployments: KObject[] = [];
    const replicasets: KObject[] = [];
    const services: KObject[] = [];
    for (let d = 0; d < n; d++) {
      const name = `app${d}`;
      deployments.push({ ...deployment, metadata: { name, namespace: 'default', uid: `d${d}`, creationTimestamp: `2026-01-01T09:${String(d).padStart(2, '0')}:00Z` } });
      for (let r = 0; r < m; r++)
        replicasets.push({
          ...rs,
          metadata: { name: `${name}-rs${r}`, namespace: 'default', uid: `r${d}-${r}`, creationTimestamp: `2026-01-01T09:${String(d).padStart(2, '0')}:${String(r + 1).padStart(2, '0')}Z`, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name, uid: `d${d}`, controller: true }] },
        });
    }
    for (let s = 0; s < k; s++) services.push({ ...service, metadata: { name: `svc${s}`, namespace: 'default', uid: `s${s}`, creationTimestamp: `2026-01-01T09:${String(s).padStart(2, '0')}:30Z` } });
    return mirrorFromSnapshot({ deployments, replicasets, services, pods: [pod('lone', 'kind-worker')] });
  }

  it('never overlaps any two nodes, cards or boxes, in either column count', () => {
    for (const columns of [1, 2]) {
      const g = new GraphBuilder().build({ ...input(crowded(9, 3, 7)), columns });
      const rects = g.nodes.map((n) => ({ id: n.id, x: n.position.x, y: n.position.y, w: n.width!, h: n.height! }));
      expect(rects.filter((r) => r.id.startsWith('replicasets:'))).toHaveLength(27);
      for (const a of rects)
        for (const b of rects) if (a !== b) expect(a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h, `${a.id} overlaps ${b.id}`).toBe(false);
    }
  });

  it('stacks each ReplicaSet under its Deployment, and links them by the trunk', () => {
    const g = new GraphBuilder().build(input(crowded(5, 2, 3)));
    const node = (id: string) => g.nodes.find((n) => n.id === id)!;
    for (let d = 0; d < 5; d++) {
      const dep = node(`deployments:default/app${d}`);
      for (let r = 0; r < 2; r++) {
        const set = node(`replicasets:default/app${d}-rs${r}`);
        expect(set.position.x).toBeGreaterThanOrEqual(dep.position.x);
        expect(set.position.x + set.width!).toBeLessThanOrEqual(dep.position.x + dep.width!);
        expect(set.position.y).toBeGreaterThan(dep.position.y);
        const edge = g.edges.find((e) => e.source === dep.id && e.target === set.id)!;
        expect(edge).toMatchObject({ sourceHandle: 'trunk', targetHandle: 'in' });
      }
    }
  });

  it('puts the Pending lane below the last band of cards', () => {
    const g = new GraphBuilder().build(input(crowded(9, 3, 7)));
    const lane = g.nodes.find((n) => n.id === PENDING_LANE)!;
    const bottom = Math.max(...g.nodes.filter((n) => n.type === 'workload').map((n) => n.position.y + n.height!));
    expect(lane.position.y).toBeGreaterThan(bottom);
  });
});

describe('GraphBuilder: orphans, and what boxes say', () => {
  it('marks a pod no controller in the cluster owns as an orphan, and adopted again as not', () => {
    const builder = new GraphBuilder();
    const m1 = base();
    const g1 = builder.build(input(m1));
    expect([...cellsOf(g1).values()].every((c) => c.unowned === '')).toBe(true);
    // Relabelled out of its ReplicaSet: the controller drops its ownerReference.
    const released = pod('web-abc-1', 'kind-worker', 'Running', undefined, { labels: { app: 'other' }, generateName: 'web-abc-', ownerReferences: [] });
    const m2 = applyDeltas(m1, [{ type: 'MODIFIED', resource: 'pods', object: released }]);
    const g2 = builder.build(input(m2));
    expect(cellsOf(g2).get('pod:default/web-abc-1')!.unowned).toBe('orphan');
    expect(cellsOf(g2).get('pod:default/web-abc-2')!.unowned).toBe('');
    expect(g2.edges.some((e) => e.data?.pod === 'pod:default/web-abc-1' && e.source.startsWith('replicasets:'))).toBe(false);
    // Its owner gone from the cluster (not yet collected): an orphan too, though the pod did not change.
    const m3 = applyDeltas(m1, [{ type: 'DELETED', resource: 'replicasets', object: rs }]);
    expect(cellsOf(builder.build(input(m3))).get('pod:default/web-abc-2')!.unowned).toBe('orphan');
    expect(cellsOf(builder.build(input(m1))).get('pod:default/web-abc-2')!.unowned).toBe('');
  });

  it('tells a bare pod (never owned, as `kubectl run` makes) from an orphan', () => {
    const bare = pod('lonely', 'kind-worker', 'Running', undefined, { labels: { run: 'lonely' }, ownerReferences: [] });
    const g = new GraphBuilder().build(input(mirrorFromSnapshot({ pods: [bare] })));
    expect(cellsOf(g).get('pod:default/lonely')!.unowned).toBe('bare');
  });

  const node = (name: string, spec: Record<string, unknown>): KObject => ({ apiVersion: 'v1', kind: 'Node', metadata: { name, uid: `n-${name}` }, spec });

  it('says why an empty node has no pods, from the taints on its Node object', () => {
    const cp = node('kind-control-plane', { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] });
    const w3 = node('kind-worker3', { taints: [{ key: 'gpu', value: 'yes', effect: 'NoExecute' }, { key: 'soft', effect: 'PreferNoSchedule' }], unschedulable: true });
    const g = new GraphBuilder().build(input(mirrorFromSnapshot({ nodes: [cp, w3, node('kind-worker', {}), node('kind-worker2', {})], pods: [pod('a', 'kind-worker')] })));
    const box = (n: string) => boxesOf(g).find((b) => b.id === `box:${n}`)!.data;
    expect(box('kind-control-plane').note).toBe('No pods: tainted node-role.kubernetes.io/control-plane:NoSchedule');
    expect(box('kind-worker3').note).toBe('No pods: tainted gpu=yes:NoExecute; cordoned (unschedulable)');
    expect(box('kind-worker2').note).toBe('');
    expect(box('kind-worker').note).toBe('');
  });

  it('says nothing about taints once a pod runs there, and follows the Node when the taint goes', () => {
    const tainted = node('kind-control-plane', { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] });
    const builder = new GraphBuilder();
    const m1 = mirrorFromSnapshot({ nodes: [tainted], pods: [pod('tolerating', 'kind-control-plane')] });
    expect(boxesOf(builder.build(input(m1))).find((b) => b.id === 'box:kind-control-plane')!.data.note).toBe('');
    const m2 = mirrorFromSnapshot({ nodes: [node('kind-control-plane', {})] });
    expect(boxesOf(builder.build(input(m2))).find((b) => b.id === 'box:kind-control-plane')!.data.note).toBe('');
  });

  it('says on the Pending lane what it holds', () => {
    const lane = boxesOf(new GraphBuilder().build(input(base()))).find((b) => b.id === PENDING_LANE)!.data;
    expect(lane).toMatchObject({ label: 'Pending', hint: 'pods not yet bound to a node', pods: 1 });
  });
});

describe('GraphBuilder: StatefulSet and DaemonSet pods in their order', () => {
  const owned = (name: string, kind: string, owner: string, spec: Record<string, unknown>): KObject => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', uid: `u-${name}`, creationTimestamp: '2026-01-01T09:10:00Z', ownerReferences: [{ apiVersion: 'apps/v1', kind, name: owner, uid: `o-${owner}`, controller: true }] },
    spec: { containers: [{ name: 'c', image: 'nginx:1.27' }], ...spec },
    status: { phase: 'Pending' },
  });
  const laneOrder = (g: Graph) => [...cellsOf(g).values()].filter((c) => c.box === PENDING_LANE).sort((a, b) => a.slot - b.slot).map((c) => c.id.replace('pod:default/', ''));
  const forNode = (node: string) => ({ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [node] }] }] } } } });

  it('places a StatefulSet’s pods created together by ordinal, web-10 after web-9', () => {
    const names = [11, 2, 10, 0, 9, 1].map((i) => `web-${i}`);
    const g = new GraphBuilder().build(input(mirrorFromSnapshot({ pods: names.map((n) => owned(n, 'StatefulSet', 'web', {})) })));
    expect(laneOrder(g)).toEqual(['web-0', 'web-1', 'web-2', 'web-9', 'web-10', 'web-11']);
  });

  it('places a DaemonSet’s pending pods in the order of the nodes they are for, then each in its own box', () => {
    const nodes = { 'agent-zz1': 'kind-worker', 'agent-aa2': 'kind-worker3', 'agent-mm3': 'kind-control-plane', 'agent-bb4': 'kind-worker2' };
    const pods = Object.entries(nodes).map(([name, node]) => owned(name, 'DaemonSet', 'agent', forNode(node)));
    const builder = new GraphBuilder();
    const m1 = mirrorFromSnapshot({ pods });
    expect(laneOrder(builder.build(input(m1)))).toEqual(['agent-mm3', 'agent-zz1', 'agent-bb4', 'agent-aa2']);
    const bound = pods.map((p) => ({ ...p, spec: { ...(p.spec as object), nodeName: nodes[p.metadata.name as keyof typeof nodes] } }));
    const m2 = applyDeltas(m1, bound.map((object) => ({ type: 'MODIFIED' as const, resource: 'pods', object })));
    const cells = cellsOf(builder.build(input(m2)));
    for (const [name, node] of Object.entries(nodes)) expect(cells.get(`pod:default/${name}`)!.box).toBe(`box:${node}`);
  });
});
