import { describe, it, expect } from 'vitest';
import { complete } from '../kubectl/complete';
import { tryGet } from '../kubectl/client';
import type { KubectlEntry } from '../kubectl/types';
import type { Lesson } from '../lessons/types';
import { createCluster, type Cluster } from '../sim/cluster';
import { FakeWall } from './fake-wall';
import type { CommandResult, UiToWorker, WorkerToUi } from './protocol';
import { BIG_BATCH, BIG_BATCH_FLUSH_MS, INTERRUPTED_EXIT, PAUSED_WAIT_NOTICE, Session, type SessionDeps } from './session';

/** The cluster the session made last: the fake's `sleep` has it write later, as a controller would. */
let current: Cluster;

/** A tiny stand-in for kubectl: `configmap NAME`, `sleep MS`, `cat FILE`, `apply -f FILE`. */
const fakeKubectl: KubectlEntry = function* (client, argv, io) {
  const [verb, arg] = argv;
  if (verb === 'configmap') {
    client.create('configmaps', 'default', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: arg } });
    io.out(`configmap/${arg} created\n`);
    return 0;
  }
  if (verb === 'pod') {
    // Like kubectl's writes: the cluster settles at once, unless the paused clock holds it.
    client.create('pods', 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name: arg }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
    io.out(`pod/${arg} created\n`);
    return 0;
  }
  if (verb === 'sleep') {
    // Like a controller finishing later: something written after `arg` ms of virtual time.
    const name = `timer-${client.now()}`;
    current.clock.after(Number(arg), () => current.api.create('configmaps', 'default', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name } }));
    const held = yield { until: () => tryGet(client, 'configmaps', 'default', name) !== undefined, timeoutMs: 60_000 };
    io.out(held ? 'woke\n' : 'timed out\n');
    return 0;
  }
  if (verb === 'ask') {
    // Like `kubectl exec -it`: reads what the learner types until a whole line is there.
    let typed = '';
    let ended = false;
    const line = () => {
      const t = io.terminal?.read();
      if (t === undefined) ended = true;
      else typed += t;
      return ended || typed.includes('\n');
    };
    if (!line()) yield { until: line, timeoutMs: Infinity };
    io.out(ended && !typed ? 'no answer\n' : `answer: ${typed}`);
    return 0;
  }
  if (verb === 'cat' || verb === 'apply') {
    const text = io.workspace.read(argv[argv.length - 1]);
    if (text === undefined) {
      io.err('error: no such file\n');
      return 1;
    }
    io.out(text);
    return 0;
  }
  io.err(`error: unknown command "${verb}" for "kubectl"\n`);
  return 1;
};

const lesson: Lesson = {
  id: 'demo',
  title: 'Demo',
  summary: 'A demo lesson',
  files: {},
  steps: [{ id: 'cm', title: 'A ConfigMap', text: 'Create it', files: [], hints: [], checks: [{ id: 'cm-0', type: 'exists', kind: 'ConfigMap', name: 'x', description: 'ConfigMap x exists' }] }],
};

function setup(extra: Partial<SessionDeps> = {}) {
  const wall = new FakeWall();
  const messages: WorkerToUi[] = [];
  const session = new Session({
    createCluster: () => (current = createCluster({ seed: 1, uptimeMs: 1000 })),
    kubectl: fakeKubectl,
    ...extra,
    lessons: [lesson],
    post: (m) => messages.push(m),
    wall,
  });
  let nextId = 1;
  const send = (m: UiToWorker) => session.handle(m);
  const run = (line: string) => {
    const id = nextId++;
    send({ type: 'command', id, command: { kind: 'kubectl', line } });
    return id;
  };
  const resultOf = (id: number): CommandResult | undefined => {
    const m = messages.find((x) => x.type === 'result' && x.id === id);
    return m && m.type === 'result' && m.ok ? m.result : undefined;
  };
  const outputOf = (id: number) => messages.filter((m) => m.type === 'output' && m.id === id).map((m) => (m.type === 'output' ? m.text : '')).join('');
  return { wall, messages, session, send, run, resultOf, outputOf, nextId: () => nextId++ };
}

describe('Session', () => {
  it('answers connect with a snapshot of the cluster, without Events', () => {
    const { send, messages } = setup();
    send({ type: 'connect' });
    const hello = messages.find((m) => m.type === 'hello');
    expect(hello?.type).toBe('hello');
    if (hello?.type !== 'hello') return;
    expect(hello.snapshot.namespaces?.map((n) => n.metadata.name)).toContain('default');
    expect(hello.snapshot.services?.map((n) => n.metadata.name)).toEqual(['kubernetes', 'kube-dns']);
    expect(hello.snapshot.events).toBeUndefined();
    expect(hello.nodeNames).toEqual(['kind-control-plane', 'kind-worker', 'kind-worker2', 'kind-worker3']);
    expect(hello.lessons[0].id).toBe('demo');
  });

  it('runs a kubectl line, streams its output, then a result, then a patch with the new object', () => {
    const { run, wall, messages, resultOf, outputOf } = setup();
    const id = run('kubectl configmap x');
    expect(outputOf(id)).toBe('configmap/x created\n');
    expect(resultOf(id)).toEqual({ kind: 'kubectl', exitCode: 0 });
    wall.run(20);
    const patch = messages.find((m) => m.type === 'patch' && m.events.some((e) => e.object.metadata.name === 'x'));
    expect(patch).toBeDefined();
  });

  it('says command not found for a program the host lacks', () => {
    const { run, resultOf, outputOf } = setup();
    const id = run('kubeclt get pods');
    expect(outputOf(id)).toBe('bash: kubeclt: command not found\n');
    expect(resultOf(id)).toEqual({ kind: 'kubectl', exitCode: 127 });
  });

  it('parks a waiting program and resumes it as virtual time passes with the wall clock', () => {
    const { run, wall, resultOf, outputOf } = setup();
    const id = run('kubectl sleep 5000');
    expect(resultOf(id)).toBeUndefined();
    wall.run(4000);
    expect(resultOf(id)).toBeUndefined();
    wall.run(1100);
    expect(outputOf(id)).toBe('woke\n');
    expect(resultOf(id)).toEqual({ kind: 'kubectl', exitCode: 0 });
  });

  it('ends a wait that never holds at its timeout', () => {
    const { run, wall, resultOf, outputOf } = setup();
    const id = run('kubectl sleep 90000');
    wall.run(59_000);
    expect(resultOf(id)).toBeUndefined();
    wall.run(1100);
    expect(outputOf(id)).toBe('timed out\n');
  });

  it('interrupts a waiting program with exit code 130', () => {
    const { run, send, wall, resultOf, outputOf } = setup();
    const id = run('kubectl sleep 5000');
    send({ type: 'interrupt', id });
    expect(resultOf(id)).toEqual({ kind: 'kubectl', exitCode: INTERRUPTED_EXIT });
    wall.run(10_000);
    expect(outputOf(id)).toBe('');
  });

  it('runs waits faster at a higher speed and not at all while paused', () => {
    const { run, send, wall, resultOf, nextId } = setup();
    send({ type: 'command', id: nextId(), command: { kind: 'speed', speed: 10 } });
    send({ type: 'command', id: nextId(), command: { kind: 'clock', action: 'pause' } });
    const id = run('kubectl sleep 5000');
    wall.run(60_000);
    expect(resultOf(id)).toBeUndefined();
    send({ type: 'command', id: nextId(), command: { kind: 'clock', action: 'play' } });
    wall.run(510);
    expect(resultOf(id)).toEqual({ kind: 'kubectl', exitCode: 0 });
  });

  it('keeps editor files as the workspace that kubectl reads, and applies one of them', () => {
    const { send, run, outputOf, resultOf } = setup();
    send({ type: 'command', id: 100, command: { kind: 'apply', files: { 'web.yaml': 'kind: X\n' }, file: 'web.yaml' } });
    expect(resultOf(100)).toEqual({ kind: 'apply', exitCode: 0, output: 'kind: X\n', markers: [] });
    const id = run('kubectl cat ./web.yaml');
    expect(outputOf(id)).toBe('kind: X\n');
  });

  it('evaluates lesson checks after each batch and reports when they change', () => {
    const { send, run, wall, messages, resultOf } = setup();
    send({ type: 'command', id: 200, command: { kind: 'lesson', action: 'load', lessonId: 'demo' } });
    const loaded = resultOf(200);
    expect(loaded?.kind === 'lesson' && loaded.progress?.checks[0].passed).toBe(false);
    run('kubectl configmap x');
    wall.run(20);
    const patch = messages.filter((m) => m.type === 'patch' && m.progress).pop();
    expect(patch?.type === 'patch' && patch.progress?.checks[0].passed).toBe(true);
    expect(patch?.type === 'patch' && patch.progress?.completed).toEqual([true]);
  });

  it('resets to a fresh cluster and says hello again', () => {
    const { send, run, messages } = setup();
    run('kubectl configmap x');
    send({ type: 'command', id: 300, command: { kind: 'reset' } });
    const hellos = messages.filter((m) => m.type === 'hello');
    expect(hellos).toHaveLength(1);
    const hello = hellos[0];
    expect(hello.type === 'hello' && hello.snapshot.configmaps?.some((c) => c.metadata.name === 'x')).toBeFalsy();
  });

  it('keeps lesson progress across a reset; a lesson restart clears it', () => {
    const { send, run, wall, messages, resultOf } = setup();
    send({ type: 'command', id: 310, command: { kind: 'lesson', action: 'load', lessonId: 'demo' } });
    run('kubectl configmap x');
    wall.run(20);
    send({ type: 'command', id: 311, command: { kind: 'reset' } });
    const hello = messages.filter((m) => m.type === 'hello').pop();
    expect(hello?.type === 'hello' && hello.progress).toMatchObject({ lessonId: 'demo', completed: [true] });
    expect(hello?.type === 'hello' && hello.progress?.checks[0].passed).toBe(false);
    send({ type: 'command', id: 312, command: { kind: 'lesson', action: 'restart' } });
    const restarted = resultOf(312);
    expect(restarted?.kind === 'lesson' && restarted.progress).toMatchObject({ lessonId: 'demo', stepIndex: 0, completed: [false] });
  });

  it('steps virtual time while paused', () => {
    const { send, messages } = setup();
    send({ type: 'command', id: 1, command: { kind: 'clock', action: 'pause' } });
    const before = messages.find((m) => m.type === 'result' && m.id === 1);
    send({ type: 'command', id: 2, command: { kind: 'clock', action: 'step' } });
    const after = messages.find((m) => m.type === 'result' && m.id === 2);
    const t = (m: typeof before) => (m?.type === 'result' && m.ok && m.result.kind === 'clock' ? m.result.clock.simTime : NaN);
    expect(t(after)).toBeGreaterThan(t(before));
  });

  it('holds the cluster while paused: a write sets nothing off until Step, which says what it did', () => {
    const { send, run, session, resultOf, nextId } = setup();
    const pause = nextId();
    send({ type: 'command', id: pause, command: { kind: 'clock', action: 'pause' } });
    run('kubectl pod web');
    const cluster = (session as unknown as { cluster: import('../sim/cluster').Cluster }).cluster;
    const nodeName = () => (cluster.api.tryGet('pods', 'default', 'web')?.spec as { nodeName?: string }).nodeName;
    expect(nodeName()).toBeUndefined();
    const step = nextId();
    send({ type: 'command', id: step, command: { kind: 'clock', action: 'step' } });
    const r = resultOf(step);
    expect(r?.kind === 'clock' && r.stepped).toEqual([`default-scheduler bound Pod web to ${nodeName()}`]);
    expect(r?.kind === 'clock' && r.clock.paused).toBe(true);
    const later: string[][] = [];
    for (let i = 0; i < 3; i++) {
      const next = nextId();
      send({ type: 'command', id: next, command: { kind: 'clock', action: 'step' } });
      const r2 = resultOf(next);
      later.push(r2?.kind === 'clock' ? (r2.stepped ?? []) : []);
    }
    expect(later).toContainEqual([expect.stringMatching(/^kubelet \(kind-worker\d?\) updated Pod web \(ContainerCreating\)$/)]);
  });

  it('pauses when stepped while playing, and holds from then on', () => {
    const { send, run, session, resultOf, nextId } = setup();
    const id = nextId();
    send({ type: 'command', id, command: { kind: 'clock', action: 'step' } });
    const r = resultOf(id);
    expect(r?.kind === 'clock' && r.clock.paused).toBe(true);
    run('kubectl pod web');
    const cluster = (session as unknown as { cluster: import('../sim/cluster').Cluster }).cluster;
    expect((cluster.api.tryGet('pods', 'default', 'web')?.spec as { nodeName?: string }).nodeName).toBeUndefined();
  });

  it('runs on to the next whole virtual second with step-second', () => {
    const { send, run, resultOf, nextId } = setup();
    send({ type: 'command', id: nextId(), command: { kind: 'clock', action: 'pause' } });
    run('kubectl pod web');
    const id = nextId();
    send({ type: 'command', id, command: { kind: 'clock', action: 'step-second' } });
    const r = resultOf(id);
    expect(r?.kind === 'clock' && r.clock.simTime % 1000).toBe(0);
    expect(r?.kind === 'clock' && r.stepped?.[0]).toMatch(/^default-scheduler bound Pod web to /);
  });

  it('stays held after a reset while paused, and settles again once playing', () => {
    const { send, run, session, nextId } = setup();
    send({ type: 'command', id: nextId(), command: { kind: 'clock', action: 'pause' } });
    send({ type: 'command', id: nextId(), command: { kind: 'reset' } });
    const cluster = () => (session as unknown as { cluster: import('../sim/cluster').Cluster }).cluster;
    expect(cluster().held).toBe(true);
    send({ type: 'command', id: nextId(), command: { kind: 'clock', action: 'play' } });
    expect(cluster().held).toBe(false);
    run('kubectl pod web');
    expect((cluster().api.tryGet('pods', 'default', 'web')?.spec as { nodeName?: string }).nodeName).toMatch(/^kind-worker/);
  });

  it('says once that a waiting command waits on the paused clock, and lets it finish after Play', () => {
    const { send, run, wall, resultOf, outputOf, nextId } = setup();
    send({ type: 'command', id: nextId(), command: { kind: 'clock', action: 'pause' } });
    // A second of virtual time is not enough for it: it keeps waiting, and says so only once.
    const id = run('kubectl sleep 59000');
    expect(outputOf(id)).toBe(PAUSED_WAIT_NOTICE);
    wall.run(100_000);
    send({ type: 'command', id: nextId(), command: { kind: 'clock', action: 'step-second' } });
    expect(outputOf(id)).toBe(PAUSED_WAIT_NOTICE);
    send({ type: 'command', id: nextId(), command: { kind: 'clock', action: 'play' } });
    wall.run(59_000);
    expect(outputOf(id)).toBe(`${PAUSED_WAIT_NOTICE}woke\n`);
    expect(resultOf(id)).toEqual({ kind: 'kubectl', exitCode: 0 });
  });

  it('tells a command already waiting when the clock is paused', () => {
    const { send, run, outputOf, nextId } = setup();
    const id = run('kubectl sleep 5000');
    expect(outputOf(id)).toBe('');
    send({ type: 'command', id: nextId(), command: { kind: 'clock', action: 'pause' } });
    expect(outputOf(id)).toBe(PAUSED_WAIT_NOTICE);
  });

  it('completes through kubectl\'s completion: resource types, object names, workspace files', () => {
    const { send, run, resultOf } = setup({ complete });
    const candidates = (id: number, line: string) => {
      send({ type: 'command', id, command: { kind: 'complete', line } });
      const r = resultOf(id);
      return r?.kind === 'complete' ? r.candidates : undefined;
    };
    expect(candidates(400, 'kubectl get depl')).toEqual(['deployments']);
    run('kubectl configmap settings');
    expect(candidates(401, 'kubectl get configmap sett')).toEqual(['settings']);
    send({ type: 'command', id: 402, command: { kind: 'workspace', files: { 'web.yaml': 'x', 'lesson/db.yaml': 'y' } } });
    expect(candidates(403, 'kubectl apply -f we')).toEqual(['web.yaml']);
  });

  it('completes nothing without a completion function', () => {
    const { send, resultOf } = setup();
    send({ type: 'command', id: 410, command: { kind: 'complete', line: 'kubectl get depl' } });
    expect(resultOf(410)).toEqual({ kind: 'complete', candidates: [] });
  });

  it('waits longer before the next patch after a big batch, then goes back to every frame', () => {
    const { run, wall, messages } = setup();
    const patches = () => messages.filter((m): m is Extract<WorkerToUi, { type: 'patch' }> => m.type === 'patch' && m.events.length > 0);
    for (let i = 0; i < BIG_BATCH; i++) run(`kubectl configmap bulk-${i}`);
    wall.run(20);
    expect(patches().at(-1)!.events.length).toBeGreaterThanOrEqual(BIG_BATCH);
    const after = patches().length;
    run('kubectl configmap one-more');
    wall.run(20);
    expect(patches()).toHaveLength(after);
    wall.run(BIG_BATCH_FLUSH_MS);
    expect(patches()).toHaveLength(after + 1);
    run('kubectl configmap and-another');
    wall.run(20);
    expect(patches()).toHaveLength(after + 2);
  });

  describe('the host shell', () => {
    it('runs loops and pipes through kubectl', () => {
      const { run, resultOf, outputOf } = setup();
      const id = run('for i in a b; do k configmap $i; done | sort -r');
      expect(outputOf(id)).toBe('configmap/b created\nconfigmap/a created\n');
      expect(resultOf(id)).toEqual({ kind: 'kubectl', exitCode: 0 });
    });

    it('keeps variables and aliases from line to line', () => {
      const { run, outputOf } = setup();
      run('export NAME=kept; alias cm="kubectl configmap"');
      expect(outputOf(run('cm $NAME'))).toBe('configmap/kept created\n');
    });

    it('refuses a line with a syntax error and runs none of it', () => {
      const { run, resultOf, outputOf } = setup();
      const id = run('kubectl configmap x; fi');
      expect(outputOf(id)).toBe("bash: syntax error near unexpected token `fi'\n");
      expect(resultOf(id)).toEqual({ kind: 'kubectl', exitCode: 2 });
      expect(outputOf(run('kubectl configmap x'))).toBe('configmap/x created\n');
    });

    it('sleeps in virtual time', () => {
      const { run, wall, resultOf, outputOf } = setup();
      const id = run('sleep 2; kubectl configmap late');
      wall.run(1500);
      expect(resultOf(id)).toBeUndefined();
      wall.run(1000);
      expect(outputOf(id)).toBe('configmap/late created\n');
    });

    it('stops a loop that never waits instead of hanging', () => {
      const { run, resultOf, outputOf } = setup();
      const id = run('while true; do echo x; done');
      expect(resultOf(id)).toEqual({ kind: 'kubectl', exitCode: 130 });
      expect(outputOf(id)).toContain('Stopped: this line ran 10,000 commands');
    });

    it('interrupts a loop that waits (Ctrl+C)', () => {
      const { run, send, wall, resultOf } = setup();
      const id = run('while true; do sleep 1; done');
      wall.run(5000);
      expect(resultOf(id)).toBeUndefined();
      send({ type: 'interrupt', id });
      expect(resultOf(id)).toEqual({ kind: 'kubectl', exitCode: 130 });
    });

    it('feeds typed lines to a command that reads the terminal, and journals them', () => {
      const { run, send, messages, resultOf, outputOf } = setup();
      const id = run('kubectl ask');
      expect(messages).toContainEqual({ type: 'reading', id });
      expect(resultOf(id)).toBeUndefined();
      send({ type: 'input', id, text: 'yes\n' });
      expect(outputOf(id)).toBe('answer: yes\n');
      expect(resultOf(id)).toEqual({ kind: 'kubectl', exitCode: 0 });
      const second = run('kubectl ask');
      send({ type: 'input', id: second, text: null });
      expect(outputOf(second)).toBe('no answer\n');
      send({ type: 'connect' });
      const hello = messages.find((m) => m.type === 'hello');
      expect(hello?.type === 'hello' && hello.journal.map((e) => e.command.kind)).toEqual(['kubectl', 'input', 'kubectl', 'input']);
    });
  });
});

describe('Session traffic', () => {
  const trafficOf = (messages: WorkerToUi[]) => messages.flatMap((m) => (m.type === 'traffic' ? [m] : []));

  it('relays requests only once a UI connected, batched per frame', () => {
    const { send, run, wall, messages } = setup();
    run('curl -s 172.18.0.2:8080');
    wall.run(20);
    expect(trafficOf(messages)).toEqual([]);
    send({ type: 'connect' });
    run('curl -s 172.18.0.2:8080');
    run('curl -s 172.18.0.3:8080');
    expect(trafficOf(messages)).toEqual([]);
    wall.run(20);
    const [batch, ...rest] = trafficOf(messages);
    expect(rest).toEqual([]);
    expect(batch.skipped).toBe(0);
    expect(batch.events.map((e) => [e.from, e.error])).toEqual([
      ['host', 'ECONNREFUSED'],
      ['host', 'ECONNREFUSED'],
    ]);
  });

  it('sends the latest requests of a burst and counts the rest', () => {
    const { send, run, wall, messages } = setup();
    send({ type: 'connect' });
    run('for i in $(seq 1 40); do curl -s 172.18.0.2:8080; done');
    wall.run(20);
    const batches = trafficOf(messages);
    expect(batches.length).toBe(1);
    expect(batches[0].events.length + batches[0].skipped).toBe(40);
    expect(batches[0].skipped).toBeGreaterThan(0);
  });

  it('listens to the new cluster after a reset, and drops what the old one sent', () => {
    const { send, run, wall, messages, nextId } = setup();
    send({ type: 'connect' });
    run('curl -s 172.18.0.2:8080');
    send({ type: 'command', id: nextId(), command: { kind: 'reset' } });
    wall.run(20);
    expect(trafficOf(messages)).toEqual([]);
    run('curl -s 172.18.0.2:8080');
    wall.run(20);
    expect(trafficOf(messages).length).toBe(1);
  });
});
