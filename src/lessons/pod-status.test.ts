import { describe, expect, it } from 'vitest';
import type { KObject } from '../sim/core/object';
import { podStatusColumn } from './pod-status';

function pod(status: object, extra: { spec?: object; deleting?: boolean } = {}): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', ...(extra.deleting ? { deletionTimestamp: '2025-01-01T00:00:00Z' } : {}) },
    spec: { containers: [{ name: 'a' }], ...extra.spec },
    status,
  };
}

const running = { name: 'a', ready: true, state: { running: {} } };

describe('podStatusColumn', () => {
  it('shows the phase for a plain pod', () => {
    expect(podStatusColumn(pod({ phase: 'Pending' }))).toBe('Pending');
    expect(podStatusColumn(pod({ phase: 'Running', containerStatuses: [running] }))).toBe('Running');
  });

  it('prefers status.reason and container waiting reasons', () => {
    expect(podStatusColumn(pod({ phase: 'Failed', reason: 'Evicted' }))).toBe('Evicted');
    expect(podStatusColumn(pod({ phase: 'Pending', containerStatuses: [{ name: 'a', state: { waiting: { reason: 'ContainerCreating' } } }] }))).toBe('ContainerCreating');
    expect(podStatusColumn(pod({ phase: 'Running', containerStatuses: [{ name: 'a', state: { waiting: { reason: 'CrashLoopBackOff' } } }] }))).toBe('CrashLoopBackOff');
  });

  it('lets the first container win', () => {
    const statuses = [
      { name: 'a', state: { waiting: { reason: 'ImagePullBackOff' } } },
      { name: 'b', state: { terminated: { exitCode: 1, reason: 'Error' } } },
    ];
    expect(podStatusColumn(pod({ phase: 'Running', containerStatuses: statuses }))).toBe('ImagePullBackOff');
  });

  it('prints exit codes and signals without a reason', () => {
    expect(podStatusColumn(pod({ phase: 'Running', containerStatuses: [{ name: 'a', state: { terminated: { exitCode: 3 } } }] }))).toBe('ExitCode:3');
    expect(podStatusColumn(pod({ phase: 'Running', containerStatuses: [{ name: 'a', state: { terminated: { exitCode: 137, signal: 9 } } }] }))).toBe('Signal:9');
  });

  it('turns Completed back into Running or NotReady while a container runs', () => {
    const statuses = [running, { name: 'b', state: { terminated: { exitCode: 0, reason: 'Completed' } } }];
    expect(podStatusColumn(pod({ phase: 'Running', containerStatuses: statuses, conditions: [{ type: 'Ready', status: 'True' }] }))).toBe('Running');
    expect(podStatusColumn(pod({ phase: 'Running', containerStatuses: statuses, conditions: [{ type: 'Ready', status: 'False' }] }))).toBe('NotReady');
  });

  it('shows init progress and init failures', () => {
    const spec = { initContainers: [{ name: 'i1' }, { name: 'i2' }] };
    const done = { name: 'i1', state: { terminated: { exitCode: 0, reason: 'Completed' } } };
    expect(podStatusColumn(pod({ phase: 'Pending', initContainerStatuses: [done, { name: 'i2', state: { running: {} } }] }, { spec }))).toBe('Init:1/2');
    expect(podStatusColumn(pod({ phase: 'Pending', initContainerStatuses: [{ name: 'i1', state: { waiting: { reason: 'CrashLoopBackOff' } } }] }, { spec }))).toBe('Init:CrashLoopBackOff');
    expect(podStatusColumn(pod({ phase: 'Pending', initContainerStatuses: [{ name: 'i1', state: { terminated: { exitCode: 2 } } }] }, { spec }))).toBe('Init:ExitCode:2');
  });

  it('skips started sidecars', () => {
    const spec = { initContainers: [{ name: 's', restartPolicy: 'Always' }] };
    const status = { phase: 'Running', initContainerStatuses: [{ name: 's', started: true, state: { running: {} } }], containerStatuses: [running] };
    expect(podStatusColumn(pod(status, { spec }))).toBe('Running');
  });

  it('shows Terminating for a deleting pod unless it has finished', () => {
    expect(podStatusColumn(pod({ phase: 'Running', containerStatuses: [running] }, { deleting: true }))).toBe('Terminating');
    expect(podStatusColumn(pod({ phase: 'Succeeded' }, { deleting: true }))).toBe('Succeeded');
    expect(podStatusColumn(pod({ phase: 'Running', reason: 'NodeLost' }, { deleting: true }))).toBe('Unknown');
  });
});
