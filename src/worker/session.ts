/**
 * The simulation host behind the protocol: one cluster, the learner's workspace, the terminal's
 * running lines (./running-lines.ts), the lesson being followed. It routes commands, keeps the
 * journal and the batches, and answers the UI. It only hosts — the simulation, kubectl and the
 * lesson checks are pure modules handed in as `SessionDeps`, so the session runs (and is tested)
 * in Node.
 */
import { kindNodes } from '../sim/fs/node-exec';
import type { KubectlEntry, KubectlProgram, Workspace } from '../kubectl/types';
import { DEFAULT_KUBECONFIG, type KubeConfig } from '../kubectl/types';
import type { KubeClient } from '../kubectl/client';
import { cachedReads, type CheckSource } from '../lessons';
import type { Lesson } from '../lessons/types';
import { createClient } from '../sim/client';
import type { Cluster } from '../sim/cluster';
import { stepAction, stepSecond } from '../sim/step';
import { DeltaBatcher, UNMIRRORED } from './batcher';
import { Journal, type JournaledCommand, type SavedCluster } from './journal';
import { LessonProgressKeeper } from './lesson-progress';
import { inspectObject, podFilesIn } from './inspect';
import {
  assertNever,
  PROTOCOL_VERSION,
  type ClockState,
  type Command,
  type CommandResult,
  type EditorMarker,
  type Snapshot,
  type UiToWorker,
  type WorkerToUi,
} from './protocol';
import { FRAME_MS, TimeDriver, type WallTimers } from './time-driver';
import { EditorWorkspace } from './workspace';
import { HostShell } from '../shell/host/host-shell';
import { hostSystem } from '../sim/network/host/host-system';
import type { ShellProgram } from '../shell/interpreter';
import { TypedInput } from './typed-input';
import { TrafficRelay } from './traffic-relay';
import { RunningLines, runNow, type Output } from './running-lines';
import { browse, SentHostView } from './browse';

export { INTERRUPTED_EXIT, PAUSED_WAIT_NOTICE } from './running-lines';

export interface ManifestProblem {
  message: string;
  line: number;
  column: number;
}

export interface SessionDeps {
  createCluster: () => Cluster;
  kubectl: KubectlEntry;
  /** Text tools for the host shell (the programs registry, src/shell/programs/). */
  programs?: ReadonlyMap<string, ShellProgram>;
  /** Tab completion (kubectl's `complete`); without it nothing completes. Gets the workspace for `-f` file names. */
  complete?: (client: KubeClient, line: string, config: KubeConfig, workspace: Workspace) => string[];
  /** YAML syntax problems with positions, for editor markers. */
  manifestProblems?: (text: string, filename: string) => ManifestProblem[];
  lessons: Lesson[];
  post: (message: WorkerToUi) => void;
  wall: WallTimers;
}

/**
 * After a batch this big, the next one waits longer: while hundreds of pods churn, each pod is
 * written many times a second, and a longer wait sends each once instead of every frame (the main
 * thread pays to receive every object, and redraws at most a few times a second at that size anyway).
 */
export const BIG_BATCH = 200;
export const BIG_BATCH_FLUSH_MS = 100;

export class Session {
  private cluster!: Cluster;
  /** The api as kubectl and completion use it. */
  private client!: KubeClient;
  /** What the lesson's checks read: the client, with watch-fed lists. */
  private checks!: CheckSource;
  private driver!: TimeDriver;
  private unsubscribe: () => void = () => undefined;
  /** The host view last sent (JSON), so a patch carries it only when it changed. */
  private readonly hostSent = new SentHostView();
  private readonly batcher = new DeltaBatcher();
  private flushTimer: unknown = undefined;
  private lastBatchSize = 0;
  private readonly workspace = new EditorWorkspace();
  private readonly config: KubeConfig = { ...DEFAULT_KUBECONFIG };
  /** The terminal's lines still running: they wait on virtual time, changes or typed input. */
  private readonly lines = new RunningLines({ now: () => this.cluster.clock.now(), paused: () => this.driver.paused });
  /** The learner's bash: variables, aliases and scratch files live from line to line (until a reset). */
  private host!: HostShell;
  private readonly progress: LessonProgressKeeper;
  private readonly journal = new Journal();
  /** Requests for the graph: relayed while a UI is connected (from its first hello on). */
  private readonly traffic: TrafficRelay;
  /** Wall time stands still while a journal replays (virtual time moves only by its entries). */
  private frozenWall: number | undefined = undefined;
  private readonly wall: WallTimers = {
    now: () => this.frozenWall ?? this.deps.wall.now(),
    set: (fn, ms) => this.deps.wall.set(fn, ms),
    clear: (handle) => this.deps.wall.clear(handle),
  };

  constructor(private readonly deps: SessionDeps) {
    this.progress = new LessonProgressKeeper(deps.lessons);
    this.traffic = new TrafficRelay((m) => this.deps.post(m), this.wall);
    this.boot();
  }

  handle(message: UiToWorker): void {
    switch (message.type) {
      case 'connect':
        this.hello();
        return;
      case 'command':
        this.command(message.id, message.command);
        return;
      case 'interrupt':
        this.interrupt(message.id);
        return;
      case 'input':
        this.input(message.id, message.text);
        return;
      default:
        assertNever(message);
    }
  }

  /** Stops every wall timer (the worker is going away, or a test ends). */
  dispose(): void {
    this.driver.stop();
    this.unsubscribe();
    this.traffic.detach();
    if (this.flushTimer !== undefined) this.deps.wall.clear(this.flushTimer);
  }

  private boot(): void {
    this.cluster = this.deps.createCluster();
    this.client = createClient(this.cluster);
    this.checks = cachedReads(this.client);
    this.host = new HostShell({
      kubectl: (argv, io) => this.deps.kubectl(this.client, argv, { ...io, seed: this.cluster.options.seed, config: this.config, localPorts: this.cluster.hostPorts }),
      workspace: () => this.workspace,
      now: () => this.cluster.clock.now(),
      tty: true,
      network: hostSystem(this.cluster.network, () => this.cluster.clock.now()),
      nodes: kindNodes(this.cluster, this.cluster.nodeContainers),
      ...(this.deps.programs ? { programs: this.deps.programs } : {}),
    });
    this.journal.clear();
    const speed = this.driver?.speed ?? 1;
    const paused = this.driver?.paused ?? false;
    this.driver?.stop();
    this.driver = new TimeDriver(this.cluster.clock, this.wall, () => this.nextWake(), () => this.onTick());
    this.driver.setSpeed(speed);
    if (paused) {
      this.driver.pause();
      // The journal starts as the clock does: a replay must know it begins paused.
      this.journal.record(this.cluster.clock.now(), 0, { kind: 'clock', action: 'pause' }, {});
    }
    this.cluster.hold(this.driver.paused);
    const unsubscribeStore = this.cluster.store.subscribe((event) => {
      this.batcher.add(event);
      // Every write (Events too: lesson checks read them) re-evaluates the lesson at the next flush.
      this.scheduleFlush();
    });
    const unsubscribePorts = this.cluster.hostPorts.subscribe(() => this.scheduleFlush());
    this.unsubscribe = () => {
      unsubscribeStore();
      unsubscribePorts();
    };
  }

  private hello(): void {
    this.batcher.clear();
    this.traffic.attach(this.cluster.network.traffic);
    this.deps.post({
      type: 'hello',
      protocolVersion: PROTOCOL_VERSION,
      snapshot: this.snapshot(),
      rv: this.cluster.store.resourceVersion,
      simTime: this.cluster.clock.now(),
      clock: this.clockState(),
      lessons: this.deps.lessons,
      progress: this.progress.evaluate(this.checks),
      nodeNames: this.cluster.nodes.map((n) => n.name),
      journal: [...this.journal.entries],
      host: this.hostSent.view(this.cluster),
    });
    this.journal.unsent();
  }

  private snapshot(): Snapshot {
    const snapshot: Snapshot = {};
    for (const resource of this.cluster.store.resources()) {
      if (!UNMIRRORED.has(resource)) snapshot[resource] = this.cluster.store.list(resource);
    }
    return snapshot;
  }

  private clockState(): ClockState {
    return { simTime: this.cluster.clock.now(), paused: this.driver.paused, speed: this.driver.speed };
  }

  private command(id: number, command: Command): void {
    this.driver.catchUp();
    this.journalCommand(id, command);
    try {
      const result = this.execute(id, command);
      if (result) this.deps.post({ type: 'result', id, ok: true, result });
    } catch (e) {
      this.deps.post({ type: 'result', id, ok: false, error: e instanceof Error ? e.message : String(e) });
    }
    this.driver.schedule();
  }

  /** Runs a command; returns its result now, or undefined when a program answers later. */
  private execute(id: number, command: Command): CommandResult | undefined {
    switch (command.kind) {
      case 'kubectl':
        this.startKubectl(id, command.line, command.columns);
        return undefined;
      case 'complete':
        return { kind: 'complete', candidates: this.deps.complete?.(this.client, command.line, this.config, this.workspace) ?? [] };
      case 'workspace':
        this.workspace.replace(command.files);
        return { kind: 'workspace' };
      case 'apply':
        this.workspace.replace(command.files);
        return this.apply(command.file);
      case 'clock': {
        let stepped: string[] | undefined;
        if (command.action === 'pause') this.driver.pause();
        else if (command.action === 'play') this.driver.play();
        else stepped = this.step(command.action);
        // While paused nothing runs, not even what kubectl's writes set off at this instant.
        this.cluster.hold(this.driver.paused);
        this.lines.tellIfPaused();
        this.scheduleFlush();
        return { kind: 'clock', clock: this.clockState(), ...(stepped ? { stepped } : {}) };
      }
      case 'speed':
        this.driver.setSpeed(command.speed);
        this.scheduleFlush();
        return { kind: 'speed', clock: this.clockState() };
      case 'reset':
        this.reset();
        return { kind: 'reset' };
      case 'lesson':
        return { kind: 'lesson', progress: this.progress.act(command, this.checks) };
      case 'inspect':
        return { kind: 'inspect', inspect: inspectObject(command.ref, (args) => this.runNow(args), this.cluster.store, this.cluster.clock.now(), podFilesIn(this.cluster)) };
      case 'restore':
        return this.restore(command);
      case 'ping':
        return { kind: 'ping' };
      case 'browse':
        return { kind: 'browse', page: browse(this.cluster.network, command.url, () => this.cluster.clock.now()) };
      case 'cloud-provider':
        this.cluster.setCloudProvider(command.on);
        this.scheduleFlush();
        return { kind: 'cloud-provider', host: this.hostSent.view(this.cluster) };
      default:
        return assertNever(command);
    }
  }

  // --- kubectl ---------------------------------------------------------------------------------

  /** Runs a terminal line in the host shell (bash): pipes, loops, kubectl, watch… */
  private startKubectl(id: number, line: string, columns?: number): void {
    // Replayed commands (negative ids) run silently: their output was seen before the reload.
    const post = id < 0 ? () => undefined : this.deps.post;
    const out: Output = (text, stream) => post({ type: 'output', id, text, stream });
    const done = (exitCode: number) => {
      this.journal.finished(id);
      post({ type: 'result', id, ok: true, result: { kind: 'kubectl', exitCode } });
    };
    const input = new TypedInput(() => post({ type: 'reading', id }));
    const program = this.host.runLine(line, { write: out, terminal: input, ...(columns ? { columns } : {}) });
    this.lines.start(id, program, { input, out, done });
  }

  /** A line typed into a running command. */
  private input(id: number, text: string | null): void {
    const type = this.lines.typist(id);
    if (!type) return;
    this.driver.catchUp();
    this.journal.recordInput(this.cluster.clock.now(), id, text);
    type(text);
    this.driver.schedule();
  }

  private interrupt(id: number): void {
    const stop = this.lines.interrupter(id);
    if (!stop) return;
    this.driver.catchUp();
    this.journal.recordInterrupt(this.cluster.clock.now(), id);
    stop();
  }

  private program(args: string[], out: Output): KubectlProgram {
    return this.deps.kubectl(this.client, args, {
      seed: this.cluster.options.seed,
      workspace: this.workspace,
      config: this.config,
      out: (text) => out(text, 'stdout'),
      err: (text) => out(text, 'stderr'),
    });
  }

  /** Runs kubectl to its end without moving virtual time. */
  private runNow(args: string[]): { exitCode: number; stdout: string; stderr: string } {
    return runNow((out) => this.program(args, out));
  }

  private apply(file: string): CommandResult {
    const text = this.workspace.read(file);
    const markers: EditorMarker[] = (text === undefined ? [] : (this.deps.manifestProblems?.(text, file) ?? [])).map((p) => ({
      file,
      line: p.line,
      column: p.column,
      message: p.message,
      severity: 'error',
    }));
    const { exitCode, stdout, stderr } = this.runNow(['apply', '-f', file]);
    return { kind: 'apply', exitCode, output: stdout + stderr, markers };
  }

  // --- time and batches ------------------------------------------------------------------------

  /** Pauses, then one action of the cluster, or on to the next second; what was written, line by line. */
  private step(action: 'step' | 'step-second'): string[] {
    this.driver.pause();
    const { clock, store } = this.cluster;
    return this.driver.step(() => (action === 'step' ? stepAction(clock, store) : stepSecond(clock, store)).lines);
  }

  private nextWake(): number | undefined {
    return this.lines.nextWake(this.cluster.clock.nextEventAt());
  }

  private onTick(): void {
    this.lines.resume();
  }

  private scheduleFlush(): void {
    if (this.flushTimer !== undefined) return;
    this.flushTimer = this.deps.wall.set(() => this.flush(), this.lastBatchSize >= BIG_BATCH ? BIG_BATCH_FLUSH_MS : FRAME_MS);
  }

  private flush(): void {
    this.flushTimer = undefined;
    this.driver.catchUp();
    const events = this.batcher.flush();
    this.lastBatchSize = events.length;
    const progressUpdate = this.progress.changes(this.checks);
    this.deps.post({
      type: 'patch',
      events,
      rv: this.cluster.store.resourceVersion,
      simTime: this.cluster.clock.now(),
      clock: this.clockState(),
      ...progressUpdate,
      ...this.journalUpdate(),
      ...this.hostSent.update(this.cluster),
    });
  }

  private reset(): void {
    this.fresh();
    this.hello();
  }

  /** A brand-new cluster with the same seed; the UI hears of it by the next `hello`. */
  private fresh(): void {
    for (const id of this.lines.ids()) this.interrupt(id);
    this.unsubscribe();
    this.traffic.detach();
    if (this.flushTimer !== undefined) this.deps.wall.clear(this.flushTimer);
    this.flushTimer = undefined;
    this.batcher.clear();
    // Lesson progress stays: "Start lesson over" is its own action.
    this.boot();
  }

  // --- journal and restore (see journal.ts) ---------------------------------------------------

  private journalCommand(id: number, command: Command): void {
    if (command.kind === 'kubectl' || command.kind === 'apply' || command.kind === 'clock' || command.kind === 'browse' || command.kind === 'cloud-provider') {
      this.journal.record(this.cluster.clock.now(), id, command, this.workspace.files());
    }
  }

  private journalUpdate(): { journal?: ReturnType<Journal['unsent']> } {
    const fresh = this.journal.unsent();
    return fresh.length ? { journal: fresh } : {};
  }

  /**
   * A fresh cluster, then the saved journal: wall time is frozen, virtual time moves to each
   * entry's instant (timers fire as they did), and the entry runs through `execute` as it did.
   */
  private restore(command: Extract<Command, { kind: 'restore' }>): CommandResult {
    const started = this.deps.wall.now();
    const { cluster } = command;
    this.fresh();
    try {
      this.replay(cluster);
    } catch (e) {
      this.frozenWall = undefined;
      this.reset();
      throw new Error(`the saved cluster could not be replayed: ${e instanceof Error ? e.message : String(e)}`);
    }
    this.progress.restore(command.progress, command.lessonId);
    this.hello();
    return { kind: 'restore', replayMs: this.deps.wall.now() - started, entries: cluster.entries.length };
  }

  private replay(saved: SavedCluster): void {
    this.frozenWall = this.deps.wall.now();
    this.journal.clear();
    this.driver.play();
    const replayId = (entry: number) => -(entry + 1);
    saved.entries.forEach((entry, index) => {
      this.replayTo(entry.at);
      const command: JournaledCommand = entry.command;
      if (command.kind === 'interrupt') this.interrupt(replayId(command.entry));
      else if (command.kind === 'input') this.input(replayId(command.entry), command.text);
      else if (command.kind === 'workspace') this.workspace.replace(command.files);
      else this.execute(replayId(index), command);
      if (command.kind !== 'interrupt' && command.kind !== 'input') this.journal.record(entry.at, replayId(index), command, this.workspace.files());
    });
    this.replayTo(saved.simTime);
    // Commands still waiting when the page went away have nobody to answer to now.
    for (const id of this.lines.ids()) this.interrupt(id);
    this.driver.pause();
    this.driver.setSpeed(saved.speed);
    this.frozenWall = undefined;
    if (!saved.paused) this.driver.play();
    this.batcher.clear();
  }

  private replayTo(at: number): void {
    if (at <= this.cluster.clock.now()) return;
    this.cluster.clock.advanceTo(at);
    this.lines.resume();
  }
}
