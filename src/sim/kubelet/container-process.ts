/**
 * Turns a container spec + its image into the process the runtime would start: the argv
 * (command/args over ENTRYPOINT/CMD, with `$(VAR)` expansion), its environment, and a plan:
 * when it exits (if ever), how it reacts to SIGTERM, and its output over time.
 */
import type { Container, Pod } from 'kubernetes-types/core/v1';
import type { ImageInfo, PortInUse, ServerBehaviour } from '../images';
import { runProcess, type ProcessContext, type ShellFlavor } from '../../shell/evaluate';
import type { LogLine } from './logs';
import { kubeletEnv, type PodFacts } from './container-env';
import { expand } from './expansion';
import { DAY_NAMES, MONTH_NAMES, pad, utcParts } from '../core/utc';

export interface ProcessPlan {
  /** Set when the runtime cannot start it (containerd StartError, exit code 128). */
  startError?: string;
  /** ms after start when it exits by itself; undefined = runs until stopped. */
  exitAfterMs?: number;
  exitCode?: number;
  /** Reaction to SIGTERM: exit after this long with this code, or ignore it (PID 1 shell). */
  onSigterm: { afterMs: number; code: number } | 'ignore';
  /** Output between start and `untilAbs` (virtual ms). */
  lines(startedAt: number, untilAbs: number, stoppedAt?: number): LogLine[];
  /** The server the process is, if any (probes and ports, later). */
  server?: ServerBehaviour;
  /** The ports that server listens on. */
  ports?: number[];
  /**
   * Runs `argv` inside the running container at `atAbs` (exec probes, `kubectl exec`): it sees
   * the files the main process has left by then. `timeoutMs` bounds a command that never ends.
   */
  exec(argv: string[], startedAt: number, atAbs: number, timeoutMs: number): ExecResult;
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
}

const WRAPPERS = new Set(['docker-entrypoint.sh', '/docker-entrypoint.sh', '/usr/local/bin/docker-entrypoint.sh', '/bin/entrypoint.sh', '/run.sh']);

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
 * environment; `held`: ports other running containers of the pod listen on (one network namespace).
 */
export function planProcess(pod: Pod, container: Container, image: ImageInfo, facts: PodFacts = NO_FACTS, held: ReadonlySet<number> = new Set()): ProcessPlan {
  const kubelet = kubeletEnv(pod, container, facts);
  const env = containerEnv(pod, container, image, kubelet);
  let argv = resolveArgv(container, image, kubelet);
  const ctx: ProcessContext = { env, startedAt: 0, binaries: image.binaries, flavor: flavorOf(image), hostname: env.HOSTNAME };
  const noFiles = (): ReadonlyMap<string, string> => new Map();
  const exec = (files: (startedAt: number, atAbs: number) => ReadonlyMap<string, string>) => (command: string[], startedAt: number, atAbs: number, timeoutMs: number) =>
    execIn(command, { ...ctx, startedAt: atAbs, files: files(startedAt, atAbs) }, timeoutMs);
  if (argv.length === 0) return { startError: 'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: no command: unknown', onSigterm: 'ignore', lines: () => [], exec: exec(noFiles) };
  // An image we cannot know runs its app for any program outside its userland.
  const app = image.opaque === true && !image.binaries.has(basename(argv[0]));
  if (!app && !executableExists(argv[0], image.binaries) && !WRAPPERS.has(argv[0])) {
    return { startError: executableNotFoundMessage(argv[0]), onSigterm: 'ignore', lines: () => [], exec: exec(noFiles) };
  }
  let wrapped = false;
  if (argv[0] === 'tini') argv = argv.slice(argv[1] === '--' ? 2 : 1);
  if (WRAPPERS.has(argv[0]) && argv.length > 1) {
    argv = argv.slice(1);
    wrapped = true;
  }
  // Some servers are chosen by their arguments (agnhost's subcommands).
  const server = image.server?.withArgs && argv.length > 0 && image.server.binaries.includes(basename(argv[0])) ? image.server.withArgs(argv.slice(1)) : image.server;
  const declared = declaredPorts(container);
  if (server && app) return { ...serverPlan(server, image.version, true, declared, held), exec: exec(noFiles) };
  if (server && argv.length > 0 && server.binaries.includes(basename(argv[0]))) return { ...serverPlan(server, image.version, wrapped || !image.entrypoint.length, declared, held), exec: exec(noFiles) };
  if (server && WRAPPERS.has(argv[0])) return { ...serverPlan(server, image.version, true, declared, held), exec: exec(noFiles) };
  const timeline = runProcess(argv, ctx, { untilMs: Infinity, maxSteps: 200_000, maxLines: 1 });
  const exit = timeline.truncated ? undefined : timeline.exit;
  return {
    exitAfterMs: exit?.at,
    exitCode: exit?.code,
    onSigterm: 'ignore',
    lines: (startedAt, untilAbs) => {
      const t = runProcess(argv, { ...ctx, startedAt }, { untilMs: Math.max(0, untilAbs - startedAt), maxLines: 10_000, maxSteps: 2_000_000 });
      return t.lines.map((l) => ({ at: startedAt + l.at, text: l.text }));
    },
    // The main process replayed up to the moment says which files exist then.
    exec: exec((startedAt, atAbs) => runProcess(argv, { ...ctx, startedAt }, { untilMs: Math.max(0, atAbs - startedAt), maxLines: 1, maxSteps: 2_000_000 }).files),
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
  return { stdout: text('stdout'), stderr: text('stderr'), code: t.exit?.code, tookMs: t.exit?.at ?? timeoutMs };
}

/** The TCP ports a container declares (`ports[].containerPort`). */
function declaredPorts(container: Container): number[] {
  return (container.ports ?? []).filter((p) => (p.protocol ?? 'TCP') === 'TCP').map((p) => p.containerPort);
}

function serverPlan(server: ServerBehaviour, version: string, withEntrypoint: boolean, declared: number[], held: ReadonlySet<number>): Omit<ProcessPlan, 'exec'> {
  const ports = server.ports === 'declared' ? declared : server.ports;
  const taken = ports.find((p) => held.has(p));
  const failure = taken === undefined ? undefined : (server.portInUse ?? unknownBindFailure)(taken);
  const lines = failure ? [...server.startup(version, ports).slice(0, failure.keep), ...failure.lines] : server.startup(version, ports);
  const startup = lines.filter(([, text]) => withEntrypoint || text.includes('{ts}') || !text.includes('entrypoint'));
  return {
    ...(failure ? { exitAfterMs: failure.exitAfterMs, exitCode: 1 } : {}),
    server,
    ports,
    onSigterm: { afterMs: server.shutdownMs, code: server.sigtermExitCode ?? 0 },
    lines: (startedAt, untilAbs, stoppedAt) => {
      const out: LogLine[] = [];
      for (const [offset, text] of startup) {
        const at = startedAt + offset;
        if (at > untilAbs || (stoppedAt !== undefined && at > stoppedAt)) break;
        out.push({ at, text: renderTs(text, at, server.timestampStyle) });
      }
      if (stoppedAt !== undefined && stoppedAt <= untilAbs) {
        for (const text of server.shutdown) out.push({ at: stoppedAt, text: renderTs(text, stoppedAt, server.timestampStyle) });
      }
      return out;
    },
  };
}

/** A server whose own words for EADDRINUSE the playground does not know: say so plainly. */
function unknownBindFailure(port: number): PortInUse {
  return { keep: 0, lines: [[0, `bind: address already in use (port ${port} is held by another container of this pod; kubeplay does not know this app's own message)`]], exitAfterMs: 0 };
}

function renderTs(text: string, at: number, style: ServerBehaviour['timestampStyle']): string {
  if (!text.includes('{ts}')) return text;
  const t = utcParts(at);
  const p = pad;
  const Y = t.year;
  const hms = `${p(t.hour)}:${p(t.minute)}:${p(t.second)}`;
  let ts: string;
  switch (style) {
    case 'nginx': ts = `${Y}/${p(t.month)}/${p(t.day)} ${hms}`; break;
    case 'apache': ts = `${DAY_NAMES[t.weekday]} ${MONTH_NAMES[t.month - 1]} ${p(t.day)} ${hms}.${p(t.millisecond, 3)}000 ${Y}`; break;
    case 'redis': ts = `${p(t.day)} ${MONTH_NAMES[t.month - 1]} ${Y} ${hms}.${p(t.millisecond, 3)}`; break;
    default: ts = `${Y}-${p(t.month)}-${p(t.day)}T${hms}`;
  }
  return text.split('{ts}').join(ts);
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
