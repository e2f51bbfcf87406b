import { describe, expect, it } from 'vitest';
import type { KObject } from '../../core/object';
import type { PodObject } from '../../kinds/apps/workload-types';
import { harness, type Harness } from '../test-helpers';
import { TRACKING_FINALIZER } from './job-pods';

function job(name: string, spec: Record<string, unknown> = {}): KObject {
  return { apiVersion: 'batch/v1', kind: 'Job', metadata: { name }, spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox' }] } }, ...spec } };
}

function podsOf(h: Harness, name: string): PodObject[] {
  return (h.api.list('pods', 'default', { labelSelector: `job-name=${name}` }) as PodObject[]).filter((p) => !p.metadata.deletionTimestamp);
}

/** Plays the kubelet: the pod ends in `phase` with the container's exit code. */
function finish(h: Harness, pod: PodObject, phase: 'Succeeded' | 'Failed', exitCode = phase === 'Succeeded' ? 0 : 1): void {
  const current = h.api.get('pods', 'default', pod.metadata.name!) as PodObject;
  const terminated = { exitCode, reason: phase === 'Succeeded' ? 'Completed' : 'Error', finishedAt: h.clock.timestamp(), startedAt: h.clock.timestamp() };
  h.api.updateStatus('pods', 'default', { ...current, status: { phase, containerStatuses: [{ name: 'c', image: 'busybox', imageID: '', ready: false, restartCount: 0, state: { terminated } }] } });
  h.settle();
}

function conditions(h: Harness, name: string): string[] {
  const j = h.api.get('jobs', 'default', name) as KObject & { status?: { conditions?: { type: string; reason?: string }[] } };
  return (j.status?.conditions ?? []).map((c) => `${c.type}:${c.reason}`);
}

describe('Job controller', () => {
  it('runs pods up to parallelism and remaining completions, tracks them with a finalizer, then completes', () => {
    const h = harness();
    h.api.create('jobs', 'default', job('work', { completions: 3, parallelism: 2 }));
    h.settle();
    let pods = podsOf(h, 'work');
    expect(pods).toHaveLength(2);
    expect(pods[0].metadata.finalizers).toEqual([TRACKING_FINALIZER]);
    expect(pods[0].metadata.labels?.['batch.kubernetes.io/job-name']).toBe('work');
    for (const p of pods) finish(h, p, 'Succeeded');
    pods = podsOf(h, 'work');
    // Counted pods lose the finalizer; one more pod for the last completion.
    expect(pods.filter((p) => p.metadata.finalizers?.includes(TRACKING_FINALIZER))).toHaveLength(1);
    finish(h, pods.find((p) => p.metadata.finalizers)!, 'Succeeded');
    expect(conditions(h, 'work')).toEqual(['SuccessCriteriaMet:CompletionsReached', 'Complete:CompletionsReached']);
    expect(h.eventLog.filter((e) => e.object === 'Job/work').map((e) => e.reason)).toEqual(['SuccessfulCreate', 'SuccessfulCreate', 'SuccessfulCreate', 'Completed']);
  });

  it('a work queue (parallelism, no completions) leaves the others running once one succeeds, and completes when they end', () => {
    const h = harness();
    h.api.create('jobs', 'default', job('queue', { parallelism: 3 }));
    h.settle();
    const pods = podsOf(h, 'queue');
    expect(pods).toHaveLength(3);
    finish(h, pods[0], 'Succeeded');
    // manageJob: wantActive = active once a pod has succeeded — no pod deleted, none created.
    expect(podsOf(h, 'queue').filter((p) => p.status?.phase !== 'Succeeded')).toHaveLength(2);
    expect(h.eventLog.some((e) => e.reason === 'SuccessfulDelete')).toBe(false);
    expect(conditions(h, 'queue')).toEqual([]);
    finish(h, pods[1], 'Succeeded');
    finish(h, pods[2], 'Succeeded');
    expect(conditions(h, 'queue')).toEqual(['SuccessCriteriaMet:CompletionsReached', 'Complete:CompletionsReached']);
  });

  it('replaces failed pods after 10 s, then 20 s, and fails past backoffLimit', () => {
    const h = harness();
    h.api.create('jobs', 'default', job('flaky', { backoffLimit: 2 }));
    h.settle();
    finish(h, podsOf(h, 'flaky')[0], 'Failed');
    expect(podsOf(h, 'flaky').filter((p) => p.status?.phase !== 'Failed')).toHaveLength(0);
    h.advance(9_999);
    expect(podsOf(h, 'flaky')).toHaveLength(1);
    h.advance(1);
    expect(podsOf(h, 'flaky')).toHaveLength(2);
    finish(h, podsOf(h, 'flaky').find((p) => p.status?.phase !== 'Failed')!, 'Failed');
    h.advance(19_999);
    expect(podsOf(h, 'flaky')).toHaveLength(2);
    h.advance(1);
    finish(h, podsOf(h, 'flaky').find((p) => p.status?.phase !== 'Failed')!, 'Failed');
    expect(conditions(h, 'flaky')).toEqual(['FailureTarget:BackoffLimitExceeded', 'Failed:BackoffLimitExceeded']);
    expect(h.eventLog.some((e) => e.reason === 'BackoffLimitExceeded' && e.message === 'Job has reached the specified backoff limit')).toBe(true);
  });

  it('fails at once on an exit code a FailJob rule names', () => {
    const h = harness();
    const rules = [{ action: 'FailJob', onExitCodes: { containerName: 'c', operator: 'In', values: [42] } }];
    h.api.create('jobs', 'default', job('policy', { podFailurePolicy: { rules } }));
    h.settle();
    const pod = podsOf(h, 'policy')[0];
    finish(h, pod, 'Failed', 42);
    expect(conditions(h, 'policy')).toEqual(['FailureTarget:PodFailurePolicy', 'Failed:PodFailurePolicy']);
  });

  it('gives Indexed pods their index and JOB_COMPLETION_INDEX', () => {
    const h = harness();
    h.api.create('jobs', 'default', job('idx', { completions: 2, parallelism: 2, completionMode: 'Indexed' }));
    h.settle();
    const pods = podsOf(h, 'idx').sort((a, b) => a.metadata.name!.localeCompare(b.metadata.name!));
    expect(pods.map((p) => p.metadata.annotations?.['batch.kubernetes.io/job-completion-index'])).toEqual(['0', '1']);
    expect(pods[0].metadata.name).toMatch(/^idx-0-[a-z0-9]{5}$/);
    expect(pods[1].spec?.hostname).toBe('idx-1');
    expect(pods[0].spec?.containers[0].env?.[0].name).toBe('JOB_COMPLETION_INDEX');
  });
});
