/**
 * Starting one container instance (kuberuntime startContainer): the process plan, the Created
 * and Started events, the instance exec reaches, its log, and the postStart hook the status
 * waits for before it says Running.
 */
import type { Container, Pod, Service } from 'kubernetes-types/core/v1';
import type { ImageInfo, ImageRef } from '../../images';
import type { PodFiles } from '../../fs/pod-files';
import { nodeFilesOf } from '../../fs/node-files';
import { nodeVolumeFacts, type NodeVolumeFacts } from '../../fs/node-volumes';
import type { PodFacts } from '../container-env';
import { planProcess, type ProcessPlan } from '../container-process';
import { keepLive, type ProcessWorld } from '../live-process';
import type { RunningContainer } from '../exec/sandbox';
import { EPHEMERAL_STORAGE_BYTES } from '../node-object';
import type { ContainerView } from '../pod-status';
import type { NodeRuntime } from '../runtime';
import { HOOK_BOUND_MS, runHook, type HookTarget } from './hooks';
import type { ExitAction } from './stop';
import { containerConfig } from './container-config';
import { ContainerInstance, InstanceLog, type InsideSignals } from './container-instance';

export type PostStartedAction = { kind: 'postStarted'; at: number; ok: boolean; message?: string };

/** What starting needs of a worker's container. */
export interface Startable {
  spec: Container;
  init: boolean;
  sidecar: boolean;
  view: ContainerView;
  ref?: ImageRef;
  plan?: ProcessPlan;
  everStarted: boolean;
  live?: boolean;
  startedAtMs?: number;
  startedAtTs?: string;
  signalled?: boolean;
  stoppedAt?: number;
  instance?: RunningContainer;
  actions: Array<PostStartedAction | ExitAction | { kind: string; at: number }>;
}

export interface StartIO<C> {
  rt: NodeRuntime;
  pod: Pod;
  /** The pod's volumes and writable layers, made at its first container start. */
  files(): PodFiles;
  facts(): PodFacts;
  /** The world a main process may talk to (the pod's network), once the cluster has one. */
  world?(startedAt: number): ProcessWorld | undefined;
  heldPorts(c: C): Set<number>;
  hookTarget(c: C, timeoutMs: number): HookTarget;
  event(c: C, type: 'Normal' | 'Warning', reason: string, message: string): void;
  /** An event on the pod (InvalidEnvironmentVariableNames names no container). */
  podEvent(type: 'Normal' | 'Warning', reason: string, message: string): void;
  /** Kept by the instance for as long as the container lives. */
  signals: InsideSignals<C>;
}

/**
 * Starts a new instance of `c` from `image`: 'configError' when its ConfigMaps or Secrets are
 * missing (nothing was created; a retry is due), 'startError' when it could not start (it
 * exited 128), 'postStart' when its hook runs (a postStarted timer follows), else 'running'.
 */
export function startContainer<C extends Startable>(c: C, image: ImageInfo, io: StartIO<C>): 'configError' | 'startError' | 'postStart' | 'running' {
  const { rt, pod } = io;
  const envRefs = containerConfig(c, { rt, pod, event: (type, reason, message) => io.event(c, type, reason, message), podEvent: io.podEvent });
  if (!envRefs) return 'configError';
  const ns = pod.metadata!.namespace!;
  const name = pod.metadata!.name!;
  const now = rt.clock.now();
  const ts = rt.clock.timestamp();
  const containerID = `containerd://${rt.containerId()}`;
  const files = io.files().start(c.spec, image, now);
  const world = io.world?.(now);
  const plan = planProcess(pod, c.spec, image, { ...io.facts(), envRefs }, io.heldPorts(c), files, world);
  if (c.everStarted) c.view.restartCount++;
  if ('terminated' in c.view.state) c.view.lastState = c.view.state.terminated;
  c.everStarted = true;
  c.plan = plan;
  c.signalled = false;
  c.stoppedAt = undefined;
  c.view.image = c.ref!.normalized.replace(/@sha256:.*$/, '') || c.ref!.normalized;
  c.view.imageID = `${image.repository}@${image.digest}`;
  c.view.containerID = containerID;
  io.event(c, 'Normal', 'Created', `Created container ${c.spec.name}`);
  if (plan.startError) {
    io.event(c, 'Warning', 'Failed', `Error: ${plan.startError}`);
    c.view.state = { terminated: { exitCode: 128, reason: 'StartError', message: plan.startError, startedAt: '1970-01-01T00:00:00Z', finishedAt: ts, containerID } };
    c.view.started = false;
    return 'startError';
  }
  io.event(c, 'Normal', 'Started', `Started container ${c.spec.name}`);
  c.live = true;
  c.startedAtMs = now;
  c.startedAtTs = ts;
  const instance = (c.instance = new ContainerInstance(c, image, files, now, containerID, io.signals));
  rt.logs.add(ns, name, c.spec.name, new InstanceLog(c, instance, containerID));
  // It goes on while the container runs (a shell as PID 1 ignores SIGTERM: until the kill).
  if (plan.live && world && plan.exitAfterMs === undefined) keepInstanceLive(rt, c, instance, plan.live, world);
  const hook = c.spec.lifecycle?.postStart;
  if (!hook) return 'running';
  // The status says Waiting until the hook returns: SyncPod is blocked in it.
  const out = runHook(hook, io.hookTarget(c, HOOK_BOUND_MS));
  c.actions.push({ kind: 'postStarted', at: out.hung ? Infinity : now + out.tookMs, ok: out.ok, message: out.message });
  return 'postStart';
}

/** Made in a function of its own: a closure keeps its whole scope, and startContainer's holds `io` and the pod as it was. */
function keepInstanceLive(rt: NodeRuntime, c: Startable, instance: RunningContainer, live: NonNullable<ProcessPlan['live']>, world: ProcessWorld): void {
  keepLive(live, world, (at, wake) => rt.clock.at(at, wake, rt.actor), () => c.instance === instance && !!c.live, (code) => instance.exitMain(code));
}

/** The container's start (and postStart hook) is done: the status says Running; `started` tells the prober. */
export function markRunning(c: Startable, now: number, started: () => void): void {
  const plan = c.plan!;
  c.view.state = { running: { startedAt: c.startedAtTs! } };
  // A startup probe holds `started` (and so readiness) until it succeeds; a readiness probe holds `ready`.
  c.view.started = !c.spec.startupProbe;
  c.view.ready = c.view.started && !c.spec.readinessProbe && (!c.init || c.sidecar);
  started();
  if (plan.exitAfterMs !== undefined) c.actions.push({ kind: 'exit', at: Math.max(now, c.startedAtMs! + plan.exitAfterMs), code: plan.exitCode ?? 0, reason: plan.exitReason });
}

/** Ports the pod's other running containers listen on: the pod has one network namespace. */
export function heldPorts(self: Startable, all: Startable[]): Set<number> {
  const held = new Set<number>();
  for (const c of all) {
    if (c !== self && 'running' in c.view.state) for (const p of c.plan?.ports ?? []) held.add(p);
  }
  return held;
}

/** What the container's environment needs beyond the spec, as of now. */
/** The node's files and claims as this kubelet sees them: one view per kubelet, made once. */
const NODE_VOLUMES = new WeakMap<NodeRuntime, NodeVolumeFacts>();
function nodeVolumesOf(rt: NodeRuntime): NodeVolumeFacts {
  let v = NODE_VOLUMES.get(rt);
  if (!v) NODE_VOLUMES.set(rt, (v = nodeVolumeFacts(nodeFilesOf(rt.ctx), rt.node.name, () => rt.clock.now(), (r, ns, n) => rt.ctx.store.get(r, ns, n))));
  return v;
}

export function podFacts(rt: NodeRuntime, podIP: string | undefined): PodFacts {
  const node = rt.node;
  return {
    podIPs: podIP ? [podIP] : [],
    hostIPs: [node.internalIP],
    allocatable: { cpuMillis: node.cpuMillis, memoryBytes: node.memoryBytes, ephemeralBytes: EPHEMERAL_STORAGE_BYTES },
    services: rt.ctx.store.list('services') as unknown as Service[],
    node: nodeVolumesOf(rt),
  };
}
