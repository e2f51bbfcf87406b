import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import type { ContainerState, ContainerView, PodView } from '../pod-status';
import { podPhase } from './phase';

const running: ContainerState = { running: { startedAt: 't' } };
const done = (exitCode: number): ContainerState => ({ terminated: { exitCode, reason: exitCode ? 'Error' : 'Completed', startedAt: 't', finishedAt: 't' } });
const view = (name: string, state: ContainerState, started = 'running' in state): ContainerView => ({ name, image: 'i', imageID: '', state, ready: false, restartCount: 0, started });
const pod = (restartPolicy: string): Pod => ({ spec: { restartPolicy, initContainers: [{ name: 'side', restartPolicy: 'Always' }], containers: [{ name: 'main' }] } });
const pv = (side: ContainerView, main: ContainerView): PodView => ({ sandboxReady: true, hostIP: '', initContainers: [side], containers: [main], terminal: false });

describe('podPhase with a sidecar (kubelet getPhase, 1.32)', () => {
  it('is Pending until the sidecar has started', () => {
    expect(podPhase(pod('Never'), pv(view('side', running, false), view('main', { waiting: { reason: 'PodInitializing' } })))).toBe('Pending');
  });

  it('is Running while the sidecar runs after the main container finished', () => {
    expect(podPhase(pod('Never'), pv(view('side', running), view('main', done(0))))).toBe('Running');
  });

  it('is Succeeded once the sidecar is stopped, whatever its exit code (137 included)', () => {
    expect(podPhase(pod('Never'), pv(view('side', done(137)), view('main', done(0))))).toBe('Succeeded');
  });

  it('is Failed when the main container failed under restartPolicy Never', () => {
    expect(podPhase(pod('Never'), pv(view('side', done(0)), view('main', done(1))))).toBe('Failed');
  });
});
