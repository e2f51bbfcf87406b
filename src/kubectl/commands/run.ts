/**
 * `kubectl run NAME --image=IMAGE`: creates a Pod exactly as kubectl 1.32's generator does
 * (label `run=NAME` unless `--labels`, container named after the pod, `dnsPolicy: ClusterFirst`,
 * `restartPolicy`, `resources: {}`, args after `--`, or the command with `--command`).
 * With `-i`/`-t`/`--attach` (cmd/run/run.go): `stdin`/`stdinOnce`/`tty` on the container, no
 * "created" line; it waits for the pod to run, attaches (./attach.ts), waits for the exit code
 * with `--restart=Never|OnFailure`, and `--rm` deletes the pod once the session is over.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { KObject } from '../../sim/core/object';
import type { ParsedArgs } from '../args';
import { tryGet } from '../client';
import { CliError } from '../errors';
import { DRY_RUN_FLAG, FIELD_MANAGER_FLAG, PRINT_FLAGS } from '../flags';
import { requiredFlagError } from '../output';
import type { CommandContext, CommandModule, KubectlProgram, Wait } from '../types';
import { attachSession } from './attach';
import { createGenerated, isValidImageReference, parseKeyValues } from './generators';

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];

export const command: CommandModule = {
  name: 'run',
  short: 'Run a particular image on the cluster',
  flags: [
    { name: 'image', type: 'string', usage: 'The image for the container to run.' },
    { name: 'restart', type: 'string', default: 'Always', usage: 'The restart policy for this Pod.' },
    { name: 'labels', short: 'l', type: 'string', usage: 'Comma separated labels to apply to the pod(s).' },
    { name: 'annotations', type: 'stringArray' },
    { name: 'env', type: 'stringArray' },
    { name: 'port', type: 'string' },
    { name: 'command', type: 'bool', usage: 'If true and extra arguments are present, use them as the command field in the container.' },
    { name: 'image-pull-policy', type: 'string' },
    { name: 'privileged', type: 'bool' },
    { name: 'expose', type: 'bool' },
    { name: 'stdin', short: 'i', type: 'bool' },
    { name: 'tty', short: 't', type: 'bool' },
    { name: 'attach', type: 'bool' },
    { name: 'leave-stdin-open', type: 'bool' },
    { name: 'rm', type: 'bool' },
    { name: 'quiet', short: 'q', type: 'bool' },
    { name: 'overrides', type: 'string' },
    { name: 'pod-running-timeout', type: 'duration', default: 60_000 },
    { name: 'save-config', type: 'bool' },
    DRY_RUN_FLAG,
    FIELD_MANAGER_FLAG('kubectl-run'),
    ...PRINT_FLAGS,
  ],
  run(ctx, args) {
    const positional = args.args;
    if (positional.length === 0) throw new CliError(`NAME is required for run\nSee '${ctx.path} -h' for help and examples`);
    const image = args.string('image');
    if (!args.changed('image')) return requiredFlagError(ctx, 'image');
    if (!image) throw new CliError(`--image is required\nSee '${ctx.path} -h' for help and examples`);
    if (!isValidImageReference(image)) throw new CliError(`Invalid image name "${image}": invalid reference format`);
    const restart = args.string('restart');
    if (!RESTART_POLICIES.includes(restart)) throw new CliError(`invalid restart policy: ${restart}\nSee '${ctx.path} -h' for help and examples`);
    const usage = (msg: string) => new CliError(`${msg}\nSee '${ctx.path} -h' for help and examples`);
    const stdin = args.bool('stdin');
    // --attach defaults to true with -i.
    const attach = args.changed('attach') ? args.bool('attach') : stdin;
    if (args.bool('tty') && !stdin) throw usage('-i/--stdin is required for containers with -t/--tty=true');
    if (args.bool('rm') && !attach) throw usage('--rm should only be used for attached containers');
    if (attach && args.changed('dry-run') && args.string('dry-run') !== 'none') {
      throw usage("--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)");
    }
    if (args.bool('expose')) throw new CliError('--expose is not available in this playground');
    const name = positional[0];
    const extra = [...positional.slice(1), ...args.dashArgs];
    let labels: Record<string, string> = { run: name };
    if (args.string('labels')) {
      try {
        labels = parseKeyValues(args.string('labels'), 'label spec');
      } catch (e) {
        throw new CliError((e as Error).message);
      }
    }
    const container: Record<string, unknown> = { image, name };
    if (extra.length) container[args.bool('command') ? 'command' : 'args'] = extra;
    const env = args.strings('env');
    if (env.length) {
      container.env = env.map((e) => {
        const eq = e.indexOf('=');
        if (eq <= 0) throw new CliError(`invalid env: ${e}`);
        return { name: e.slice(0, eq), value: e.slice(eq + 1) };
      });
    }
    if (args.string('image-pull-policy')) container.imagePullPolicy = args.string('image-pull-policy');
    const port = args.string('port');
    if (port) {
      if (!/^\d+$/.test(port)) throw new CliError(`strconv.Atoi: parsing "${port}": invalid syntax`);
      container.ports = [{ containerPort: Number(port) }];
    }
    if (args.bool('privileged')) container.securityContext = { privileged: true };
    container.resources = {};
    if (stdin) {
      container.stdin = true;
      container.stdinOnce = !args.bool('leave-stdin-open');
    }
    if (args.bool('tty')) container.tty = true;
    const metadata: Record<string, unknown> = { creationTimestamp: null, labels, name };
    const annotations = args.strings('annotations');
    if (annotations.length) {
      metadata.annotations = Object.fromEntries(annotations.map((a) => [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]));
    }
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata,
      spec: { containers: [container], dnsPolicy: 'ClusterFirst', restartPolicy: restart },
      status: {},
    } as unknown as KObject;
    if (attach) return runAttached(ctx, args, pod, restart);
    return createGenerated(ctx, args, pod);
  },
};

/** RunOptions.Run with Attach: create, wait for the pod to run, attach; then the exit code and --rm. */
function* runAttached(ctx: CommandContext, args: ParsedArgs, body: KObject, restart: string): KubectlProgram {
  delete (body.metadata as { creationTimestamp?: unknown }).creationTimestamp;
  delete (body as { status?: unknown }).status;
  const created = ctx.client.create('pods', ctx.namespace, { ...body, metadata: { ...body.metadata, namespace: ctx.namespace } }, { fieldValidation: 'Strict' });
  const name = created.metadata.name!;
  let result: { code: number; message?: string };
  try {
    result = yield* attachAndWait(ctx, args, name, restart);
  } finally {
    // Deferred in Run: the pod goes before kubectl reports how it ended.
    if (args.bool('rm')) remove(ctx, name, args.bool('quiet'));
  }
  if (result.message) ctx.io.err(result.message);
  return result.code;
}

function* attachAndWait(ctx: CommandContext, args: ParsedArgs, name: string, restart: string): Generator<Wait, { code: number; message?: string }, boolean> {
  const timeout = args.duration('pod-running-timeout');
  // handleAttachPod: running and ready, or already done (then its log is all there is).
  const pod = yield* waitForPod(ctx, name, timeout, (p) => isCompleted(p) || (p.status?.phase === 'Running' && p.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') === true));
  if (isCompleted(pod)) ctx.io.out(ctx.client.log(ctx.namespace, name, { container: name }));
  else yield* attachSession(ctx, pod, { container: name, stdin: args.bool('stdin'), tty: args.bool('tty'), quiet: args.bool('quiet') });
  if (args.bool('leave-stdin-open') || (restart !== 'Never' && restart !== 'OnFailure')) return { code: 0 };
  const done = yield* waitForPod(ctx, name, timeout, restart === 'OnFailure' ? (p) => p.status?.phase === 'Succeeded' : isCompleted);
  if (done.status?.phase === 'Succeeded') return { code: 0 };
  if (done.status?.phase !== 'Failed') throw new CliError(`pod ${ctx.namespace}/${name} left in phase ${done.status?.phase}`);
  const terminated = done.status.containerStatuses?.[0]?.state?.terminated;
  if (!terminated || !terminated.exitCode) throw new CliError(`pod ${ctx.namespace}/${name} failed with unknown exit code`);
  // uexec.CodeExitError: printed as it is (no "error: "), the container's exit code as kubectl's.
  const text = `pod ${ctx.namespace}/${name} terminated (${terminated.reason})\n${terminated.message ?? ''}`;
  return { code: terminated.exitCode, message: text.endsWith('\n') ? text : text + '\n' };
}

function isCompleted(p: Pod): boolean {
  return p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';
}

/** waitForPod: the pod as soon as `done` holds; NotFound once it is gone; a timeout error. */
function* waitForPod(ctx: CommandContext, name: string, timeoutMs: number, done: (p: Pod) => boolean): Generator<Wait, KObject & Pod, boolean> {
  let pod: (KObject & Pod) | undefined;
  const look = () => {
    pod = tryGet(ctx.client, 'pods', ctx.namespace, name) as (KObject & Pod) | undefined;
    return !pod || done(pod);
  };
  if (!look()) {
    const held: boolean = yield { until: look, timeoutMs };
    if (!held) throw new CliError('timed out waiting for the condition');
  }
  if (!pod) throw new CliError(`pods "${name}" not found`);
  return pod;
}

/** removeCreatedObjects: DeleteResult with IgnoreNotFound, no waiting. */
function remove(ctx: CommandContext, name: string, quiet: boolean): void {
  if (!tryGet(ctx.client, 'pods', ctx.namespace, name)) return;
  ctx.client.delete('pods', ctx.namespace, name, {});
  if (!quiet) ctx.io.out(`pod "${name}" deleted\n`);
}
