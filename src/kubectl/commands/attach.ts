/**
 * `kubectl attach (POD | TYPE/NAME) [-c CONTAINER] [-i] [-t]`: kubectl 1.32's cmd/attach/attach.go.
 * The pod (a workload's first active one), its container (defaulted as exec does), the TTY rules
 * (a container without one refuses it; one with it forces it), "If you don't see a command
 * prompt, try pressing enter.", the session, and the reattach hint for a pod that restarts.
 * `kubectl run -i/-t/--attach` attaches through `attachSession` too.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { StatusError } from '../../sim/api/errors';
import type { KObject } from '../../sim/core/object';
import type { ParsedArgs } from '../args';
import type { RemoteProcess } from '../client';
import { CliError } from '../errors';
import { followRemote } from './remote-session';
import type { CommandContext, CommandModule, KubectlProgram } from '../types';
import { podFor } from './exec';

export const command: CommandModule = {
  name: 'attach',
  short: 'Attach to a running container',
  flags: [
    { name: 'container', short: 'c', type: 'string', usage: 'Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation for selecting the container to be attached or the first container in the pod will be chosen' },
    { name: 'pod-running-timeout', type: 'duration', default: 60_000, usage: 'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running' },
    { name: 'quiet', short: 'q', type: 'bool', usage: 'Only print output from the remote session' },
    { name: 'stdin', short: 'i', type: 'bool', usage: 'Pass stdin to the container' },
    { name: 'tty', short: 't', type: 'bool', usage: 'Stdin is a TTY' },
  ],
  run: (ctx, args) => attach(ctx, args),
};

function* attach(ctx: CommandContext, args: ParsedArgs): KubectlProgram {
  const resources = args.args;
  if (resources.length === 0) throw new CliError(`at least 1 argument is required for attach\nSee '${ctx.path} -h' for help and examples`);
  if (resources.length > 2) throw new CliError(`expected POD, TYPE/NAME, or TYPE NAME, (at most 2 arguments) saw ${resources.length}: [${resources.join(' ')}]\nSee '${ctx.path} -h' for help and examples`);
  if (args.duration('pod-running-timeout') <= 0) throw new CliError(`--pod-running-timeout must be higher than zero\nSee '${ctx.path} -h' for help and examples`);
  const name = resources.length === 2 ? `${resources[0]}/${resources[1]}` : resources[0];
  const pod = (yield* podFor(ctx, name, args.duration('pod-running-timeout'))) as KObject & Pod;
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') throw new CliError(`cannot attach a container in a completed pod; current phase is ${phase}`);
  yield* attachSession(ctx, pod, { container: args.string('container'), stdin: args.bool('stdin'), tty: args.bool('tty'), quiet: args.bool('quiet') });
  return 0;
}

export interface SessionOptions {
  container?: string;
  stdin: boolean;
  tty: boolean;
  quiet: boolean;
}

/** AttachOptions.Run once the pod is known: the session, until it ends. */
export function* attachSession(ctx: CommandContext, pod: KObject & Pod, opts: SessionOptions): Generator<import('../types').Wait, void, boolean> {
  const container = containerToAttach(ctx, pod, opts);
  let tty = opts.tty;
  if (tty && !container.tty) {
    tty = false;
    if (!opts.quiet) ctx.io.err(`error: Unable to use a TTY - container ${container.name} did not allocate one\n`);
  } else if (!tty && container.tty) {
    tty = true;
  }
  // SetupTTY: a TTY needs stdin attached and a terminal on it.
  const terminal = opts.stdin ? ctx.io.terminal : undefined;
  if (!opts.stdin) tty = false;
  else if (tty && !terminal) {
    tty = false;
    if (!opts.quiet) ctx.io.err('Unable to use a TTY - input is not a terminal or the right kind of file\n');
  }
  const raw = tty && !!terminal;
  if (!opts.quiet) ctx.io.err("If you don't see a command prompt, try pressing enter.\n");
  let proc: RemoteProcess;
  try {
    proc = ctx.client.attach(pod.metadata.namespace!, pod.metadata.name!, { container: container.name, stdin: opts.stdin, tty: raw }, {
      stdin: opts.stdin && !terminal ? ctx.io.stdin ?? '' : undefined,
      stdout: (t) => ctx.io.out(t),
      stderr: (t) => ctx.io.err(t),
    });
  } catch (e) {
    if (e instanceof StatusError && e.status.reason !== 'NotFound') throw new CliError(e.status.message ?? '');
    throw e;
  }
  yield* followRemote(proc, terminal, 1000);
  if (!opts.quiet && opts.stdin && raw && pod.spec?.restartPolicy === 'Always') {
    ctx.io.out(`Session ended, resume using 'kubectl attach ${pod.metadata.name} -c ${container.name} -i -t' command when the pod is running\n`);
  }
}

/** podcmd.FindOrDefaultContainerByName. */
function containerToAttach(ctx: CommandContext, pod: Pod, opts: SessionOptions) {
  const spec = pod.spec ?? { containers: [] };
  const all = [...spec.containers, ...(spec.initContainers ?? []), ...(spec.ephemeralContainers ?? [])];
  let name = opts.container ?? '';
  if (!name) {
    const annotated = pod.metadata?.annotations?.['kubectl.kubernetes.io/default-container'];
    if (annotated && all.some((c) => c.name === annotated)) name = annotated;
    else {
      if (annotated && !opts.quiet) ctx.io.err(`Default container name "${annotated}" not found in pod ${pod.metadata?.name}\n`);
      name = spec.containers[0].name;
      if (!opts.quiet && (spec.containers.length > 1 || (spec.initContainers ?? []).length > 0 || (spec.ephemeralContainers ?? []).length > 0)) {
        const names = [...spec.containers.map((c) => c.name), ...(spec.ephemeralContainers ?? []).map((c) => `${c.name} (ephem)`), ...(spec.initContainers ?? []).map((c) => `${c.name} (init)`)];
        ctx.io.err(`Defaulted container "${name}" out of: ${names.join(', ')}\n`);
      }
    }
  }
  const found = all.find((c) => c.name === name);
  if (!found) throw new CliError(`cannot attach to the container: container ${name} not found in pod ${pod.metadata?.name}`);
  return { name: found.name, tty: !!(found as { tty?: boolean }).tty };
}
