/**
 * One pod on one node, as the kubelet runs it: sandbox, init containers one at a time, image
 * pulls (serialized per node), container starts, exits, restarts with CrashLoopBackOff,
 * graceful termination, and status writes only when something changed. Every transition is a
 * timer at the virtual instant it happens; nothing polls. The steps themselves live in
 * ./lifecycle, ./probes and ./exec; this is the timer loop and the decisions that tie them.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { KObject } from '../core/object';
import type { ImageInfo, RegistryCredential } from '../images';
import type { PodView, TerminatedState } from './pod-status';
import { StatusWriter } from './status-writer';
import { resumeView } from './node-restart';
import type { NodeRuntime } from './runtime';
import type { HookTarget } from './lifecycle/hooks';
import { keepStopTimers, killBy, stopContainers } from './lifecycle/stop';
import { toStart } from './lifecycle/init-order';
import { ensureImage, pulled, pullFailed, type PullIO } from './lifecycle/image-pull';
import { pullCredentials } from './lifecycle/pull-secrets';
import { heldPorts, markRunning, podFacts, startContainer } from './lifecycle/start';
import type { PodFacts } from './container-env';
import { backOff, closeInstance, markExited, PLEG_MS, showHookFailure } from './lifecycle/restart';
import { takeNewImage } from './lifecycle/spec-change';
import { makeCtr, restartPolicy, usageOf, type Action, type ContainerUsage, type Ctr } from './container-record';
import { PodFiles } from '../fs/pod-files';
import { PodVolumeManager, type VolumeOwner } from './lifecycle/volume-manager';
import type { InsideSignals } from './lifecycle/container-instance';
import { volumeSources } from './volume-sources';
import type { PodSandbox } from './exec/sandbox';
import { podWorld } from './live-process';
import { exitFromInside, stopFromInside, type InsideIO } from './exec/stop-from-inside';
import { PodProber } from './probes/pod-prober';
import { probeWiring } from './probes/wiring';
import { applyProbeResult, probeKill } from './probes/result-change';
import type { ProbeType } from './probes/outcome';
import type { Result } from './probes/probe-worker';

export class PodWorker implements VolumeOwner, InsideSignals<Ctr> {
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
  private status: StatusWriter;
  /** Volumes and writable layers. */
  private readonly files: PodFiles;
  /** Mounts before the sandbox, rewrites after changes, the emptyDir limit check. */
  private readonly volumes: PodVolumeManager;
  /** The pod's probe workers (none when no container has a probe). */
  private prober: PodProber | undefined;
  private handledDeletion: string | undefined;

  constructor(private readonly rt: NodeRuntime, obj: KObject, stoppedAt?: string) {
    this.pod = obj as unknown as Pod;
    this.uid = obj.metadata.uid!;
    this.ns = obj.metadata.namespace!;
    this.name = obj.metadata.name!;
    this.status = new StatusWriter(rt, this.ns, this.name, this.uid);
    const spec = this.pod.spec!;
    // Every container waits as PodInitializing while a pod has init containers (kubelet_pods.go).
    const waiting = spec.initContainers?.length ? 'PodInitializing' : 'ContainerCreating';
    this.inits = (spec.initContainers ?? []).map((c) => makeCtr(c, true, waiting));
    this.ctrs = spec.containers.map((c) => makeCtr(c, false, waiting));
    const facts = this.factsReader();
    this.files = new PodFiles(this.pod, facts, volumeSources(rt, this, facts));
    this.volumes = new PodVolumeManager(this.files, this.uid, rt, this);
    this.view = { sandboxReady: false, hostIP: rt.node.internalIP, startTime: rt.now(), initContainers: this.inits.map((c) => c.view), containers: this.ctrs.map((c) => c.view), terminal: false };
    if (stoppedAt) resumeView(this.view, obj, stoppedAt);
  }

  /** What the pod's files read of the node and network, as of each call (made here: a closure in the constructor would keep its whole scope). */
  private factsReader(): () => PodFacts {
    return () => podFacts(this.rt, this.view.podIP);
  }

  /** Called once the kubelet has registered the worker (status writes echo back through it). */
  start(): void {
    this.tryMount();
    this.prober = this.makeProber();
    this.schedule();
    this.writeStatus();
  }

  /** Latest object from the watch. */
  update(obj: KObject): void {
    if (this.finished) return;
    const before = this.pod;
    this.pod = obj as unknown as Pod;
    this.volumes.podChanged(before, this.pod);
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

  /**
   * A static pod's mirror was replaced (./static-pods.ts): the containers keep running and their
   * status goes to the new mirror. Internal keys keep the first mirror's uid.
   */
  rebind(obj: KObject): void {
    this.pod = obj as unknown as Pod;
    this.handledDeletion = undefined;
    this.status = new StatusWriter(this.rt, this.ns, this.name, obj.metadata.uid!);
    this.writeStatus();
  }

  /** A ConfigMap or Secret changed: a volume that reads it is rewritten at the pod's next sync. */
  configChanged(kind: 'configMap' | 'secret', name: string): void {
    this.volumes.configChanged(kind, name);
  }

  /** The pod left the store (force delete): stop everything quietly. */
  gone(): void {
    this.finished = true;
    this.prober?.stop();
    this.volumes.stop();
    if (this.timer !== undefined) this.rt.clock.cancel(this.timer);
    this.rt.released(this.uid, this.ns, this.name, this.view.podIP);
  }

  // ---- the timer loop ----

  private all(): Ctr[] {
    return [...this.inits, ...this.ctrs];
  }

  private schedule(): void {
    if (this.finished) return;
    let next = this.sandboxAt ?? (this.terminating ? undefined : this.volumes.nextAttempt) ?? Infinity;
    for (const c of this.all()) for (const a of c.actions) next = Math.min(next, a.at);
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
    const retry = this.volumes.nextAttempt;
    if (!this.terminating && retry !== undefined && retry <= now) this.tryMount();
    if (this.sandboxAt !== undefined && this.sandboxAt <= now) {
      this.sandboxAt = undefined;
      this.view.sandboxReady = true;
      this.view.podIP = this.pod.spec?.hostNetwork ? this.rt.node.internalIP : this.rt.allocateIP();
    }
    for (;;) {
      let due: { c: Ctr; a: Action } | undefined;
      for (const c of this.all()) {
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
    if (this.terminating && this.all().every((c) => !c.live)) return this.finishTermination();
    this.schedule();
    this.writeStatus();
  }

  private run(c: Ctr, a: Action): void {
    switch (a.kind) {
      case 'pulled':
        pulled(c, a, this.pullIO(c));
        return this.startContainer(c, a.image);
      case 'pullFailed':
        return pullFailed(c, a, this.pullIO(c));
      case 'exit':
        return this.exited(c, a.code, a.reason);
      case 'restart':
        if (c.probeKill) {
          // No back-off from the killed instance: kuberuntime's doBackOff saw it running.
          const previous = c.probeKill.previousExitAt;
          c.probeKill = undefined;
          if (previous === undefined || !this.backOff(c, previous)) this.tryStart(c);
          return;
        }
        if (!this.backOff(c)) this.tryStart(c);
        return;
      case 'retryPull':
      case 'retryStart':
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

  // ---- volumes, then the sandbox ----

  /** WaitForAttachAndMount: the sandbox is made once every volume is set up. */
  private tryMount(): void {
    if (this.volumes.mount()) this.sandboxAt = this.rt.clock.now() + this.rt.sandboxDelay();
  }

  currentPod(): Pod {
    return this.pod;
  }

  runsPod(): boolean {
    return !this.finished && !this.terminating && !this.done;
  }

  /** evictPod: the Evicted event, the pod Failed with the reason, its containers killed at once. */
  evict(message: string): void {
    this.rt.record(this.pod as unknown as KObject, 'Warning', 'Evicted', message);
    Object.assign(this.view, { forcedPhase: 'Failed', reason: 'Evicted', message });
    this.done = true;
    this.prober?.stop();
    this.stop(this.all().filter((c) => c.live && !c.signalled), 0);
    this.afterChange();
  }

  // ---- starting containers ----

  /** Level-triggered: start whatever may start now, in kubelet order. */
  private sync(): void {
    if (this.terminating || this.done || !this.view.sandboxReady) return;
    for (const c of toStart(this.inits, this.ctrs)) this.tryStart(c);
  }

  private tryStart(c: Ctr): void {
    if (this.terminating) return;
    const image = ensureImage(c, this.pullIO(c));
    if (image) this.startContainer(c, image);
  }

  private startContainer(c: Ctr, image: ImageInfo): void {
    const started = startContainer(c, image, {
      rt: this.rt,
      pod: this.pod,
      files: () => this.files,
      facts: () => podFacts(this.rt, this.view.podIP),
      world: (startedAt) => podWorld(this.rt, this.sandbox(), startedAt),
      heldPorts: (self) => heldPorts(self, this.all()),
      hookTarget: (self, ms) => this.hookTarget(self, ms),
      event: (self, type, reason, message) => this.event(self, type, reason, message),
      podEvent: (type, reason, message) => this.rt.record(this.pod as unknown as KObject, type, reason, message),
      signals: this,
    });
    if (started === 'startError') return this.afterExit(c, 128);
    if (started === 'running') return this.running(c);
  }

  /** `kill 1` from inside `c` (InsideSignals). */
  stopFromInside(c: Ctr, fromPid: number): void {
    stopFromInside(c, fromPid, this.insideIO());
  }

  /** `c`'s main process ended by itself (InsideSignals). */
  exitFromInside(c: Ctr, code: number): void {
    exitFromInside(c, code, this.insideIO());
  }

  private insideIO(): InsideIO {
    return { clock: this.rt.clock, actor: this.rt.actor, finished: () => this.finished, changed: () => this.afterChange() };
  }

  private running(c: Ctr): void {
    const now = this.rt.clock.now();
    markRunning(c, now, () => this.prober?.containerStarted(c.spec.name, now));
  }

  private hookTarget(c: Ctr, timeoutMs: number): HookTarget {
    const podPorts = new Set([...heldPorts(c, this.all()), ...(c.plan?.ports ?? [])]);
    return { container: c.spec, plan: c.plan!, startedAt: c.startedAtMs!, at: this.rt.clock.now(), podRef: this.podRef(), podIP: this.view.podIP, podPorts, timeoutMs, execId: () => this.rt.containerId() };
  }

  // ---- exits and restarts ----

  private exited(c: Ctr, code: number, reason?: string): void {
    if (!c.live) return;
    c.live = false;
    const containerID = c.view.containerID!;
    markExited(c, code, reason, this.rt.clock.timestamp());
    this.prober?.changed(c.spec.name);
    closeInstance(c, this.rt, this.ns, this.name, containerID);
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
    const policy = restartPolicy(this.pod.spec?.restartPolicy, c);
    if (c.probeKill) {
      // The sync that killed it starts it again (computePodActions' ContainersToStart).
      if (policy !== 'Never') {
        c.actions.push({ kind: 'restart', at: this.rt.clock.now() });
        return;
      }
      c.probeKill = undefined;
    }
    const restart = !this.done && (policy === 'Always' || (policy === 'OnFailure' && code !== 0));
    if (restart) c.actions.push({ kind: 'restart', at: this.rt.clock.now() + PLEG_MS });
    if (restart && c.hookFailure !== undefined) showHookFailure(c);
    c.hookFailure = undefined;
    if (!restart && !c.init) this.stopSidecarsIfDone();
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

  private backOff(c: Ctr, finished = c.lastFinishedAt ?? this.rt.clock.now()): boolean {
    const io = { rt: this.rt, podRef: this.podRef(), key: `${this.uid}/${c.spec.name}`, event: this.eventOn(c) };
    return backOff(c, finished, io);
  }

  // ---- exec ----

  /** The pod as exec and the pod network see it. */
  sandbox(): PodSandbox {
    return { pod: this.pod, podIP: this.view.podIP, running: () => this.all().flatMap((c) => (c.instance ? [c.instance] : [])) };
  }

  /** `kubectl set image` on a pod: the kubelet replaces containers whose image changed. */
  private applySpecChanges(): void {
    const now = this.rt.clock.now();
    const specs = [...(this.pod.spec?.initContainers ?? []), ...(this.pod.spec?.containers ?? [])];
    for (const c of this.all()) {
      if (takeNewImage(c, specs.find((s) => s.name === c.spec.name), now)) this.stop([c], this.graceSeconds(), `Container ${c.spec.name} definition changed, will be restarted`);
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
    const all = this.all();
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
    const host = () => probeWiring(
      this.rt,
      this.pod,
      () => this.all(),
      (name) => this.ctrs.find((c) => c.spec.name === name) ?? this.inits.find((c) => c.spec.name === name),
      (c, reason, message) => this.event(c, 'Warning', reason, message),
      (c, type, result) => this.probeResult(c, type, result),
      () => this.view.podIP,
    );
    return PodProber.forPod(host, this.pod, this.rt.startedAt ?? 0);
  }

  /** A probe's published result changed (the kubelet's results managers). */
  private probeResult(c: Ctr, type: ProbeType, result: Result): void {
    if (this.finished || this.terminating || !('running' in c.view.state) || c.signalled || c.probeKill) return;
    const verdict = applyProbeResult(c, type, result);
    if (verdict === 'started') {
      this.prober?.startupSucceeded(c.spec.name, this.rt.clock.now());
      // A sidecar's start gates the containers after it.
      if (c.sidecar) this.sync();
    } else if (verdict === 'kill') {
      const kill = probeKill(c, type, restartPolicy(this.pod.spec?.restartPolicy, c) !== 'Never', this.graceSeconds());
      c.probeKill = { previousExitAt: c.lastFinishedAt };
      keepStopTimers(c);
      this.stop([c], kill.graceS, kill.message);
    }
    this.afterChange();
  }

  // ---- helpers ----

  /** What each running container uses now (the kubelet's resource endpoint reads it). */
  usage(): ContainerUsage[] {
    return this.volumes.withMemoryCharges(usageOf(this.all()), this.all().filter((c) => c.live).map((c) => c.spec));
  }

  get podKey(): { namespace: string; name: string } {
    return { namespace: this.ns, name: this.name };
  }

  /** `name_namespace(uid)`, kubelet's format.Pod. */
  private podRef(): string {
    return `${this.name}_${this.ns}(${this.uid})`;
  }

  private pullIO(c: Ctr): PullIO {
    return { rt: this.rt, key: `${this.uid}_${c.spec.image}`, event: this.eventOn(c), credentials: this.credentialsReader() };
  }

  /** The pod's pull secrets, read when a pull starts (most syncs pull nothing). */
  private credentialsReader(): () => RegistryCredential[] {
    return () => pullCredentials(this.pod, this.rt, (type, reason, message) => this.rt.record(this.pod as unknown as KObject, type, reason, message));
  }

  private eventOn(c: Ctr): (type: 'Normal' | 'Warning', reason: string, message: string) => void {
    return (type, reason, message) => this.event(c, type, reason, message);
  }

  private event(c: Ctr, type: 'Normal' | 'Warning', reason: string, message: string): void {
    const kind = c.init ? 'initContainers' : 'containers';
    this.rt.record(this.pod as unknown as KObject, type, reason, message, `spec.${kind}{${c.spec.name}}`);
  }

  private writeStatus(): void {
    this.status.write(this.view);
  }
}

export type { TerminatedState };
