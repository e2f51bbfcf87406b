import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { buildPodStatus, type ContainerState, type ContainerView, type PodView } from './pod-status';

const running: ContainerState = { running: { startedAt: 't' } };
const done: ContainerState = { terminated: { exitCode: 0, reason: 'Completed', startedAt: 't', finishedAt: 't' } };
const view = (name: string, state: ContainerState, ready = false): ContainerView => ({ name, image: 'i', imageID: '', state, ready, restartCount: 0, started: 'running' in state });
const pod: Pod = { spec: { restartPolicy: 'Never', initContainers: [{ name: 'init' }, { name: 'side', restartPolicy: 'Always' }], containers: [{ name: 'main' }] } };
type Cond = { type: string; status: string; reason?: string; message?: string };
const conditions = (v: PodView) => Object.fromEntries((buildPodStatus(pod, v, 'now').conditions as Cond[]).map((c) => [c.type, c]));
const pv = (inits: ContainerView[], ctrs: ContainerView[]): PodView => ({ sandboxReady: true, hostIP: '', initContainers: inits, containers: ctrs, terminal: false });

describe('buildPodStatus conditions (status/generate.go)', () => {
  it('lists the incomplete init containers, sidecars included until started', () => {
    const c = conditions(pv([view('init', running), view('side', { waiting: { reason: 'PodInitializing' } })], [view('main', { waiting: { reason: 'PodInitializing' } })]));
    expect(c.Initialized).toMatchObject({ status: 'False', reason: 'ContainersNotInitialized', message: 'containers with incomplete status: [init side]' });
  });

  it('counts an unready sidecar for readiness, ahead of the regular containers', () => {
    const c = conditions(pv([view('init', done), view('side', running, false)], [view('main', running, false)]));
    expect(c.ContainersReady).toMatchObject({ status: 'False', message: 'containers with unready status: [side main]' });
    expect(c.Ready.message).toBe('containers with unready status: [side main]');
    expect(conditions(pv([view('init', done), view('side', running, true)], [view('main', running, true)])).Ready.status).toBe('True');
  });

  it('marks a Succeeded pod initialized with reason PodCompleted', () => {
    const c = conditions(pv([view('init', done), view('side', done)], [view('main', done)]));
    expect(c.Initialized).toMatchObject({ status: 'True', reason: 'PodCompleted' });
    expect(c.Ready).toMatchObject({ status: 'False', reason: 'PodCompleted' });
  });
});
