/**
 * `kubectl run NAME --image=IMAGE`: creates a Pod exactly as kubectl 1.32's generator does
 * (label `run=NAME` unless `--labels`, container named after the pod, `dnsPolicy: ClusterFirst`,
 * `restartPolicy`, `resources: {}`, args after `--`, or the command with `--command`).
 */
import type { KObject } from '../../sim/core/object';
import { CliError } from '../errors';
import { DRY_RUN_FLAG, FIELD_MANAGER_FLAG, PRINT_FLAGS } from '../flags';
import { requiredFlagError } from '../output';
import type { CommandModule } from '../types';
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
    if (args.bool('rm') && !args.bool('stdin') && !args.bool('attach') && !args.bool('tty')) {
      throw new CliError('--rm should only be used for attached containers');
    }
    if (args.bool('stdin') || args.bool('tty') || args.bool('attach')) {
      throw new CliError('attaching to a container (-i, -t, --attach) is not available in this playground; run it without them and use kubectl logs');
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
    return createGenerated(ctx, args, pod);
  },
};
