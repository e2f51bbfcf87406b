/**
 * `kubectl create -f …` and the generators `create deployment`, `create namespace`, with the
 * objects real kubectl 1.32 builds (compare `kubectl create … --dry-run=client -o yaml`).
 */
import type { KObject } from '../../sim/object';
import type { ParsedArgs } from '../args';
import { addSourceToError, CliError, formatError } from '../errors';
import { DRY_RUN_FLAG, FIELD_MANAGER_FLAG, FILENAME_FLAG, PRINT_FLAGS, RECURSIVE_FLAG, SELECTOR_FLAG, VALIDATE_FLAG } from '../flags';
import { printErrors, readInfos, validateEnabled } from '../infos';
import { LAST_APPLIED_ANNOTATION, lastAppliedValue } from '../apply-merge';
import { checkOutputFormat, dryRunMode, printChange, requiredFlagError, type DryRun } from '../output';
import { resolveType } from '../resources';
import type { CommandContext, CommandModule } from '../types';
import { containerNameForImage } from './generators';

const SAVE_CONFIG_FLAG = { name: 'save-config', type: 'bool' as const, usage: 'If true, the configuration of current object will be saved in its annotation.' };
const COMMON = [DRY_RUN_FLAG, VALIDATE_FLAG, SAVE_CONFIG_FLAG, FIELD_MANAGER_FLAG('kubectl-create'), ...PRINT_FLAGS];

const createDeployment: CommandModule = {
  name: 'deployment',
  short: 'Create a deployment with the specified name',
  flags: [
    { name: 'image', type: 'stringArray', usage: 'Image names to run. A deployment can have multiple images set for multi-container pod.' },
    { name: 'replicas', short: 'r', type: 'int', default: 1, usage: 'Number of replicas to create. Default is 1.' },
    { name: 'port', type: 'int', default: -1, usage: 'The containerPort that this deployment exposes.' },
    ...COMMON,
  ],
  run(ctx, args) {
    const name = exactlyOneName(ctx, args);
    const images = args.strings('image');
    if (images.length === 0) return requiredFlagError(ctx, 'image');
    const port = args.int('port');
    if (images.length > 1 && port >= 0) throw new CliError('cannot expose multiple containers on the same port', false);
    const labels = { app: name };
    const containers = images.map((image) => {
      const c: Record<string, unknown> = { image, name: containerNameForImage(ctx, image) };
      if (port >= 0) c.ports = [{ containerPort: port }];
      c.resources = {};
      return c;
    });
    const obj: KObject = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { creationTimestamp: null as unknown as string, labels, name },
      spec: {
        replicas: args.int('replicas'),
        selector: { matchLabels: { ...labels } },
        strategy: {},
        template: { metadata: { creationTimestamp: null, labels: { ...labels } }, spec: { containers } },
      },
      status: {},
    };
    return createGenerated(ctx, args, obj, 'deployment');
  },
};

const createNamespace: CommandModule = {
  name: 'namespace',
  short: 'Create a namespace with the specified name',
  flags: COMMON,
  run(ctx, args) {
    const name = exactlyOneName(ctx, args);
    const obj: KObject = { apiVersion: 'v1', kind: 'Namespace', metadata: { creationTimestamp: null as unknown as string, name }, spec: {}, status: {} };
    return createGenerated(ctx, args, obj);
  },
};
const createNs: CommandModule = { ...createNamespace, name: 'ns' };

export const command: CommandModule = {
  name: 'create',
  short: 'Create a resource from a file or from stdin',
  flags: [FILENAME_FLAG, RECURSIVE_FLAG, { name: 'kustomize', short: 'k', type: 'string' }, SELECTOR_FLAG, { name: 'edit', type: 'bool' }, { name: 'raw', type: 'string' }, { name: 'windows-line-endings', type: 'bool' }, ...COMMON],
  subcommands: [createDeployment, createNamespace, createNs],
  run(ctx, args) {
    const filenames = args.strings('filename');
    if (filenames.length === 0) throw new CliError('must specify one of -f and -k');
    checkOutputFormat(args);
    const mode = dryRunMode(ctx, args);
    const { infos, errors } = readInfos(ctx, filenames, validateEnabled(args));
    if (infos.length === 0 && errors.length === 0) throw new CliError('no objects passed to create');
    for (const info of infos) {
      try {
        let obj = info.object;
        obj.metadata = { ...(obj.metadata ?? {}) };
        if (info.namespace) obj.metadata.namespace = info.namespace;
        if (args.bool('save-config')) obj = saveConfig(obj);
        const created = mode === 'client' ? obj : ctx.cluster.api.create(info.type.plural, info.namespace, obj, { dryRun: mode === 'server' });
        printChange(ctx, args, info.type, created, 'created', mode);
      } catch (e) {
        errors.push(addSourceToError('creating', info.source, e));
      }
      ctx.cluster.settle();
    }
    if (errors.length) {
      printErrors(ctx, errors, (e) => formatError(e, ctx.path));
      return 1;
    }
    return 0;
  },
};

function exactlyOneName(ctx: CommandContext, args: ParsedArgs): string {
  if (args.args.length !== 1) {
    throw new CliError(`exactly one NAME is required, got ${args.args.length}\nSee '${ctx.path} -h' for help and examples`);
  }
  return args.args[0];
}

function saveConfig(obj: KObject): KObject {
  const value = lastAppliedValue(obj as unknown as Record<string, unknown>);
  return { ...obj, metadata: { ...obj.metadata, annotations: { ...(obj.metadata.annotations ?? {}), [LAST_APPLIED_ANNOTATION]: value } } };
}

/**
 * Sends a generated object. `failedWhat` wraps server errors as kubectl's generators do
 * (`error: failed to create deployment: …`); namespace creation passes them through.
 */
export function createGenerated(ctx: CommandContext, args: ParsedArgs, obj: KObject, failedWhat?: string): number {
  checkOutputFormat(args);
  const mode: DryRun = dryRunMode(ctx, args);
  const type = resolveType(ctx.cluster.api, obj.kind);
  const ns = type.namespaced ? ctx.namespace : undefined;
  if (ns) obj.metadata.namespace = ns;
  if (args.bool('save-config')) obj = saveConfig(obj);
  if (mode === 'client') {
    // kubectl prints the generated object itself (creationTimestamp: null and all).
    if (ns && !ctx.namespaceExplicit) delete obj.metadata.namespace;
    printChange(ctx, args, type, obj, 'created', mode);
    return 0;
  }
  const body = stripNulls(obj);
  let created: KObject;
  try {
    created = ctx.cluster.api.create(type.plural, ns, body, { dryRun: mode === 'server' });
  } catch (e) {
    if (failedWhat && e instanceof Error) throw new CliError(`failed to create ${failedWhat}: ${e.message}`);
    throw e;
  }
  ctx.cluster.settle();
  printChange(ctx, args, type, created, 'created', mode);
  return 0;
}

function stripNulls(obj: KObject): KObject {
  return JSON.parse(JSON.stringify(obj, (_k, v) => (v === null ? undefined : v))) as KObject;
}
