/**
 * `kubectl exec (POD | TYPE/NAME) [-c CONTAINER] [-i] [-t] -- COMMAND [args...]`: kubectl 1.32's
 * cmd/exec/exec.go. Complete (the pod and the command after `--`; the old form without `--` is
 * refused), Validate, then Run: a completed pod is refused, the container defaulted
 * (`Defaulted container "a" out of: a, b`), and the command streamed from the kubelet. The
 * server's refusals print as the websocket executor gives them (`error: <message>`); a command
 * that fails ends kubectl with its code (`command terminated with exit code 1`).
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { StatusError } from '../../sim/api/errors';
import { matchesLabelSelector } from '../../sim/core/labels';
import type { KObject } from '../../sim/core/object';
import type { ParsedArgs } from '../args';
import type { RemoteProcess } from '../client';
import { CliError } from '../errors';
import { followRemote } from './remote-session';
import { parseResourceArgs } from '../resources';
import type { CommandContext, CommandModule, KubectlProgram } from '../types';
import { byLogging } from './logs-targets';


export const command: CommandModule = {
  name: 'exec',
  short: 'Execute a command in a container',
  flags: [
    { name: 'container', short: 'c', type: 'string' },
    { name: 'stdin', short: 'i', type: 'bool' },
    { name: 'tty', short: 't', type: 'bool' },
    { name: 'quiet', short: 'q', type: 'bool' },
    { name: 'pod-running-timeout', type: 'duration', default: 60_000 },
    { name: 'filename', short: 'f', type: 'stringArray' },
  ],
  run: (ctx, args) => exec(ctx, args),
};

function* exec(ctx: CommandContext, args: ParsedArgs): KubectlProgram {
  // Complete.
  const positional = [...args.args, ...args.dashArgs];
  const atDash = args.dashIndex;
  const usage = (msg: string) => new CliError(`${msg}\nSee '${ctx.path} -h' for help and examples`);
  const resourceName = positional.length > 0 && atDash !== 0 ? positional[0] : '';
  let commandArgv: string[] = [];
  if (atDash > -1) commandArgv = positional.slice(atDash);
  else if (positional.length > 1) throw usage('exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead');
  // Validate.
  if (!resourceName) throw new CliError('pod, type/name or --filename must be specified');
  if (commandArgv.length === 0) throw new CliError('you must specify at least one command for the container');
  const quiet = args.bool('quiet');

  // Run.
  const pod = yield* podFor(ctx, resourceName, args.duration('pod-running-timeout'));
  const phase = (pod as unknown as Pod).status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') throw new CliError(`cannot exec into a container in a completed pod; current phase is ${phase}`);
  const container = args.string('container') || defaultContainer(ctx, pod as unknown as Pod, quiet);

  const stdinWanted = args.bool('stdin');
  let tty = args.bool('tty');
  const terminal = stdinWanted && tty ? ctx.io.terminal : undefined;
  if (tty && !terminal) {
    // SetupTTY: no terminal on stdin (or no -i) means no TTY.
    if (stdinWanted && !quiet) ctx.io.err('Unable to use a TTY - input is not a terminal or the right kind of file\n');
    tty = false;
  }
  if (!stdinWanted) tty = false;
  let proc: RemoteProcess;
  try {
    proc = ctx.client.exec(pod.metadata.namespace!, pod.metadata.name!, { container, command: commandArgv, stdin: stdinWanted, tty }, {
      stdin: stdinWanted && !terminal ? ctx.io.stdin ?? '' : undefined,
      stdout: (t) => ctx.io.out(t),
      stderr: (t) => ctx.io.err(t),
    });
  } catch (e) {
    // The websocket executor gives the server's Status as a plain error; a refused upgrade
    // (Forbidden) falls back to SPDY, whose failed upgrade returns the Status as an api error.
    if (e instanceof StatusError && e.status.reason !== 'NotFound' && e.status.reason !== 'Forbidden') throw new CliError(e.status.message ?? '');
    throw e;
  }
  yield* followRemote(proc, terminal);
  const code = proc.exitCode ?? 0;
  if (code !== 0) ctx.io.err(`command terminated with exit code ${code}\n`);
  return code;
}

/** The pod a name or TYPE/NAME stands for: a workload's most active pod (AttachablePodForObject). */
export function* podFor(ctx: CommandContext, name: string, timeoutMs: number): Generator<import('../types').Wait, KObject, boolean> {
  if (!name.includes('/')) return ctx.client.get('pods', ctx.namespace, name);
  const ref = parseResourceArgs(ctx.client.discovery, [name]).refs[0];
  const obj = ctx.client.get(ref.type.plural, ctx.namespace, ref.name);
  if (ref.type.plural === 'pods') return obj;
  const selector = (obj.spec as { selector?: unknown } | undefined)?.selector as { matchLabels?: Record<string, string> } | undefined;
  const goType = `*${obj.apiVersion.split('/').pop()}.${obj.kind}`;
  if (ref.type.plural === 'services' && !Object.keys(selector ?? {}).length) throw new CliError(`cannot attach to ${goType}: invalid service '${ref.name}': Service is defined without a selector`);
  if (!selector) throw new CliError(`cannot attach to ${goType}: selector for ${goType} not implemented`);
  const sel = ref.type.plural === 'services' ? { matchLabels: selector as Record<string, string> } : selector;
  const pods = () => ctx.client.list('pods', ctx.namespace).filter((p) => matchesLabelSelector(sel, p.metadata.labels));
  if (pods().length === 0) {
    const found: boolean = yield { until: () => pods().length > 0, timeoutMs };
    if (!found) throw new CliError('timed out waiting for the condition');
  }
  return pods().sort(byLogging)[0];
}

/** podcmd.FindOrDefaultContainerByName with an empty name. */
function defaultContainer(ctx: CommandContext, pod: Pod, quiet: boolean): string {
  const spec = pod.spec ?? { containers: [] };
  const annotated = pod.metadata?.annotations?.['kubectl.kubernetes.io/default-container'];
  const all = [...(spec.initContainers ?? []), ...spec.containers, ...(spec.ephemeralContainers ?? [])];
  if (annotated) {
    if (all.some((c) => c.name === annotated)) return annotated;
    if (!quiet) ctx.io.err(`Default container name "${annotated}" not found in pod ${pod.metadata?.name}\n`);
  }
  const first = spec.containers[0].name;
  if (!quiet && (spec.containers.length > 1 || (spec.initContainers ?? []).length > 0 || (spec.ephemeralContainers ?? []).length > 0)) {
    const names = [...spec.containers.map((c) => c.name), ...(spec.ephemeralContainers ?? []).map((c) => `${c.name} (ephem)`), ...(spec.initContainers ?? []).map((c) => `${c.name} (init)`)];
    ctx.io.err(`Defaulted container "${first}" out of: ${names.join(', ')}\n`);
  }
  return first;
}
