import { describe, expect, it } from 'vitest';
import { createCluster } from '../../cluster';
import type { PodObject } from '../../kinds/apps/workload-types';

describe('pod garbage collector', () => {
  it('deletes the pods of a node gone for 40 s (at its next 20 s sweep), marked DisruptionTarget', () => {
    const c = createCluster({ seed: 2 });
    const onNode = () => (c.api.list('pods', 'kube-system') as PodObject[]).filter((p) => p.spec?.nodeName === 'kind-worker3').map((p) => p.metadata.name!);
    expect(onNode()).toHaveLength(2);
    const seen: PodObject[] = [];
    c.store.subscribe((e) => {
      if (e.type === 'MODIFIED' && (e.object as PodObject).spec?.nodeName === 'kind-worker3') seen.push(e.object as PodObject);
    }, 'pods');
    const deletedAt = c.clock.now();
    c.api.delete('nodes', undefined, 'kind-worker3');
    c.advance(39_000);
    expect(onNode()).toHaveLength(2);
    c.advance(21_000);
    expect(onNode()).toEqual([]);
    const marked = seen.find((p) => p.status?.conditions?.some((k) => k.type === 'DisruptionTarget'))!;
    expect(marked.status?.phase).toBe('Failed');
    expect(marked.status?.conditions?.find((k) => k.type === 'DisruptionTarget')).toMatchObject({ status: 'True', reason: 'DeletionByPodGC', message: 'PodGC: node no longer exists' });
    expect(c.clock.now() - deletedAt).toBeGreaterThanOrEqual(40_000);
    // The DaemonSets now want one pod fewer.
    expect((c.api.get('daemonsets', 'kube-system', 'kube-proxy') as unknown as { status: { desiredNumberScheduled: number; currentNumberScheduled: number } }).status).toMatchObject({ desiredNumberScheduled: 3, currentNumberScheduled: 3 });
  });
});
