import { describe, it, expect } from 'vitest';
import type { KObject } from '../../core/object';
import { podColumns, podStatus } from './pod-status';

const NOW = Date.UTC(2026, 0, 1, 10, 0, 0);

function pod(status: Record<string, unknown>, spec: Record<string, unknown> = {}, meta: Record<string, unknown> = {}): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', namespace: 'default', ...meta },
    spec: { containers: [{ name: 'app' }], ...spec },
    status,
  };
}

const running = { running: { startedAt: '2026-01-01T09:00:00Z' } };

describe('podStatus', () => {
  it('is the phase when containers are running', () => {
    const p = pod({ phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }], containerStatuses: [{ name: 'app', ready: true, state: running, restartCount: 0 }] });
    expect(podColumns(p, NOW)).toEqual({ ready: '1/1', status: 'Running', restarts: '0' });
  });

  it('shows the waiting reason and the restart age', () => {
    const p = pod({
      phase: 'Running',
      containerStatuses: [
        { name: 'app', ready: false, restartCount: 4, state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: '2026-01-01T09:58:30Z' } } },
      ],
    });
    expect(podColumns(p, NOW)).toEqual({ ready: '0/1', status: 'CrashLoopBackOff', restarts: '4 (90s ago)' });
  });

  it('lets the first container win (walks last to first)', () => {
    const p = pod(
      { phase: 'Pending', containerStatuses: [{ name: 'a', state: { waiting: { reason: 'ErrImagePull' } } }, { name: 'b', state: { waiting: { reason: 'ContainerCreating' } } }] },
      { containers: [{ name: 'a' }, { name: 'b' }] },
    );
    expect(podStatus(p)).toBe('ErrImagePull');
  });

  it('prints ExitCode/Signal for terminated containers without a reason', () => {
    expect(podStatus(pod({ phase: 'Failed', containerStatuses: [{ name: 'app', state: { terminated: { exitCode: 3 } } }] }))).toBe('ExitCode:3');
    expect(podStatus(pod({ phase: 'Failed', containerStatuses: [{ name: 'app', state: { terminated: { exitCode: 137, signal: 9 } } }] }))).toBe('Signal:9');
  });

  it('reports init progress and init failures', () => {
    const spec = { initContainers: [{ name: 'i1' }, { name: 'i2' }] };
    const done = { name: 'i1', state: { terminated: { exitCode: 0, reason: 'Completed' } } };
    expect(podStatus(pod({ phase: 'Pending', initContainerStatuses: [done, { name: 'i2', state: { running: {} } }] }, spec))).toBe('Init:1/2');
    expect(podStatus(pod({ phase: 'Pending', initContainerStatuses: [{ name: 'i1', state: { waiting: { reason: 'PodInitializing' } } }] }, spec))).toBe('Init:0/2');
    expect(podStatus(pod({ phase: 'Pending', initContainerStatuses: [done, { name: 'i2', state: { waiting: { reason: 'CrashLoopBackOff' } } }] }, spec))).toBe('Init:CrashLoopBackOff');
    expect(podStatus(pod({ phase: 'Failed', initContainerStatuses: [{ name: 'i1', state: { terminated: { exitCode: 1, reason: 'Error' } } }] }, spec))).toBe('Init:Error');
    expect(podStatus(pod({ phase: 'Pending', initContainerStatuses: [{ name: 'i1', state: { terminated: { exitCode: 2 } } }] }, spec))).toBe('Init:ExitCode:2');
  });

  it('counts started sidecars as containers and skips them', () => {
    const spec = { initContainers: [{ name: 'side', restartPolicy: 'Always' }] };
    const p = pod(
      {
        phase: 'Running',
        conditions: [{ type: 'Initialized', status: 'True' }, { type: 'Ready', status: 'True' }],
        initContainerStatuses: [{ name: 'side', started: true, ready: true, state: running }],
        containerStatuses: [{ name: 'app', ready: true, state: running }],
      },
      spec,
    );
    expect(podColumns(p, NOW)).toEqual({ ready: '2/2', status: 'Running', restarts: '0' });
  });

  it('turns Completed back into Running/NotReady while another container runs', () => {
    const status = (ready: string) => ({
      phase: 'Running',
      conditions: [{ type: 'Ready', status: ready }],
      containerStatuses: [
        { name: 'a', ready: false, state: { terminated: { exitCode: 0, reason: 'Completed' } } },
        { name: 'b', ready: true, state: running },
      ],
    });
    const spec = { containers: [{ name: 'a' }, { name: 'b' }] };
    expect(podStatus(pod(status('True'), spec))).toBe('Running');
    expect(podStatus(pod(status('False'), spec))).toBe('NotReady');
  });

  it('shows Terminating for deleting pods, except terminal ones and NodeLost', () => {
    const del = { deletionTimestamp: '2026-01-01T10:00:30Z' };
    expect(podStatus(pod({ phase: 'Running', containerStatuses: [{ name: 'app', ready: true, state: running }] }, {}, del))).toBe('Terminating');
    expect(podStatus(pod({ phase: 'Succeeded', containerStatuses: [{ name: 'app', state: { terminated: { exitCode: 0, reason: 'Completed' } } }] }, {}, del))).toBe('Completed');
    expect(podStatus(pod({ phase: 'Running', reason: 'NodeLost' }, {}, del))).toBe('Unknown');
  });

  it('uses status.reason (Evicted) and SchedulingGated', () => {
    expect(podStatus(pod({ phase: 'Failed', reason: 'Evicted' }))).toBe('Evicted');
    expect(podStatus(pod({ phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }] }))).toBe('SchedulingGated');
    expect(podStatus(pod({ phase: 'Pending' }))).toBe('Pending');
  });
});
