/**
 * `kubectl logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]`, or `-l SELECTOR`: kubectl 1.32's
 * cmd/logs/logs.go. Complete (arguments, `--since-time`, the object or the selected pods), then
 * Validate (flag combinations), then RunLogs: the containers to read (logs-targets.ts) and their
 * streams, one after the other, or all at once when following more than one (logs-stream.ts).
 */
import { parseRfc3339 } from '../../sim/core/parse-rfc3339';
import type { KObject } from '../../sim/core/object';
import type { ParsedArgs } from '../args';
import type { PodLogOptions } from '../client';
import { CliError } from '../errors';
import { SELECTOR_FLAG } from '../flags';
import { parseResourceArgs } from '../resources';
import type { CommandContext, CommandModule, KubectlProgram } from '../types';
import { consumeStreams } from './logs-stream';
import { podTargets, workloadTargets, type TargetOptions } from './logs-targets';

const USAGE = "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command";

/** With a selector and no `--tail`, each pod's last 10 lines. */
const SELECTOR_TAIL = 10;

export const command: CommandModule = {
  name: 'logs',
  short: 'Print the logs for a container in a pod',
  flags: [
    { name: 'container', short: 'c', type: 'string' },
    { name: 'follow', short: 'f', type: 'bool' },
    { name: 'previous', short: 'p', type: 'bool' },
    { name: 'tail', type: 'int', default: -1 },
    { name: 'timestamps', type: 'bool' },
    { name: 'since', type: 'duration' },
    { name: 'since-time', type: 'string' },
    { name: 'all-containers', type: 'bool' },
    { name: 'all-pods', type: 'bool' },
    { name: 'prefix', type: 'bool' },
    { name: 'max-log-requests', type: 'int', default: 5 },
    { name: 'ignore-errors', type: 'bool' },
    { name: 'pod-running-timeout', type: 'duration', default: 20_000 },
    { name: 'insecure-skip-tls-verify-backend', type: 'bool' },
    { name: 'limit-bytes', type: 'int' },
    SELECTOR_FLAG,
  ],
  run: (ctx, args) => logs(ctx, args),
};

function* logs(ctx: CommandContext, args: ParsedArgs): KubectlProgram {
  // Complete.
  const positional = args.args;
  const selector = args.string('selector');
  const usage = (msg: string) => new CliError(`${msg}\nSee '${ctx.path} -h' for help and examples`);
  if (positional.length === 0 && !selector) throw usage(USAGE);
  if (positional.length === 1 && selector) throw usage('only a selector (-l) or a POD name is allowed');
  if (positional.length > 2) throw usage(USAGE);
  const container = positional.length === 2 ? positional[1] : args.string('container');
  const request = logOptions(args, !!selector);

  const targetOpts: TargetOptions = {
    container,
    allContainers: args.bool('all-containers'),
    allPods: args.bool('all-pods'),
    podTimeoutMs: args.duration('pod-running-timeout'),
  };
  // The object (or the selected pods) is fetched before any flag is checked.
  let pods: KObject[] = [];
  let workload: { obj: KObject; plural: string } | undefined;
  if (selector) {
    pods = ctx.client.list('pods', ctx.namespace, { labelSelector: selector });
    if (pods.length === 0) ctx.err(`No resources found in ${ctx.namespace} namespace.`);
  } else {
    const arg = positional[0];
    const ref = arg.includes('/') ? parseResourceArgs(ctx.client.discovery, [arg]).refs[0] : undefined;
    const plural = ref?.type.plural ?? 'pods';
    const obj = ctx.client.get(plural, ctx.namespace, ref?.name ?? arg);
    if (plural === 'pods') pods = [obj];
    else workload = { obj, plural };
  }

  // Validate.
  if (args.string('since-time') && request.sinceSeconds !== undefined) throw new CliError('at most one of `sinceTime` or `sinceSeconds` may be specified');
  if (targetOpts.allContainers && container) throw new CliError(`--all-containers=true should not be specified with container name ${container}`);
  if (args.changed('container') && positional.length === 2) throw new CliError('only one of -c or an inline [CONTAINER] arg is allowed');
  if (args.int('limit-bytes') < 0) throw new CliError('--limit-bytes must be greater than 0');
  if (request.sinceSeconds !== undefined && request.sinceSeconds < 0) throw new CliError('--since must be greater than 0');
  if (request.tailLines !== undefined && request.tailLines < -1) throw new CliError('--tail must be greater than or equal to -1');

  // Run.
  const targets = workload ? yield* workloadTargets(ctx, workload.obj, workload.plural, targetOpts) : podTargets(ctx, pods, targetOpts);
  const follow = args.bool('follow');
  const max = args.int('max-log-requests');
  if (follow && targets.length > 1 && targets.length > max) {
    throw new CliError(`you are attempting to follow ${targets.length} log streams, but maximum allowed concurrency is ${max}, use --max-log-requests to increase the limit`);
  }
  const prefix = args.bool('prefix') || targetOpts.allPods;
  return yield* consumeStreams(ctx, targets, { request, prefix, follow, ignoreErrors: args.bool('ignore-errors') });
}

/** ToLogOptions: what each log request asks of the server. */
function logOptions(args: ParsedArgs, selector: boolean): Omit<PodLogOptions, 'container'> {
  const opts: Omit<PodLogOptions, 'container'> = { previous: args.bool('previous'), timestamps: args.bool('timestamps') };
  const sinceTime = args.string('since-time');
  if (sinceTime) {
    const parsed = parseRfc3339(sinceTime);
    if ('error' in parsed) throw new CliError(parsed.error);
    opts.sinceTime = sinceTime;
  }
  if (args.changed('limit-bytes') && args.int('limit-bytes') !== 0) opts.limitBytes = args.int('limit-bytes');
  // Rounded to the nearest second.
  if (args.changed('since') && args.duration('since') !== 0) opts.sinceSeconds = goRound(args.duration('since') / 1000);
  const tail = args.int('tail');
  if (selector && tail === -1 && !args.changed('tail')) opts.tailLines = SELECTOR_TAIL;
  else if (tail !== -1) opts.tailLines = tail;
  return opts;
}

/** Go's math.Round: halves away from zero. */
function goRound(x: number): number {
  return Math.sign(x) * Math.round(Math.abs(x));
}
