/**
 * Turns a container spec + its image into the process the runtime would start: the argv
 * (command/args over ENTRYPOINT/CMD, with `$(VAR)` expansion), its environment, and a plan:
 * when it exits (if ever), how it reacts to SIGTERM, and its output over time.
 */
import type { Container, Pod } from 'kubernetes-types/core/v1';
import type { ImageInfo, PortInUse, ServerBehaviour } from '../images';
import { runProcess, type OutputLine, type ProcessContext, type ShellFlavor } from '../../shell/evaluate';
import type { System } from '../../shell/program';
import type { ShellProgram } from '../../shell/interpreter';
import { PodFiles, type ContainerFiles } from '../fs/pod-files';
import type { LogLine } from './logs';
import { kubeletEnv, type PodFacts } from './container-env';
import { expand } from './expansion';
import { DAY_NAMES, MONTH_NAMES, pad, utcParts } from '../core/utc';
import { applyLimits } from '../metrics/limits';
import { SHELLS } from './exec/prompt';
import { QUIET, type ResourceUse } from '../metrics/usage';
import type { Workload } from '../images';
import { LiveProcess, usesNetwork, type ProcessWorld } from './live-process';

export interface ProcessPlan {
  /** Set when the runtime cannot start it (containerd StartError, exit code 128). */
  startError?: string;
  /** ms after start when it exits by itself; undefined = runs until stopped. */
  exitAfterMs?: number;
  exitCode?: number;
  /** The runtime's reason for that exit when it is not the process's own (`OOMKilled`). */
  exitReason?: string;
  /** What it uses while it runs, after its limits (metrics). */
  use?: ResourceUse;
  /** Reaction to SIGTERM: exit after this long with this code, or ignore it (PID 1 shell). */
  onSigterm: { afterMs: number; code: number } | 'ignore';
  /** Output between start and `untilAbs` (virtual ms); `stoppedBy`: the PID whose SIGTERM stopped it. */
  lines(startedAt: number, untilAbs: number, stoppedAt?: number, stoppedBy?: number): LogLine[];
  /** The server the process is, if any (probes and ports, later). */
  server?: ServerBehaviour;
  /** The ports that server listens on. */
  ports?: number[];
  /**
   * A shell reading the container's open stdin (`stdin: true`, as `kubectl run -it … -- sh` makes
   * it): it waits for what an attached terminal types, and ends when that says `exit` (./exec/attach.ts).
   */
  readsStdin?: boolean;
  /**
   * Runs `argv` inside the running container at `atAbs` (exec probes, `kubectl exec`): it sees
   * the files the main process has left by then. `timeoutMs` bounds a command that never ends.
   */
  exec(argv: string[], startedAt: number, atAbs: number, timeoutMs: number, runtime?: ExecRuntime): ExecResult;
  /** A process that talks to the network, run on the cluster's clock (./live-process.ts): the kubelet keeps it going. */
  live?: LiveProcess;
}

/** What the container runtime lends a command run inside (ps, kill, wget…): see ./exec/. */
export interface ExecRuntime {
  programs?: ReadonlyMap<string, ShellProgram>;
  sys?: System;
  /** The working directory (an interactive shell's, after `cd`). */
  cwd?: string;
}

/** What a command run inside a container did. */
export interface ExecResult {
  /** containerd's error when the program cannot start (no such executable). */
  startError?: string;
  stdout: string;
  stderr: string;
  /** Exit code; undefined when it was still running at the timeout. */
  code?: number;
  /** How long it ran (virtual ms). */
  tookMs: number;
  /** The output as it came, with offsets from the start (streamed by `kubectl exec`). */
  lines?: OutputLine[];
}

const WRAPPERS = new Set(['docker-entrypoint.sh', '/docker-entrypoint.sh', '/usr/local/bin/docker-entrypoint.sh', '/bin/entrypoint.sh', '/entrypoint.sh', '/run.sh']);

/** Facts for a pod that is not running on a kubelet (unit tests): no IPs, no services. */
export const NO_FACTS: PodFacts = { podIPs: [], hostIPs: [], allocatable: { cpuMillis: 0, memoryBytes: 0, ephemeralBytes: 0 }, services: [] };

/**
 * The environment of a container, in the order `printenv` shows it: the image's variables and
 * HOSTNAME (set by the runtime), the kubelet's (container-env.ts), then the image's HOME.
 */
export function containerEnv(pod: Pod, container: Container, image: ImageInfo, kubelet: Record<string, string> = kubeletEnv(pod, container, NO_FACTS)): Record<string, string> {
  const env: Record<string, string> = {};
  env.PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
  env.HOSTNAME = pod.spec?.hostname ?? pod.metadata?.name ?? '';
  Object.assign(env, kubelet);
  if (image.server && !image.opaque && image.repository.endsWith('/nginx')) {
    env.NGINX_VERSION = image.version;
    env.NJS_VERSION = '0.8.7';
    env.PKG_RELEASE = '1~bookworm';
  }
  env.HOME = '/root';
  return env;
}

/** Command and args with `$(VAR)` expanded against the kubelet's variables only, as kuberuntime does. */
export function resolveArgv(container: Container, image: ImageInfo, kubelet: Record<string, string>): string[] {
  const command = container.command?.length ? container.command.map((a) => expand(a, kubelet)) : undefined;
  const args = container.args?.length ? container.args.map((a) => expand(a, kubelet)) : undefined;
  if (command) return [...command, ...(args ?? [])];
  return [...image.entrypoint, ...(args ?? image.cmd)];
}

function flavorOf(image: ImageInfo): ShellFlavor {
  return image.binaries.has('dash') ? 'dash' : 'busybox';
}

/**
 * `facts`: what the kubelet knows of the pod beyond its spec (IPs, node, services) for the
 * environment; `held`: ports other running containers of the pod listen on (one network namespace);
 * `files`: the instance's files (../fs/pod-files.ts; a pod of its own when not given).
 */
export function planProcess(pod: Pod, container: Container, image: ImageInfo, facts: PodFacts = NO_FACTS, held: ReadonlySet<number> = new Set(), files?: ContainerFiles, world?: ProcessWorld): ProcessPlan {
  const plan = planUnlimited(pod, container, image, facts, held, files, world);
  if (plan.startError) return plan;
  // A server uses what its image says it uses at rest; a shell command next to nothing.
  return withLimits(plan, plan.use ?? (plan.server ? image.idle : undefined) ?? QUIET, container, plan.memoryRampPerSec);
}

/** How fast an app that says nothing else grows to its working set as it starts (bytes per second). */
const STARTUP_RAMP_PER_SEC = 256 * 1024 * 1024;

/** The plan once the container's limits apply: CPU throttled, an OOM kill when memory reaches its limit. */
function withLimits(plan: ProcessPlan & { memoryRampPerSec?: number }, wants: ResourceUse, container: Container, ramp?: number): ProcessPlan {
  const limited = applyLimits(wants, container, ramp ?? STARTUP_RAMP_PER_SEC);
  const oom = limited.oomAfterMs !== undefined && (plan.exitAfterMs === undefined || limited.oomAfterMs < plan.exitAfterMs);
  // The plan is this start's own: set its use in place (every pod start comes through here).
  if (!oom) return Object.assign(plan, { use: limited.use });
  const { memoryRampPerSec: _ramp, ...rest } = plan;
  const at = limited.oomAfterMs!;
  return { ...rest, use: limited.use, exitAfterMs: at, exitCode: 137, exitReason: 'OOMKilled', lines: (startedAt, untilAbs, stoppedAt) => plan.lines(startedAt, Math.min(untilAbs, startedAt + at), stoppedAt) };
}

/** A workload program (`stress`): its lines, what it asks for, and its own exit. */
function workloadPlan(w: Workload): Omit<ProcessPlan, 'exec'> & { memoryRampPerSec?: number } {
  return {
    exitAfterMs: w.exit?.afterMs,
    exitCode: w.exit?.code,
    onSigterm: w.onSigterm,
    use: w.wants,
    memoryRampPerSec: w.memoryRampPerSec,
    lines: (startedAt, untilAbs, stoppedAt) => {
      const end = Math.min(untilAbs, stoppedAt ?? Infinity);
      return w.lines.filter(([offset]) => startedAt + offset <= end).map(([offset, text]) => ({ at: startedAt + offset, text: renderTs(text, startedAt + offset, w.timestampStyle ?? 'glog') }));
    },
  };
}

function planUnlimited(pod: Pod, container: Container, image: ImageInfo, facts: PodFacts, held: ReadonlySet<number>, files?: ContainerFiles, world?: ProcessWorld): ProcessPlan & { memoryRampPerSec?: number } {
  const kubelet = kubeletEnv(pod, container, facts);
  const env = containerEnv(pod, container, image, kubelet);
  let argv = resolveArgv(container, image, kubelet);
  const ctx: ProcessContext = { env, startedAt: 0, binaries: image.binaries, flavor: flavorOf(image), hostname: env.HOSTNAME, busybox: image.repository.endsWith('/busybox') ? image.version : undefined };
  const own = files ?? new PodFiles(pod).start(container, image);
  const exec = execFor(ctx, own);
  if (argv.length === 0) return { startError: 'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: no command: unknown', onSigterm: 'ignore', lines: () => [], exec };
  // An image we cannot know runs its app for any program outside its userland.
  const app = image.opaque === true && !image.binaries.has(basename(argv[0]));
  if (!app && !executableExists(argv[0], image.binaries) && !WRAPPERS.has(argv[0])) {
    return { startError: executableNotFoundMessage(argv[0]), onSigterm: 'ignore', lines: () => [], exec };
  }
  let wrapped = false;
  // Init wrappers as PID 1 (tini, ingress-nginx's dumb-init) run the program after them.
  if (argv[0] === 'tini' || basename(argv[0]) === 'dumb-init') argv = argv.slice(argv[1] === '--' ? 2 : 1);
  if (WRAPPERS.has(argv[0]) && argv.length > 1) {
    argv = argv.slice(1);
    wrapped = true;
    // The entrypoint script's `if [ "${1#-}" != "$1" ]; then set -- curl "$@"; fi`.
    if (argv[0].startsWith('-') && image.dashArgsRun) argv = [image.dashArgsRun, ...argv];
  }
  const workload = image.workload?.(argv, image.version);
  if (workload) return { ...workloadPlan(workload), exec };
  const networkProgram = world ? image.networkProgram?.(argv, image.version) : undefined;
  if (networkProgram) {
    const plan = livePlan(new LiveProcess(argv, { ...ctx, files: own.initial() }, own, world!, new Map([[basename(argv[0]), networkProgram]])), own, world!.startedAt, exec);
    // A Go program as PID 1 without a handler: SIGTERM ends it at once with status 2 (runtime dieFromSignal).
    return { ...plan, onSigterm: { afterMs: 0, code: 2 } };
  }
  // Some servers are chosen by their arguments (agnhost's subcommands).
  const server = image.server?.withArgs && argv.length > 0 && image.server.binaries.includes(basename(argv[0])) ? image.server.withArgs(argv.slice(1)) : image.server;
  const declared = declaredPorts(container);
  const refused = server && (WRAPPERS.has(argv[0]) || server.binaries.includes(basename(argv[0] ?? ''))) ? server.preflight?.(env) : undefined;
  if (refused) {
    return { exitAfterMs: refused.exitAfterMs, exitCode: refused.code, onSigterm: 'ignore', exec, lines: (startedAt, untilAbs) => refused.lines.filter(([at]) => startedAt + at <= untilAbs).map(([at, text]) => ({ at: startedAt + at, text })) };
  }
  // Every server container's start comes here: the plan is built once, not spread.
  if (server && app) return Object.assign(serverPlan(server, image.version, true, declared, held), { exec });
  if (server && argv.length > 0 && server.binaries.includes(basename(argv[0]))) return Object.assign(serverPlan(server, image.version, wrapped || !image.entrypoint.length, declared, held), { exec });
  if (server && WRAPPERS.has(argv[0])) return Object.assign(serverPlan(server, image.version, true, declared, held), { exec });
  if (container.stdin && argv.length === 1 && SHELLS.has(basename(argv[0]))) return { readsStdin: true, onSigterm: 'ignore', lines: () => [], exec };
  // The kubelet rewrites API-data volumes while the process runs: its reads follow them.
  const under = own.apiMountPaths();
  if (under.length) ctx.live = { under, at: (atAbs) => own.view(atAbs) };
  const start = { ...ctx, files: own.initial() };
  if (world && usesNetwork(argv)) return livePlan(new LiveProcess(argv, start, own, world), own, world.startedAt, exec);
  let wrote = false;
  const timeline = runProcess(argv, { ...start, onWrite: () => (wrote = true) }, { untilMs: Infinity, maxSteps: 200_000, maxLines: 1 });
  const exit = timeline.truncated ? undefined : timeline.exit;
  // A process that never writes a file needs no replaying for its files.
  if (wrote || !exit) own.attach(mainWriter(argv, start, own, exit?.at));
  return {
    exitAfterMs: exit?.at,
    exitCode: exit?.code,
    onSigterm: 'ignore',
    lines: (startedAt, untilAbs) => {
      const t = runProcess(argv, { ...ctx, startedAt }, { untilMs: Math.max(0, untilAbs - startedAt), maxLines: 10_000, maxSteps: 2_000_000 });
      return t.lines.map((l) => (l.partial ? { at: startedAt + l.at, text: l.text, partial: true } : { at: startedAt + l.at, text: l.text }));
    },
    exec,
  };
}

/** A process on the cluster's clock: what it does at its start instant is known now, the rest as it happens. */
function livePlan(live: LiveProcess, own: ContainerFiles, startedAt: number, exec: ProcessPlan['exec']): ProcessPlan {
  const first = live.extend(startedAt);
  own.attach(live);
  return { exitAfterMs: first.exit?.at, exitCode: first.exit?.code, onSigterm: 'ignore', lines: (_startedAt, untilAbs) => live.lines(untilAbs), exec, live };
}

/**
 * The main process as a writer of the container's files: replayed up to the moment a reader
 * asks about, journaling the writes it makes past what was already journaled.
 */
function mainWriter(argv: string[], start: ProcessContext, files: ContainerFiles, exitAt: number | undefined) {
  let horizon = -1;
  return {
    extend(untilAbs: number): void {
      const startedAt = files.startedAt ?? 0;
      const until = untilAbs - startedAt;
      if (until <= horizon || (exitAt !== undefined && horizon >= exitAt)) return;
      const seen = horizon;
      runProcess(argv, { ...start, startedAt, onWrite: (path, content, at, previous) => { if (at > seen) files.record(path, content, startedAt + at, previous); } }, { untilMs: until, maxLines: 1, maxSteps: 2_000_000 });
      horizon = until;
    },
  };
}

/**
 * A command run inside sees the container's files at that moment (writable layer, volumes).
 * Made apart from planProcess so that the plan, which lives as long as the container, keeps
 * only what exec needs and not planProcess's other locals.
 */
function execFor(ctx: ProcessContext, own: ContainerFiles): ProcessPlan['exec'] {
  return (command, startedAt, atAbs, timeoutMs, runtime = {}) => {
    own.startedAt ??= startedAt;
    return execIn(command, { ...ctx, startedAt: atAbs, fs: own.view(atAbs), cwd: runtime.cwd, programs: runtime.programs, sys: runtime.sys }, timeoutMs);
  };
}

/** Runs a command in a container whose files are `ctx.files`, for at most `timeoutMs`. */
function execIn(argv: string[], ctx: ProcessContext, timeoutMs: number): ExecResult {
  if (argv.length === 0 || !executableExists(argv[0], ctx.binaries)) {
    const what = argv[0]?.includes('/') ? `stat ${argv[0]}: no such file or directory` : `exec: "${argv[0] ?? ''}": executable file not found in $PATH`;
    return { startError: `OCI runtime exec failed: exec failed: unable to start container process: ${what}: unknown`, stdout: '', stderr: '', tookMs: 0 };
  }
  const t = runProcess(argv, ctx, { untilMs: timeoutMs, maxLines: 10_000, maxSteps: 2_000_000 });
  const text = (stream: 'stdout' | 'stderr') => t.lines.filter((l) => l.stream === stream).map((l) => l.text + '\n').join('');
  return { stdout: text('stdout'), stderr: text('stderr'), code: t.exit?.code, tookMs: t.exit?.at ?? timeoutMs, lines: t.lines };
}

/** The TCP ports a container declares (`ports[].containerPort`). */
function declaredPorts(container: Container): number[] {
  return (container.ports ?? []).filter((p) => (p.protocol ?? 'TCP') === 'TCP').map((p) => p.containerPort);
}

function serverPlan(server: ServerBehaviour, version: string, withEntrypoint: boolean, declared: number[], held: ReadonlySet<number>): Omit<ProcessPlan, 'exec'> {
  const ports = server.ports === 'declared' ? declared : server.ports;
  const taken = ports.find((p) => held.has(p));
  const failure = taken === undefined ? undefined : (server.portInUse ?? unknownBindFailure)(taken);
  const startup = failure ? entrypointFilter([...server.startup(version, ports).slice(0, failure.keep), ...failure.lines], withEntrypoint) : startupLines(server, version, ports, withEntrypoint);
  return {
    ...(failure ? { exitAfterMs: failure.exitAfterMs, exitCode: 1 } : {}),
    server,
    ports,
    onSigterm: { afterMs: server.shutdownMs, code: server.sigtermExitCode ?? 0 },
    lines: (startedAt, untilAbs, stoppedAt, stoppedBy) => {
      const out: LogLine[] = [];
      for (const [offset, text] of startup) {
        const at = startedAt + offset;
        if (at > untilAbs || (stoppedAt !== undefined && at > stoppedAt)) break;
        out.push({ at, text: renderTs(text, at, server.timestampStyle) });
      }
      if (stoppedAt !== undefined && stoppedAt <= untilAbs) {
        const shutdown = stoppedBy !== undefined && server.terminated ? server.terminated(stoppedBy) : server.shutdown;
        for (const text of shutdown) out.push({ at: stoppedAt, text: renderTs(text, stoppedAt, server.timestampStyle) });
      }
      return out;
    },
  };
}

/** Start-up lines are the same for every container of one server, version and ports: made once, shared by thousands of pods. */
const STARTUP = new WeakMap<ServerBehaviour, Map<string, Array<[number, string]>>>();

function startupLines(server: ServerBehaviour, version: string, ports: number[], withEntrypoint: boolean): Array<[number, string]> {
  let byKey = STARTUP.get(server);
  if (!byKey) STARTUP.set(server, (byKey = new Map()));
  const key = `${version}|${withEntrypoint}|${ports.join(',')}`;
  let lines = byKey.get(key);
  if (!lines) byKey.set(key, (lines = entrypointFilter(server.startup(version, ports), withEntrypoint)));
  return lines;
}

/** Without its entrypoint script (command given), the script's own lines are not printed. */
function entrypointFilter(lines: Array<[number, string]>, withEntrypoint: boolean): Array<[number, string]> {
  return lines.filter(([, text]) => withEntrypoint || text.includes('{ts}') || !text.includes('entrypoint'));
}

/** A server whose own words for EADDRINUSE the playground does not know: say so plainly. */
function unknownBindFailure(port: number): PortInUse {
  return { keep: 0, lines: [[0, `bind: address already in use (port ${port} is held by another container of this pod; kubeplay does not know this app's own message)`]], exitAfterMs: 0 };
}

function renderTs(text: string, at: number, style: ServerBehaviour['timestampStyle']): string {
  if (!text.includes('{ts')) return text;
  const t = utcParts(at);
  const p = pad;
  const Y = t.year;
  const hms = `${p(t.hour)}:${p(t.minute)}:${p(t.second)}`;
  let ts: string;
  switch (style) {
    case 'nginx': ts = `${Y}/${p(t.month)}/${p(t.day)} ${hms}`; break;
    case 'apache': ts = `${DAY_NAMES[t.weekday]} ${MONTH_NAMES[t.month - 1]} ${p(t.day)} ${hms}.${p(t.millisecond, 3)}000 ${Y}`; break;
    case 'redis': ts = `${p(t.day)} ${MONTH_NAMES[t.month - 1]} ${Y} ${hms}.${p(t.millisecond, 3)}`; break;
    case 'glog': ts = `${p(t.month)}${p(t.day)} ${hms}.${p(t.millisecond, 3)}000`; break;
    case 'postgres': ts = `${Y}-${p(t.month)}-${p(t.day)} ${hms}.${p(t.millisecond, 3)} UTC`; break;
    default: ts = `${Y}-${p(t.month)}-${p(t.day)}T${hms}`;
  }
  // postgres names an earlier instant to the second (`was shut down at 2026-01-01 09:00:02 UTC`).
  return text.split('{tss}').join(`${Y}-${p(t.month)}-${p(t.day)} ${hms} UTC`).split('{ts}').join(ts);
}

function basename(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

/** Whether an exec-form argv[0] exists in the image (else containerd's StartError). */
export function executableExists(argv0: string, binaries: ReadonlySet<string>): boolean {
  return binaries.has(basename(argv0));
}

/** containerd/runc's message for a missing executable. */
export function executableNotFoundMessage(argv0: string): string {
  const what = argv0.includes('/') ? `stat ${argv0}: no such file or directory` : `exec: "${argv0}": executable file not found in $PATH`;
  return `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: ${what}: unknown`;
}
