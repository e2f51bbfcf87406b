import { describe, it, expect } from 'vitest';
import { createCluster, type Cluster } from '../cluster';
import type { KObject } from '../core/object';
import { numFeasibleNodesToFind, startScheduler } from './scheduler';

interface PodShape extends KObject {
  spec: { nodeName?: string; containers: unknown[] };
  status?: { phase?: string; conditions?: Array<{ type: string; status: string; reason?: string; message?: string }> };
}

function pod(name: string, spec: Record<string, unknown> = {}, container: Record<string, unknown> = {}): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default' },
    spec: { restartPolicy: 'Always', terminationGracePeriodSeconds: 30, containers: [{ name: 'app', image: 'nginx:1.27', ...container }], ...spec },
  };
}

const get = (c: Cluster, name: string) => c.api.get('pods', 'default', name) as PodShape;
const events = (c: Cluster, name: string, reason?: string) =>
  (c.api.list('events', 'default') as Array<KObject & { involvedObject: { name: string }; reason: string; message: string; count: number; source: { component: string }; type: string }>)
    .filter((e) => e.involvedObject.name === name && (!reason || e.reason === reason));

const TAINT = '1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }';

describe('default scheduler', () => {
  it('binds to a worker, never the tainted control plane, with a Scheduled event', () => {
    const c = createCluster({ seed: 7 });
    for (let i = 0; i < 6; i++) c.api.create('pods', 'default', pod(`web-${i}`));
    c.settle();
    for (let i = 0; i < 6; i++) {
      const p = get(c, `web-${i}`);
      expect(p.spec.nodeName).toMatch(/^kind-worker\d?$/);
      const [ev] = events(c, `web-${i}`, 'Scheduled');
      expect(ev.message).toBe(`Successfully assigned default/web-${i} to ${p.spec.nodeName}`);
      expect(ev.source.component).toBe('default-scheduler');
      expect(p.status?.conditions?.find((x) => x.type === 'PodScheduled')?.status).toBe('True');
    }
    // LeastAllocated spreads identical pods: two per worker.
    const per = new Map<string, number>();
    for (let i = 0; i < 6; i++) per.set(get(c, `web-${i}`).spec.nodeName!, (per.get(get(c, `web-${i}`).spec.nodeName!) ?? 0) + 1);
    expect([...per.values()]).toEqual([2, 2, 2]);
  });

  it('reports a nodeSelector mismatch with the exact FailedScheduling text and condition', () => {
    const c = createCluster({ seed: 1 });
    c.api.create('pods', 'default', pod('ssd', { nodeSelector: { disktype: 'ssd' } }));
    c.settle();
    const msg = `0/4 nodes are available: ${TAINT}, 3 node(s) didn't match Pod's node affinity/selector. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling..`;
    const [ev] = events(c, 'ssd', 'FailedScheduling');
    expect(ev.type).toBe('Warning');
    expect(ev.message).toBe(msg);
    const p = get(c, 'ssd');
    expect(p.spec.nodeName).toBeUndefined();
    expect(p.status?.phase).toBe('Pending');
    expect(p.status?.conditions).toEqual([{ type: 'PodScheduled', status: 'False', lastProbeTime: null, lastTransitionTime: expect.any(String), reason: 'Unschedulable', message: msg }]);
  });

  it('reports insufficient cpu, sorting the reasons as strings', () => {
    const c = createCluster({ seed: 1 });
    c.api.create('pods', 'default', pod('big', {}, { resources: { requests: { cpu: '5' } } }));
    c.settle();
    expect(events(c, 'big', 'FailedScheduling')[0].message).toBe(
      `0/4 nodes are available: ${TAINT}, 3 Insufficient cpu. preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod..`,
    );
  });

  it('honours preemptionPolicy Never and memory requests', () => {
    const c = createCluster({ seed: 1 });
    c.api.create('pods', 'default', pod('mem', { preemptionPolicy: 'Never' }, { resources: { requests: { memory: '64Gi' } } }));
    c.settle();
    expect(events(c, 'mem', 'FailedScheduling')[0].message).toBe(`0/4 nodes are available: ${TAINT}, 3 Insufficient memory. preemption: not eligible due to preemptionPolicy=Never.`);
  });

  it('schedules on the control plane with a toleration and required node affinity', () => {
    const c = createCluster({ seed: 1 });
    c.api.create(
      'pods',
      'default',
      pod('cp', {
        tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }],
        affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists' }] }] } } },
      }),
    );
    c.settle();
    expect(get(c, 'cp').spec.nodeName).toBe('kind-control-plane');
  });

  it('retries when a node gains the wanted label', () => {
    const c = createCluster({ seed: 1 });
    c.api.create('pods', 'default', pod('ssd', { nodeSelector: { disktype: 'ssd' } }));
    c.settle();
    c.api.patch('nodes', undefined, 'kind-worker2', { metadata: { labels: { disktype: 'ssd' } } }, 'merge');
    c.advance(999);
    expect(get(c, 'ssd').spec.nodeName).toBeUndefined();
    c.advance(1);
    expect(get(c, 'ssd').spec.nodeName).toBe('kind-worker2');
  });

  it('retries when resources are freed, and every 5 minutes while unschedulable', () => {
    const c = createCluster({ seed: 1 });
    for (let i = 0; i < 3; i++) c.api.create('pods', 'default', pod(`hog-${i}`, {}, { resources: { requests: { cpu: '3' } } }));
    c.api.create('pods', 'default', pod('late', {}, { resources: { requests: { cpu: '3' } } }));
    c.settle();
    expect(get(c, 'late').spec.nodeName).toBeUndefined();
    expect(events(c, 'late', 'FailedScheduling')[0].count).toBe(1);
    c.advance(5 * 60 * 1000);
    expect(events(c, 'late', 'FailedScheduling')[0].count).toBe(2);
    c.api.delete('pods', 'default', 'hog-1');
    c.advance(3000); // nginx stops in ~100ms, then a 1 s back-off
    expect(get(c, 'late').spec.nodeName).toMatch(/^kind-worker\d?$/);
  });

  it('reports host port conflicts', () => {
    const c = createCluster({ seed: 1, workers: 1 });
    c.api.create('pods', 'default', pod('a', {}, { ports: [{ containerPort: 80, hostPort: 8080, protocol: 'TCP' }] }));
    c.api.create('pods', 'default', pod('b', {}, { ports: [{ containerPort: 80, hostPort: 8080, protocol: 'TCP' }] }));
    c.settle();
    expect(events(c, 'b', 'FailedScheduling')[0].message).toBe(
      `0/2 nodes are available: 1 node(s) didn't have free ports for the requested pod ports, ${TAINT}. preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling..`,
    );
  });

  it('counts 110 pods per node', () => {
    // Without kind's daemon pods, which would take two of the worker's 110 slots.
    const c = createCluster({ seed: 1, workers: 1, podQuota: 500, system: false });
    for (let i = 0; i < 111; i++) c.api.create('pods', 'default', pod(`p-${i}`));
    c.settle();
    const unscheduled = (c.api.list('pods', 'default') as PodShape[]).filter((p) => !p.spec.nodeName);
    expect(unscheduled).toHaveLength(1);
    expect(events(c, unscheduled[0].metadata.name!, 'FailedScheduling')[0].message).toBe(
      `0/2 nodes are available: 1 Too many pods, ${TAINT}. preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling..`,
    );
  });

  it('leaves pods of other schedulers and gated pods alone', () => {
    const c = createCluster({ seed: 1 });
    c.api.create('pods', 'default', pod('other', { schedulerName: 'my-scheduler' }));
    c.api.create('pods', 'default', pod('gated', { schedulingGates: [{ name: 'example.com/wait' }] }));
    c.settle();
    expect(get(c, 'other').spec.nodeName).toBeUndefined();
    expect(get(c, 'gated').status?.conditions?.[0]).toMatchObject({ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' });
  });

  it('explains a node verdict', () => {
    const c = createCluster({ seed: 1 });
    const s = startScheduler(c);
    const p = pod('x', {}, { resources: { requests: { cpu: '5' } } });
    expect(s.explainNode(p, 'kind-control-plane')).toEqual({ node: 'kind-control-plane', fits: false, reasons: ['node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }'] });
    expect(s.explainNode(p, 'kind-worker')).toEqual({ node: 'kind-worker', fits: false, reasons: ['Insufficient cpu'] });
    expect(s.explainNode(pod('y'), 'kind-worker').fits).toBe(true);
    expect(c.scheduler.explainNode(pod('y'), 'nope')).toEqual({ node: 'nope', fits: false, reasons: ['node "nope" not found'] });
  });

  it('is deterministic for a seed', () => {
    const placement = (seed: number) => {
      const c = createCluster({ seed });
      for (let i = 0; i < 12; i++) c.api.create('pods', 'default', pod(`p-${i}`));
      c.settle();
      return (c.api.list('pods', 'default') as PodShape[]).map((p) => p.spec.nodeName).join(',');
    };
    expect(placement(3)).toBe(placement(3));
  });

  it('scores a bounded number of nodes in big clusters', () => {
    expect(numFeasibleNodesToFind(50)).toBe(50);
    expect(numFeasibleNodesToFind(100)).toBe(100);
    expect(numFeasibleNodesToFind(500)).toBe(230);
    expect(numFeasibleNodesToFind(5000)).toBe(500);
  });
});
