/**
 * One pod on one node, as the kubelet runs it: sandbox, init containers one at a time, image
 * pulls (serialized per node), container starts, exits, restarts with CrashLoopBackOff,
 * graceful termination, and status writes only when something changed. Every transition is a
 * timer at the virtual instant it happens; nothing polls.
 */
import type { Container, Pod, Service } from 'kubernetes-types/core/v1';
import type { PodFacts } from './container-env';
import { EPHEMERAL_STORAGE_BYTES } from './node-object';
import type { KObject } from '../core/object';
import { goDuration } from './backoff';
import { planProcess, type ProcessPlan } from './container-process';
import { lookupImage, parseImageRef, pullErrorMessage, type ImageInfo, type ImageRef } from '../images';
import { buildPodStatus, type ContainerView, type PodView, type TerminatedState } from './pod-status';
import type { NodeRuntime } from './runtime';
import { sameJson } from '../core/json-equal';
import { HOOK_BOUND_MS, runHook, type HookTarget } from './lifecycle/hooks';
import { keepStopTimers, killBy, stopContainers, type EventAction, type ExitAction } from './lifecycle/stop';
import { toStart } from './lifecycle/init-order';
import { PodFiles } from '../fs/pod-files';
import type { PodSandbox, RunningContainer } from './exec/sandbox';
import { PodProber } from './probes/pod-prober';
import { probeWiring } from './probes/wiring';

/** How long after a container exits the kubelet notices (PLEG relist period). */
export const PLEG_MS = 1000;

type Action =
  | { kind: 'pulled'; at: number; image: ImageInfo; pullMs: number; waitedMs: number }
  | { kind: 'pullFailed'; at: number }
  | ExitAction
  | { kind: 'restart'; at: number }
  | { kind: 'retryPull'; at: number }
  | { kind: 'postStarted'; at: number; ok: boolean; message?: string }
  | EventAction;

interface Ctr {
  spec: Container;
  init: boolean;
  sidecar: boolean;
  view: ContainerView;
  ref?: ImageRef;
  refError?: string;
  actions: Action[];
  plan?: ProcessPlan;
  everStarted: boolean;
  /** Its process runs (from start, postStart hook included, to exit). */
  live?: boolean;
  startedAtMs?: number;
  startedAtTs?: string;
  /** Its postStart hook failed with this message: PostStartHookError until restarted. */
  hookFailure?: string;
  lastFinishedAt?: number;
  lastPullFailAt?: number;
  signalled?: boolean;
  stoppedAt?: number;
  /** Killed because its spec changed: start again at once, whatever the restart policy. */
  replacing?: boolean;
  /** The running instance as exec reaches it (./exec/sandbox.ts). */
  instance?: RunningContainer;
  /** Killed for a failed liveness/startup probe: restarted at once, backed off from the exit before. */
  probeKill?: { previousExitAt?: number };
}

export class PodWorker {
  private pod: Pod;
  private readonly uid: string;
  private readonly ns: string;
  private readonly name: string;
  private readonly inits: Ctr[];
  private readonly ctrs: Ctr[];
  private sandboxAt: number | undefined;
  private view: PodView;
  private timer: number | undefined;
  private timerAt = Infinity;
  private terminating = false;
  /** Its regular containers are done for good (restartPolicy Never/OnFailure): sidecars stop too. */
  private done = false;
  private finished = false;
  /** The status last written, to skip writes that would change nothing. */
  private lastStatus: unknown = undefined;
  /** Volumes and writable layers, made at the first container start. */
  private files?: PodFiles;
  /** The pod's probe workers (none when no container has a probe). */
  private prober: PodProber | undefined;

  constructor(private readonly rt: NodeRuntime, obj: KObject) {
    this.pod = obj as unknown as Pod;
    this.uid = obj.metadata.uid!;
    this.ns = obj.metadata.namespace!;
    this.name = obj.metadata.name!;
    const spec = this.pod.spec!;
    // Every container waits as PodInitializing while a pod has init containers (kubelet_pods.go).
    const waiting = spec.initContainers?.length ? 'PodInitializing' : 'ContainerCreating';
    this.inits = (spec.initContainers ?? []).map((c) => this.makeCtr(c, true, waiting));
    this.ctrs = spec.containers.map((c) => this.makeCtr(c, false, waiting));
    this.view = { sandboxReady: false, hostIP: rt.node.internalIP, startTime: rt.now(), initContainers: this.inits.map((c) => c.view), containers: this.ctrs.map((c) => c.view), terminal: false };
  }

  /** Called once the kubelet has registered the worker (status writes echo back through it). */
  start(): void {
    this.sandboxAt = this.rt.clock.now() + this.rt.sandboxDelay();
    this.prober = this.makeProber();
    this.schedule();
    this.writeStatus();
  }

  /** Latest object from the watch. */
  update(obj: KObject): void {
    if (this.finished) return;
    const before = this.pod;
    this.pod = obj as unknown as Pod;
    if (!obj.metadata.deletionTimestamp && before.spec !== this.pod.spec) {
      this.rt.clock.after(0, () => {
        if (!this.finished && !this.terminating) this.applySpecChanges();
      }, this.rt.actor);
    }
    const deletion = obj.metadata.deletionTimestamp;
    if (deletion && deletion !== this.handledDeletion) {
      this.handledDeletion = deletion;
      // Not from inside the watch handler (see Kubelet.onPod).
      this.rt.clock.after(0, () => {
        if (!this.finished) this.beginTermination();
      }, this.rt.actor);
    }
  }

  private handledDeletion: string | undefined;

  /** The pod left the store (force delete): stop everything quietly. */
  gone(): void {
    this.finished = true;
    this.prober?.stop();
    if (this.timer !== undefined) this.rt.clock.cancel(this.timer);
    this.rt.released(this.uid, this.ns, this.name, this.view.podIP);
  }

  private makeCtr(spec: Container, init: boolean, reason: string): Ctr {
    const ctr: Ctr = {
      spec,
      init,
      sidecar: init && spec.restartPolicy === 'Always',
      actions: [],
      everStarted: false,
      view: { name: spec.name, image: spec.image ?? '', imageID: '', state: { waiting: { reason } }, ready: false, restartCount: 0, started: false },
    };
    const mounts = (spec.volumeMounts ?? []).map((m) => ({ name: m.name, mountPath: m.mountPath, ...(m.readOnly ? { readOnly: true, recursiveReadOnly: 'Disabled' } : {}) }));
    if (mounts.length) ctr.view.volumeMounts = mounts;
    try {
      ctr.ref = parseImageRef(spec.image ?? '');
    } catch (e) {
      ctr.refError = (e as Error).message;
    }
    return ctr;
  }

  // ---- the timer loop ----

  private schedule(): void {
    if (this.finished) return;
    let next = this.sandboxAt ?? Infinity;
    for (const c of [...this.inits, ...this.ctrs]) for (const a of c.actions) next = Math.min(next, a.at);
    if (next === this.timerAt) return;
    if (this.timer !== undefined) this.rt.clock.cancel(this.timer);
    this.timer = undefined;
    this.timerAt = next;
    if (next !== Infinity) this.timer = this.rt.clock.at(next, () => this.wake(), this.rt.actor);
  }

  private wake(): void {
    this.timer = undefined;
    this.timerAt = Infinity;
    if (this.finished) return;
    const now = this.rt.clock.now();
    if (this.sandboxAt !== undefined && this.sandboxAt <= now) {
      this.sandboxAt = undefined;
      this.view.sandboxReady = true;
      this.view.podIP = this.pod.spec?.hostNetwork ? this.rt.node.internalIP : this.rt.allocateIP();
    }
    for (;;) {
      let due: { c: Ctr; a: Action } | undefined;
      for (const c of [...this.inits, ...this.ctrs]) {
        for (const a of c.actions) if (a.at <= now && (!due || a.at < due.a.at)) due = { c, a };
      }
      if (!due) break;
      due.c.actions.splice(due.c.actions.indexOf(due.a), 1);
      this.run(due.c, due.a);
    }
    this.sync();
    this.afterChange();
  }

  private afterChange(): void {
    if (this.terminating && this.allStopped()) return this.finishTermination();
    this.schedule();
    this.writeStatus();
  }

  private run(c: Ctr, a: Action): void {
    switch (a.kind) {
      case 'pulled':
        this.rt.imagePulled(a.image, c.ref!);
        this.event(c, 'Normal', 'Pulled', `Successfully pulled image "${c.spec.image}" in ${goDuration(a.pullMs)} (${goDuration(a.waitedMs)} including waiting). Image size: ${a.image.sizeBytes} bytes.`);
        return this.startContainer(c, a.image);
      case 'pullFailed': {
        const err = pullErrorMessage(c.ref!);
        this.event(c, 'Warning', 'Failed', `Failed to pull image "${c.spec.image}": ${err}`);
        this.event(c, 'Warning', 'Failed', 'Error: ErrImagePull');
        this.rt.pullBackoff.next(this.pullKey(c), this.rt.clock.now());
        c.lastPullFailAt = this.rt.clock.now();
        c.view.state = { waiting: { reason: 'ErrImagePull', message: err } };
        c.actions.push({ kind: 'retryPull', at: this.rt.clock.now() + PLEG_MS });
        return;
      }
      case 'exit':
        return this.exited(c, a.code, a.reason);
      case 'restart':
        if (c.probeKill) {
          // No back-off from the killed instance: kuberuntime's doBackOff saw it running.
          const previous = c.probeKill.previousExitAt;
          c.probeKill = undefined;
          if (previous === undefined || !this.restartOrBackOff(c, previous)) this.tryStart(c);
          return;
        }
        if (!this.restartOrBackOff(c)) this.tryStart(c);
        return;
      case 'retryPull':
        return this.tryStart(c);
      case 'postStarted':
        if (a.ok) return this.running(c);
        // kuberuntime startContainer: the event hides the message (secrets), the kill names it.
        this.event(c, 'Warning', 'FailedPostStartHook', 'PostStartHook failed');
        c.hookFailure = a.message;
        return this.stop([c], this.graceSeconds(), 'FailedPostStartHook');
      case 'event':
        return this.event(c, a.type, a.reason, a.message);
    }
  }

  // ---- starting containers ----

  /** Level-triggered: start whatever may start now, in kubelet order. */
  private sync(): void {
    if (this.terminating || this.done || !this.view.sandboxReady) return;
    for (const c of toStart(this.inits, this.ctrs)) this.tryStart(c);
  }

  private tryStart(c: Ctr): void {
    if (this.terminating) return;
    const now = this.rt.clock.now();
    if (c.refError || !c.ref) {
      c.view.state = { waiting: { reason: 'InvalidImageName', message: c.refError ?? 'invalid reference format' } };
      this.event(c, 'Warning', 'InspectFailed', c.refError ?? 'invalid reference format');
      this.event(c, 'Warning', 'Failed', 'Error: InvalidImageName');
      return;
    }
    const policy = c.spec.imagePullPolicy ?? (c.ref.tag === 'latest' ? 'Always' : 'IfNotPresent');
    const present = this.rt.hasImage(c.ref.normalized);
    if (policy === 'Never' && !present) {
      const msg = `Container image "${c.spec.image}" is not present with pull policy of Never`;
      c.view.state = { waiting: { reason: 'ErrImageNeverPull', message: msg } };
      this.event(c, 'Warning', 'ErrImageNeverPull', msg);
      this.event(c, 'Warning', 'Failed', 'Error: ErrImageNeverPull');
      return;
    }
    if (present && policy !== 'Always') {
      this.event(c, 'Normal', 'Pulled', `Container image "${c.spec.image}" already present on machine`);
      return this.startContainer(c, lookupImage(c.ref)!);
    }
    const key = this.pullKey(c);
    if (c.lastPullFailAt !== undefined && this.rt.pullBackoff.inBackoffSince(key, c.lastPullFailAt, now)) {
      const msg = `Back-off pulling image "${c.spec.image}"`;
      c.view.state = { waiting: { reason: 'ImagePullBackOff', message: msg } };
      this.event(c, 'Normal', 'BackOff', msg);
      this.event(c, 'Warning', 'Failed', 'Error: ImagePullBackOff');
      c.actions.push({ kind: 'retryPull', at: c.lastPullFailAt + this.rt.pullBackoff.get(key) });
      return;
    }
    this.event(c, 'Normal', 'Pulling', `Pulling image "${c.spec.image}"`);
    const image = lookupImage(c.ref);
    const pull = this.rt.queuePull(image, present);
    c.actions.push(image ? { kind: 'pulled', at: pull.finishAt, image, pullMs: pull.pullMs, waitedMs: pull.waitedMs } : { kind: 'pullFailed', at: pull.finishAt });
  }

  /** What the container's environment needs beyond the spec, as of now. */
  private facts(): PodFacts {
    const node = this.rt.node;
    return {
      podIPs: this.view.podIP ? [this.view.podIP] : [],
      hostIPs: [node.internalIP],
      allocatable: { cpuMillis: node.cpuMillis, memoryBytes: node.memoryBytes, ephemeralBytes: EPHEMERAL_STORAGE_BYTES },
      services: this.rt.ctx.store.list('services') as unknown as Service[],
    };
  }

  private startContainer(c: Ctr, image: ImageInfo): void {
    const now = this.rt.clock.now();
    const ts = this.rt.clock.timestamp();
    const containerID = `containerd://${this.rt.containerId()}`;
    this.files ??= new PodFiles(this.pod, () => this.facts());
    const files = this.files.start(c.spec, image, now);
    const plan = planProcess(this.pod, c.spec, image, this.facts(), this.heldPorts(c), files);
    if (c.everStarted) c.view.restartCount++;
    if ('terminated' in c.view.state) c.view.lastState = c.view.state.terminated;
    c.everStarted = true;
    c.plan = plan;
    c.signalled = false;
    c.stoppedAt = undefined;
    c.view.image = c.ref!.normalized.replace(/@sha256:.*$/, '') || c.ref!.normalized;
    c.view.imageID = `${image.repository}@${image.digest}`;
    c.view.containerID = containerID;
    this.event(c, 'Normal', 'Created', `Created container ${c.spec.name}`);
    if (plan.startError) {
      this.event(c, 'Warning', 'Failed', `Error: ${plan.startError}`);
      c.view.state = { terminated: { exitCode: 128, reason: 'StartError', message: plan.startError, startedAt: '1970-01-01T00:00:00Z', finishedAt: ts, containerID } };
      c.view.started = false;
      return this.afterExit(c, 128);
    }
    this.event(c, 'Normal', 'Started', `Started container ${c.spec.name}`);
    c.live = true;
    c.startedAtMs = now;
    c.startedAtTs = ts;
    c.instance = { name: c.spec.name, spec: c.spec, image, plan, files, startedAt: now, containerID: containerID.slice('containerd://'.length), pids: { next: 7 }, stopFromInside: (from) => this.stopFromInside(c, from) };
    // A restart clears c.stoppedAt: the previous instance's log keeps its own stop.
    const instance = c.instance;
    this.rt.logs.add(this.ns, this.name, c.spec.name, { containerID, startedAt: now, lines: (until) => plan.lines(now, until, c.instance === instance ? c.stoppedAt : instance?.stoppedAt, instance?.stoppedBy) });
    const hook = c.spec.lifecycle?.postStart;
    if (!hook) return this.running(c);
    // The status says Waiting until the hook returns: SyncPod is blocked in it.
    const out = runHook(hook, this.hookTarget(c, HOOK_BOUND_MS));
    c.actions.push({ kind: 'postStarted', at: out.hung ? Infinity : now + out.tookMs, ok: out.ok, message: out.message });
  }

  /** The container's start (and postStart hook) is done: the status says Running. */
  private running(c: Ctr): void {
    const now = this.rt.clock.now();
    const plan = c.plan!;
    c.view.state = { running: { startedAt: c.startedAtTs! } };
    // A startup probe holds `started` (and so readiness) until it succeeds; a readiness probe holds `ready`.
    c.view.started = !c.spec.startupProbe;
    c.view.ready = c.view.started && !c.spec.readinessProbe && (!c.init || c.sidecar);
    this.prober?.containerStarted(c.spec.name, now);
    if (plan.exitAfterMs !== undefined) c.actions.push({ kind: 'exit', at: Math.max(now, c.startedAtMs! + plan.exitAfterMs), code: plan.exitCode ?? 0, reason: plan.exitReason });
  }

  private hookTarget(c: Ctr, timeoutMs: number): HookTarget {
    const podRef = `${this.name}_${this.ns}(${this.uid})`;
    const podPorts = new Set([...this.heldPorts(c), ...(c.plan?.ports ?? [])]);
    return { container: c.spec, plan: c.plan!, startedAt: c.startedAtMs!, at: this.rt.clock.now(), podRef, podIP: this.view.podIP, podPorts, timeoutMs, execId: () => this.rt.containerId() };
  }

  /** Ports the pod's other running containers listen on: the pod has one network namespace. */
  private heldPorts(self: Ctr): Set<number> {
    const held = new Set<number>();
    for (const c of [...this.inits, ...this.ctrs]) {
      if (c !== self && 'running' in c.view.state) for (const p of c.plan?.ports ?? []) held.add(p);
    }
    return held;
  }

  // ---- exits and restarts ----

  private exited(c: Ctr, code: number, reason?: string): void {
    if (!c.live) return;
    c.live = false;
    const containerID = c.view.containerID!;
    c.view.state = { terminated: { containerID, exitCode: code, finishedAt: this.rt.clock.timestamp(), reason: reason ?? (code === 0 ? 'Completed' : 'Error'), startedAt: c.startedAtTs! } };
    // prober_manager UpdatePodStatus: an init container that succeeded is ready.
    c.view.ready = c.init && !c.sidecar && code === 0;
    c.view.started = false;
    c.actions = c.actions.filter((a) => a.kind === 'event');
    this.prober?.changed(c.spec.name);
    if (c.instance) {
      c.instance.files.stop(this.rt.clock.now());
      c.instance.stoppedAt = c.stoppedAt;
    }
    c.instance = undefined;
    this.rt.logs.finish(this.ns, this.name, c.spec.name, containerID, this.rt.clock.now());
    this.afterExit(c, code);
  }

  private afterExit(c: Ctr, code: number): void {
    c.lastFinishedAt = this.rt.clock.now();
    if (this.terminating) return;
    if (c.replacing) {
      c.replacing = false;
      c.actions.push({ kind: 'restart', at: this.rt.clock.now() });
      return;
    }
    if (c.probeKill) {
      // The sync that killed it starts it again (computePodActions' ContainersToStart).
      if (this.restartPolicy(c) !== 'Never') {
        c.actions.push({ kind: 'restart', at: this.rt.clock.now() });
        return;
      }
      c.probeKill = undefined;
    }
    const policy = this.restartPolicy(c);
    const restart = !this.done && (policy === 'Always' || (policy === 'OnFailure' && code !== 0));
    if (restart) c.actions.push({ kind: 'restart', at: this.rt.clock.now() + PLEG_MS });
    if (restart && c.hookFailure !== undefined) {
      // The reason cache: the failed start shows until the next sync (kubelet_pods.go).
      const st = c.view.state;
      if ('terminated' in st) c.view.lastState = st.terminated;
      c.view.state = { waiting: { reason: 'PostStartHookError', message: c.hookFailure } };
    }
    c.hookFailure = undefined;
    if (!restart && !c.init) this.stopSidecarsIfDone();
  }

  private restartPolicy(c: Ctr): string {
    const podPolicy = this.pod.spec?.restartPolicy ?? 'Always';
    return c.sidecar ? 'Always' : c.init ? (podPolicy === 'Never' ? 'Never' : 'OnFailure') : podPolicy;
  }

  /** computePodActions: no regular container left to run ⇒ KillPod, sidecars included. */
  private stopSidecarsIfDone(): void {
    if (this.ctrs.some((c) => c.live || !c.everStarted || c.actions.some((a) => a.kind === 'restart'))) return;
    this.done = true;
    const sidecars = this.inits.filter((c) => c.sidecar);
    sidecars.forEach(keepStopTimers);
    const live = sidecars.filter((c) => c.live && !c.signalled);
    if (live.length) this.stop(live, this.graceSeconds());
  }

  /** A restart check for a container that exited at `finished`: back off or start again. */
  private restartOrBackOff(c: Ctr, finished = c.lastFinishedAt ?? this.rt.clock.now()): boolean {
    const key = `${this.uid}/${c.spec.name}`;
    const now = this.rt.clock.now();
    if (this.rt.crashBackoff.inBackoffSince(key, finished, now)) {
      const backoff = this.rt.crashBackoff.get(key);
      const st = c.view.state;
      if ('terminated' in st) c.view.lastState = st.terminated;
      const podRef = `${this.name}_${this.ns}(${this.uid})`;
      c.view.state = { waiting: { reason: 'CrashLoopBackOff', message: `back-off ${goDuration(backoff)} restarting failed container=${c.spec.name} pod=${podRef}` } };
      this.event(c, 'Warning', 'BackOff', `Back-off restarting failed container ${c.spec.name} in pod ${podRef}`);
      c.actions.push({ kind: 'restart', at: Math.max(finished, c.lastFinishedAt ?? finished) + backoff });
      return true;
    }
    this.rt.crashBackoff.next(key, now);
    return false;
  }

  // ---- exec ----

  /** The pod as exec and the pod network see it. */
  sandbox(): PodSandbox {
    return { pod: this.pod, podIP: this.view.podIP, running: () => [...this.inits, ...this.ctrs].flatMap((c) => (c.instance ? [c.instance] : [])) };
  }

  /** `kill 1` from inside, for a PID 1 that handles the signal: it stops as on SIGTERM, then the restart policy rules. */
  private stopFromInside(c: Ctr, fromPid: number): void {
    const instance = c.instance;
    this.rt.clock.after(0, () => {
      const sig = c.plan?.onSigterm ?? 'ignore';
      if (this.finished || c.instance !== instance || c.stoppedAt !== undefined || sig === 'ignore') return;
      const now = this.rt.clock.now();
      c.stoppedAt = now;
      if (instance) instance.stoppedBy = fromPid;
      c.actions = [...c.actions.filter((a) => a.kind !== 'exit'), { kind: 'exit', at: now + sig.afterMs, code: sig.code }];
      this.afterChange();
    }, this.rt.actor);
  }

  // ---- spec changes ----

  /** `kubectl set image` on a pod: the kubelet replaces containers whose image changed. */
  private applySpecChanges(): void {
    const now = this.rt.clock.now();
    const specs = [...(this.pod.spec?.initContainers ?? []), ...(this.pod.spec?.containers ?? [])];
    for (const c of [...this.inits, ...this.ctrs]) {
      const next = specs.find((s) => s.name === c.spec.name);
      if (!next || next.image === c.spec.image) continue;
      c.spec = next;
      c.ref = undefined;
      c.refError = undefined;
      try {
        c.ref = parseImageRef(next.image ?? '');
      } catch (e) {
        c.refError = (e as Error).message;
      }
      c.lastPullFailAt = undefined;
      if (c.live) {
        c.replacing = true;
        keepStopTimers(c);
        this.stop([c], this.graceSeconds(), `Container ${c.spec.name} definition changed, will be restarted`);
      } else if (c.everStarted || c.actions.length || 'waiting' in c.view.state) {
        // Waiting (image pull back-off, crash loop, bad name): try the new image now.
        c.actions = [];
        if (c.everStarted) c.actions.push({ kind: 'restart', at: now });
        else c.view.state = { waiting: { reason: 'ContainerCreating' } };
      }
    }
    this.sync();
    this.afterChange();
  }

  // ---- termination ----

  private beginTermination(): void {
    const killAt = Math.max(Date.parse(this.pod.metadata!.deletionTimestamp!), this.rt.clock.now());
    this.terminating = true;
    this.sandboxAt = undefined;
    this.prober?.stop();
    const all = [...this.inits, ...this.ctrs];
    all.forEach(keepStopTimers);
    for (const c of all) if (c.live && c.signalled) killBy(c, killAt);
    const fresh = all.filter((c) => c.live && !c.signalled);
    if (fresh.length) this.stop(fresh, this.pod.metadata?.deletionGracePeriodSeconds ?? this.graceSeconds());
    this.afterChange();
  }

  private graceSeconds(): number {
    return this.pod.spec?.terminationGracePeriodSeconds ?? 30;
  }

  private stop(cs: Ctr[], graceS: number, message?: string): void {
    const io = { killing: (c: Ctr, m: string) => this.event(c, 'Normal', 'Killing', m), hookTarget: (c: Ctr, ms: number) => this.hookTarget(c, ms) };
    stopContainers(cs, this.rt.clock.now(), graceS, io, message);
  }

  private allStopped(): boolean {
    return [...this.inits, ...this.ctrs].every((c) => !c.live);
  }

  private finishTermination(): void {
    if (this.finished) return;
    this.view.terminal = true;
    this.writeStatus();
    this.finished = true;
    if (this.timer !== undefined) this.rt.clock.cancel(this.timer);
    try {
      this.rt.ctx.api.delete('pods', this.ns, this.name, { gracePeriodSeconds: 0, preconditions: { uid: this.uid } });
    } catch {
      // Already gone.
    }
    this.rt.released(this.uid, this.ns, this.name, this.view.podIP);
  }

  // ---- probes ----

  private makeProber(): PodProber | undefined {
    const host = probeWiring(
      this.rt,
      this.pod,
      () => [...this.inits, ...this.ctrs],
      (name) => this.ctrs.find((c) => c.spec.name === name) ?? this.inits.find((c) => c.spec.name === name),
      (c, reason, message) => this.event(c, 'Warning', reason, message),
      (c, type, result) => this.probeResult(c, type, result),
      () => this.view.podIP,
    );
    return PodProber.forPod(host, this.pod, this.rt.startedAt ?? 0);
  }

  /** A probe's published result changed (the kubelet's results managers). */
  private probeResult(c: Ctr, type: 'Liveness' | 'Readiness' | 'Startup', result: 'success' | 'failure'): void {
    if (this.finished || this.terminating || !('running' in c.view.state) || c.signalled || c.probeKill) return;
    if (type === 'Readiness') c.view.ready = result === 'success' && c.view.started;
    else if (type === 'Startup' && result === 'success') {
      c.view.started = true;
      c.view.ready = !c.spec.readinessProbe && (!c.init || c.sidecar);
      this.prober?.startupSucceeded(c.spec.name, this.rt.clock.now());
      // A sidecar's start gates the containers after it.
      if (c.sidecar) this.sync();
    } else if (result === 'failure') this.killForProbe(c, type === 'Liveness' ? 'liveness' : 'startup');
    this.afterChange();
  }

  /** kuberuntime's kill for a failed liveness/startup probe: preStop, SIGTERM, the probe's grace (or the pod's), then SIGKILL. */
  private killForProbe(c: Ctr, which: 'liveness' | 'startup'): void {
    const restart = this.restartPolicy(c) !== 'Never';
    const probe = which === 'liveness' ? c.spec.livenessProbe : c.spec.startupProbe;
    c.probeKill = { previousExitAt: c.lastFinishedAt };
    keepStopTimers(c);
    this.stop([c], probe?.terminationGracePeriodSeconds ?? this.graceSeconds(), `Container ${c.spec.name} failed ${which} probe${restart ? ', will be restarted' : ''}`);
  }

  // ---- helpers ----

  /** What each running container uses now (the kubelet's resource endpoint reads it). */
  usage(): Array<{ name: string; startedAt: string; use: NonNullable<ProcessPlan['use']> }> {
    const out: Array<{ name: string; startedAt: string; use: NonNullable<ProcessPlan['use']> }> = [];
    for (const c of [...this.inits, ...this.ctrs]) {
      const st = c.view.state;
      if ('running' in st && c.plan?.use) out.push({ name: c.spec.name, startedAt: st.running.startedAt, use: c.plan.use });
    }
    return out;
  }

  get podKey(): { namespace: string; name: string } {
    return { namespace: this.ns, name: this.name };
  }

  private pullKey(c: Ctr): string {
    return `${this.uid}_${c.spec.image}`;
  }

  private event(c: Ctr, type: 'Normal' | 'Warning', reason: string, message: string): void {
    const kind = c.init ? 'initContainers' : 'containers';
    this.rt.record(this.pod as unknown as KObject, type, reason, message, `spec.${kind}{${c.spec.name}}`);
  }

  private writeStatus(): void {
    const latest = this.rt.ctx.api.tryGet('pods', this.ns, this.name) as unknown as Pod | undefined;
    if (!latest || latest.metadata?.uid !== this.uid) return;
    const status = buildPodStatus(latest, this.view, this.rt.clock.timestamp());
    if (this.lastStatus !== undefined && sameJson(status, this.lastStatus)) return;
    this.lastStatus = status;
    this.rt.ctx.api.updateStatus('pods', this.ns, { ...(latest as unknown as KObject), status });
    if (status.phase === 'Succeeded' || status.phase === 'Failed') this.rt.podTerminal(this.ns, this.name);
  }
}

export type { TerminatedState };
