import { describe, expect, it } from 'vitest';
import type { ContainerState } from '../pod-status';
import { toStart, type StartSlot } from './init-order';

interface Slot extends StartSlot {
  name: string;
  actions: Array<{ kind: string }>;
}
const waiting: ContainerState = { waiting: { reason: 'PodInitializing' } };
const running: ContainerState = { running: { startedAt: 't' } };
const completed: ContainerState = { terminated: { exitCode: 0, reason: 'Completed', startedAt: 't', finishedAt: 't' } };
const slot = (name: string, state: ContainerState = waiting, extra: Partial<Slot> = {}): Slot => ({
  name,
  sidecar: false,
  everStarted: !('waiting' in state),
  actions: [],
  view: { state, started: 'running' in state },
  ...extra,
});
/** Starts what toStart yields the way the worker does: queues a pull, runs a hook, or starts it. */
const started = (inits: Slot[], ctrs: Slot[], pull = false, hooked = new Set<string>()): string[] => {
  const out: string[] = [];
  for (const c of toStart(inits, ctrs)) {
    out.push(c.name);
    if (pull) c.actions.push({ kind: 'pulled' });
    else c.everStarted = true;
    if (hooked.has(c.name)) c.actions.push({ kind: 'postStarted' });
  }
  return out;
};

describe('toStart (computePodActions order)', () => {
  it('starts the first init container only, then the next once it succeeded', () => {
    expect(started([slot('a'), slot('b')], [slot('app')])).toEqual(['a']);
    expect(started([slot('a', completed), slot('b')], [slot('app')])).toEqual(['b']);
    expect(started([slot('a', completed), slot('b', running)], [slot('app')])).toEqual([]);
  });

  it('starts every regular container once the init containers are done', () => {
    expect(started([slot('a', completed)], [slot('x'), slot('y')])).toEqual(['x', 'y']);
  });

  it('goes past a sidecar once it has started, and waits for it before that', () => {
    const side = slot('side', running, { sidecar: true });
    expect(started([side, slot('b')], [slot('app')])).toEqual(['b']);
    const notYet = slot('side', running, { sidecar: true, view: { state: running, started: false } });
    expect(started([notYet, slot('b')], [slot('app')])).toEqual([]);
  });

  it('stops at an image pull: the pull blocks the rest of the sync', () => {
    expect(started([], [slot('x'), slot('y')], true)).toEqual(['x']);
  });

  it('holds everything back while a postStart hook runs, and while a failed one is killed', () => {
    expect(started([], [slot('x', waiting, { everStarted: true, actions: [{ kind: 'postStarted' }] }), slot('y')])).toEqual([]);
    expect(started([], [slot('x', waiting, { everStarted: true, live: true, hookFailure: 'boom', actions: [{ kind: 'exit' }] }), slot('y')])).toEqual([]);
    // A hook that starts during this sync holds the containers after it.
    expect(started([], [slot('x'), slot('y')], false, new Set(['x']))).toEqual(['x']);
  });
});
