/**
 * The kubectl command registry.
 *
 * Command-module interface (types in `../types.ts`):
 *
 *   // src/kubectl/commands/<name>.ts
 *   export const command: CommandModule = {
 *     name: 'scale',                       // the word after `kubectl`
 *     short: 'Set a new size for a deployment, replica set, or replication controller',
 *     flags: [...],                        // FlagSpec[] (see ../args.ts, shared ones in ../flags.ts);
 *                                          //   global flags (-n, --context, -h …) are added for you
 *     subcommands: [...],                  // optional (`rollout status`, `config view`)
 *     *run(ctx, args) { ... return 0; },   // or a plain function returning an exit code
 *   };
 *
 * `run(ctx: CommandContext, args: ParsedArgs)`:
 * - `args.args` = positional arguments (without the command words), `args.dashArgs` = after `--`,
 *   `args.string('output')`, `args.bool('all-namespaces')`, `args.strings('filename')`,
 *   `args.int('replicas')`, `args.duration('timeout')` (ms), `args.changed('replicas')`.
 * - `ctx.namespace` (from -n or the kubeconfig), `ctx.namespaceExplicit`, `ctx.client` (the api,
 *   see ../client.ts),
 *   `ctx.io` (stdin, workspace, config, raw out/err), `ctx.out(line)` / `ctx.err(line)` write a line.
 * - Return an exit code, or be a generator (`function*`) that yields `Wait`s
 *   (`{until: () => boolean, timeoutMs}`; receives whether `until()` held) and returns one.
 * - Throw `StatusError` (api), `CliError` (`error: …`, see ../errors.ts) or `FlagError` (usage) to
 *   fail: the dispatcher prints them as kubectl does and returns 1. To report an error and go on
 *   (several objects), print `formatError(e)` with `ctx.io.err` yourself and return 1 at the end.
 * - Writes return once the cluster has reacted to them (the client settles it).
 * Resource-argument helpers (kinds, `TYPE NAME`, `TYPE/NAME`, `a,b`) are in `../resources.ts`.
 */
import type { CommandModule } from '../types';
import { command as annotate } from './annotate';
import { command as apiResources } from './api-resources';
import { command as apply } from './apply';
import { command as attach } from './attach';
import { command as auth } from './auth';
import { command as clusterInfo } from './cluster-info';
import { command as config } from './config';
import { command as create } from './create';
import { command as del } from './delete';
import { command as describe } from './describe';
import { command as exec } from './exec';
import { command as expose } from './expose';
import { command as get } from './get';
import { command as label } from './label';
import { command as logs } from './logs';
import { cordonCommand as cordon, taintCommand as taint, uncordonCommand as uncordon } from './nodes';
import { command as patch } from './patch';
import { command as portForward } from './port-forward';
import { command as rollout } from './rollout';
import { command as run } from './run';
import { command as scale } from './scale';
import { command as set } from './set';
import { command as top } from './top';
import { command as version } from './version';
import { command as wait } from './wait';

/** Every top-level command this kubectl implements, by name. */
export const COMMANDS: ReadonlyMap<string, CommandModule> = new Map(
  [create, expose, run, set, get, del, rollout, scale, clusterInfo, top, cordon, uncordon, taint, describe, logs, attach, exec, portForward, auth, apply, patch, wait, label, annotate, apiResources, config, version].map((c) => [c.name, c]),
);

/**
 * All of real kubectl's top-level commands, in the order kubectl registers them (cobra's
 * "Did you mean this?" suggestions follow this order), including ones not implemented here.
 */
export const KUBECTL_COMMAND_NAMES = [
  'create', 'expose', 'run', 'set', 'explain', 'get', 'edit', 'delete', 'rollout', 'scale', 'autoscale',
  'certificate', 'cluster-info', 'top', 'cordon', 'uncordon', 'drain', 'taint', 'describe', 'logs', 'attach',
  'exec', 'port-forward', 'proxy', 'cp', 'auth', 'debug', 'events', 'diff', 'apply', 'patch', 'replace', 'wait',
  'kustomize', 'label', 'annotate', 'completion', 'api-resources', 'api-versions', 'config', 'plugin', 'version',
  'options', 'help',
];
