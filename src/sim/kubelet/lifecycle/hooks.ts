/**
 * Container lifecycle hooks (postStart, preStop) as the kubelet's handler runner runs them
 * (pkg/kubelet/lifecycle/handlers.go, 1.32): exec inside the container, httpGet against the
 * pod's IP, or sleep (PodLifecycleSleepAction, beta and on in 1.32). A hook is a pure
 * computation here: how long it takes and, if it fails, the runner's message.
 */
import type { Container, LifecycleHandler } from 'kubernetes-types/core/v1';
import type { ProcessPlan } from '../container-process';

/** Where a hook runs: the container's process, started at `startedAt`, hooked at `at`. */
export interface HookTarget {
  container: Container;
  plan: ProcessPlan;
  startedAt: number;
  at: number;
  /** `name_namespace(uid)`, kubelet's format.Pod. */
  podRef: string;
  podIP?: string;
  /** Ports the pod's running containers listen on (one network namespace), this one's included. */
  podPorts: ReadonlySet<number>;
  /** Gives up after this long (preStop: the grace period; postStart: never, bounded here). */
  timeoutMs: number;
  /** A fresh exec session id (containerd names each exec). */
  execId: () => string;
}

export interface HookOutcome {
  ok: boolean;
  tookMs: number;
  /** The handler runner's message on failure (handlers.go Run). */
  message?: string;
  /**
   * Still running when its time was up: a preStop the kubelet stops waiting for (no event), a
   * postStart that never returns (the container stays ContainerCreating).
   */
  hung?: boolean;
}

/** How far a postStart hook is replayed: one still running then never returns (SyncPod waits on). */
export const HOOK_BOUND_MS = 10 * 60 * 1000;

export function runHook(handler: LifecycleHandler, t: HookTarget): HookOutcome {
  const pod = JSON.stringify(t.podRef);
  const container = JSON.stringify(t.container.name);
  if (handler.exec) {
    const command = handler.exec.command ?? [];
    const r = t.plan.exec(command, t.startedAt, t.at, t.timeoutMs);
    const fail = (err: string, output: string, tookMs: number): HookOutcome => ({
      ok: false,
      tookMs,
      message: `Exec lifecycle hook ([${command.join(' ')}]) for Container ${container} in Pod ${pod} failed - error: ${err}, message: ${JSON.stringify(output)}`,
    });
    // containerd's ExecSync answers a missing executable with an error, not an exit code.
    if (r.startError) return fail(`rpc error: code = Unknown desc = failed to exec in container: failed to start exec "${t.execId()}": ${r.startError}`, '', 0);
    if (r.code === undefined) return { ok: false, tookMs: t.timeoutMs, hung: true };
    // remote runtime ExecSync: CodeExitError "command '%s' exited with %d: %s" (stderr).
    if (r.code !== 0) return fail(`command '${command.join(' ')}' exited with ${r.code}: ${r.stderr}`, r.stdout + r.stderr, r.tookMs);
    return { ok: true, tookMs: r.tookMs };
  }
  if (handler.httpGet) {
    const g = handler.httpGet;
    const port = resolvePort(g.port, t.container);
    const host = g.host || t.podIP || '';
    const path = g.path ?? '';
    const url = `${(g.scheme ?? 'HTTP').toLowerCase()}://${host}:${port}${path.startsWith('/') || !path ? path : `/${path}`}`;
    // Any answer will do: only a transport error fails an HTTP hook (handlers.go runHTTPHandler).
    if (port !== undefined && t.podPorts.has(port)) return { ok: true, tookMs: 1 };
    return {
      ok: false,
      tookMs: 1,
      message: `HTTP lifecycle hook (${path}) for Container ${container} in Pod ${pod} failed - error: Get ${JSON.stringify(url)}: dial tcp ${host}:${port ?? 0}: connect: connection refused`,
    };
  }
  if (handler.sleep) {
    const ms = handler.sleep.seconds * 1000;
    return ms <= t.timeoutMs ? { ok: true, tookMs: ms } : { ok: false, tookMs: t.timeoutMs, hung: true };
  }
  return { ok: false, tookMs: 0, message: 'Cannot run handler: invalid handler' };
}

/** A numeric port, or the container port of that name. */
function resolvePort(port: number | string, container: Container): number | undefined {
  if (typeof port === 'number') return port;
  if (/^\d+$/.test(port)) return Number(port);
  return container.ports?.find((p) => p.name === port)?.containerPort;
}
