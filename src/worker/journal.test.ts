import { describe, expect, it } from 'vitest';
import { kubectl } from '../kubectl';
import { createCluster } from '../sim/cluster';
import { FakeWall } from './fake-wall';
import type { JournalEntry } from './journal';
import type { Command, UiToWorker, WorkerToUi } from './protocol';
import { Session } from './session';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
        - name: nginx
          image: nginx:1.27
`;

/** A session with real kubectl, and what the UI would keep of it: the journal and the clock. */
function live(startWall = 0) {
  const wall = new FakeWall();
  wall.t = startWall;
  const messages: WorkerToUi[] = [];
  const session = new Session({
    createCluster: () => createCluster({ seed: 42 }),
    kubectl,
    lessons: [],
    post: (m) => messages.push(m),
    wall,
  });
  let id = 1;
  const send = (command: Command) => session.handle({ type: 'command', id: id++, command } satisfies UiToWorker);
  const journal = (): JournalEntry[] => {
    const entries: JournalEntry[] = [];
    for (const m of messages) {
      if (m.type === 'hello') entries.splice(0, entries.length, ...m.journal);
      if (m.type === 'patch' && m.journal) entries.push(...m.journal);
    }
    return entries;
  };
  const hello = () => {
    session.handle({ type: 'connect' });
    const m = messages.filter((x) => x.type === 'hello').pop();
    if (m?.type !== 'hello') throw new Error('no hello');
    return m;
  };
  const result = (n: number) => messages.find((m) => m.type === 'result' && m.id === n);
  return { wall, session, send, journal, hello, result, messages, lastId: () => id - 1 };
}

describe('journal replay', () => {
  it('rebuilds the same objects, uids, resourceVersions and virtual time, with a pause and steps in the middle', () => {
    const a = live();
    a.send({ kind: 'speed', speed: 10 });
    a.send({ kind: 'apply', files: { 'deployment.yaml': DEPLOYMENT }, file: 'deployment.yaml' });
    a.wall.run(3_000);
    a.send({ kind: 'kubectl', line: 'kubectl wait --for=delete deployment/web --timeout=300s' });
    const waiting = a.lastId();
    a.wall.run(1_234);
    a.session.handle({ type: 'interrupt', id: waiting });
    a.send({ kind: 'clock', action: 'pause' });
    a.send({ kind: 'kubectl', line: 'kubectl scale deployment web --replicas=5' });
    a.wall.run(5_000);
    a.send({ kind: 'clock', action: 'step' });
    a.send({ kind: 'clock', action: 'step' });
    a.send({ kind: 'clock', action: 'step-second' });
    a.send({ kind: 'clock', action: 'play' });
    a.wall.run(2_517);
    a.send({ kind: 'workspace', files: { 'deployment.yaml': DEPLOYMENT.replace('1.27', '1.26') } });
    a.send({ kind: 'kubectl', line: 'kubectl apply -f deployment.yaml' });
    a.send({ kind: 'kubectl', line: 'kubectl delete pod nope' });
    a.wall.run(7_001);
    a.send({ kind: 'kubectl', line: 'kubectl rollout status deployment/web' });
    a.wall.run(333);
    const before = a.hello();
    const entries = a.journal();
    expect(entries.map((e) => e.command.kind)).toEqual(['apply', 'kubectl', 'interrupt', 'clock', 'kubectl', 'clock', 'clock', 'clock', 'clock', 'workspace', 'kubectl', 'kubectl', 'kubectl']);

    const b = live(50_000);
    b.send({ kind: 'kubectl', line: 'kubectl create deployment other --image=nginx' });
    b.send({ kind: 'restore', cluster: { entries, simTime: before.simTime, paused: false, speed: 10 }, lessonId: null, progress: [] });
    const after = b.hello();
    expect(after.simTime).toBe(before.simTime);
    expect(after.rv).toBe(before.rv);
    expect(after.snapshot).toEqual(before.snapshot);
    expect(after.clock).toMatchObject({ paused: false, speed: 10 });
    // The restored journal is the saved one (plus a Ctrl+C if the last rollout status was still waiting).
    expect(b.journal().slice(0, entries.length)).toEqual(entries);
    expect(b.journal().slice(entries.length).every((e) => e.command.kind === 'interrupt')).toBe(true);

    // And both go on alike.
    a.wall.run(20_000);
    b.wall.run(20_000);
    expect(b.hello().snapshot).toEqual(a.hello().snapshot);
  });

  it('replays shell lines: variables, loops, scratch files, sleeps and typed input come out the same', () => {
    const a = live();
    a.send({ kind: 'kubectl', line: 'export APP=web; alias kc=kubectl' });
    a.send({ kind: 'kubectl', line: 'for i in 1 2; do kc create deployment $APP$i --image=nginx; done' });
    a.send({ kind: 'kubectl', line: 'sleep 5; kubectl get deploy web1 -o yaml > web1.yaml' });
    a.wall.run(6_000);
    a.send({ kind: 'kubectl', line: 'read n; kubectl scale deployment web2 --replicas=$n' });
    const reading = a.lastId();
    a.wall.run(1_000);
    a.session.handle({ type: 'input', id: reading, text: '3\n' });
    a.send({ kind: 'kubectl', line: 'kubectl delete -f web1.yaml' });
    a.wall.run(2_000);
    const before = a.hello();
    const entries = a.journal();
    expect(entries.map((e) => e.command.kind)).toEqual(['kubectl', 'kubectl', 'kubectl', 'kubectl', 'input', 'kubectl']);

    const b = live(9_000);
    b.send({ kind: 'restore', cluster: { entries, simTime: before.simTime, paused: false, speed: 1 }, lessonId: null, progress: [] });
    const after = b.hello();
    expect(after.rv).toBe(before.rv);
    expect(after.snapshot).toEqual(before.snapshot);
    expect(after.snapshot.deployments?.filter((d) => d.metadata.namespace === 'default').map((d) => `${d.metadata.name}:${(d.spec as { replicas: number }).replicas}`)).toEqual(['web2:3']);
  });

  it('replays a journal that began paused (a reset while paused), and stays paused', () => {
    const a = live();
    a.send({ kind: 'clock', action: 'pause' });
    a.send({ kind: 'reset' });
    a.send({ kind: 'apply', files: { 'd.yaml': DEPLOYMENT }, file: 'd.yaml' });
    a.send({ kind: 'clock', action: 'step' });
    a.wall.run(10_000);
    const before = a.hello();
    const entries = a.journal();
    expect(entries[0].command).toEqual({ kind: 'clock', action: 'pause' });
    const b = live(999);
    b.send({ kind: 'restore', cluster: { entries, simTime: before.simTime, paused: true, speed: 1 }, lessonId: null, progress: [] });
    const after = b.hello();
    expect(after.clock.paused).toBe(true);
    expect(after.rv).toBe(before.rv);
    expect(after.snapshot).toEqual(before.snapshot);
    b.wall.run(10_000);
    expect(b.hello().simTime).toBe(before.simTime);
  });

  it('answers a journal that cannot replay with an error and a fresh cluster', () => {
    const b = live();
    b.send({ kind: 'kubectl', line: 'kubectl create deployment x --image=nginx' });
    const bad = [{ at: 0, command: { kind: 'teleport' } }] as unknown as JournalEntry[];
    b.send({ kind: 'restore', cluster: { entries: bad, simTime: 0, paused: false, speed: 1 }, lessonId: null, progress: [] });
    const r = b.result(b.lastId());
    expect(r?.type === 'result' && !r.ok && r.error).toMatch(/could not be replayed/);
    expect((b.hello().snapshot.deployments ?? []).filter((d) => d.metadata.namespace === 'default')).toEqual([]);
  });
});
