/**
 * `kubectl apply -f`: client-side apply. New objects are created with the
 * `kubectl.kubernetes.io/last-applied-configuration` annotation; existing ones get the
 * three-way strategic merge patch of (last applied, new config, live) → `configured`, or
 * `unchanged` when the patch is empty.
 */
import type { KObject } from '../../sim/core/object';
import type { ParsedArgs } from '../args';
import { goJsonCompact, LAST_APPLIED_ANNOTATION, lastAppliedValue } from '../apply-merge';
import { applyPatch, isEmptyPatch, threeWayMergePatch } from '../../sim/api/patch';
import { tryGet } from '../client';
import { addSourceToError, CliError } from '../errors';
import { DRY_RUN_FLAG, FIELD_MANAGER_FLAG, FILENAME_FLAG, PRINT_FLAGS, RECURSIVE_FLAG, SELECTOR_FLAG, VALIDATE_FLAG } from '../flags';
import { exitWithErrors, infoString, readInfos, validateEnabled, type Info } from '../infos';
import { checkOutputFormat, dryRunMode, printChange, type DryRun } from '../output';
import type { CommandContext, CommandModule } from '../types';

export const command: CommandModule = {
  name: 'apply',
  short: 'Apply a configuration to a resource by file name or stdin',
  flags: [
    FILENAME_FLAG,
    RECURSIVE_FLAG,
    { name: 'kustomize', short: 'k', type: 'string' },
    SELECTOR_FLAG,
    DRY_RUN_FLAG,
    VALIDATE_FLAG,
    FIELD_MANAGER_FLAG('kubectl-client-side-apply'),
    { name: 'server-side', type: 'bool', usage: 'If true, apply runs in the server instead of the client.' },
    { name: 'force-conflicts', type: 'bool' },
    { name: 'force', type: 'bool' },
    { name: 'overwrite', type: 'bool', default: true },
    { name: 'prune', type: 'bool' },
    { name: 'all', type: 'bool' },
    { name: 'wait', type: 'bool' },
    { name: 'record', type: 'bool' },
    { name: 'grace-period', type: 'int', default: -1 },
    { name: 'timeout', type: 'duration' },
    ...PRINT_FLAGS,
  ],
  run(ctx, args) {
    const filenames = args.strings('filename');
    if (filenames.length === 0 && !args.string('kustomize')) throw new CliError('must specify one of -f and -k');
    if (args.string('kustomize')) throw new CliError('kustomize is not available in this playground');
    checkOutputFormat(args);
    const mode = dryRunMode(ctx, args);
    const { infos, errors } = readInfos(ctx, filenames, validateEnabled(args));
    if (infos.length === 0 && errors.length === 0) throw new CliError('no objects passed to apply');
    for (const info of infos) {
      try {
        applyOne(ctx, args, info, mode);
      } catch (e) {
        errors.push(e);
      }
    }
    return exitWithErrors(ctx, errors);
  },
};

function applyOne(ctx: CommandContext, args: ParsedArgs, info: Info, mode: DryRun): void {
  const client = ctx.client;
  const serverSide = args.bool('server-side');
  const config = info.object;
  config.metadata = { ...(config.metadata ?? {}) };
  if (info.namespace) config.metadata.namespace = info.namespace;
  const modified: KObject = serverSide ? config : withAnnotation(config, lastAppliedValue(config as unknown as Record<string, unknown>));
  const generateName = config.metadata.generateName;
  if (!info.name && generateName) throw new CliError(`from ${generateName}: cannot use generate name with apply`);
  // A manifest without a name (say, `name:` lost its indentation) fails at the client's first
  // request: the apply PATCH for server-side apply, else the GET before any create.
  if (!info.name && serverSide) throw new CliError('resource name may not be empty');
  if (!info.name) throw addSourceToError(`retrieving current configuration of:\n${infoString(info)}\nfrom server for:`, info.source, new CliError('resource name may not be empty'));
  const live = tryGet(client, info.type.plural, info.namespace, info.name);

  if (!live) {
    let created: KObject = modified;
    if (mode !== 'client') {
      try {
        created = client.create(info.type.plural, info.namespace, modified, { dryRun: mode === 'server', fieldValidation: 'Strict' });
      } catch (e) {
        throw addSourceToError('creating', info.source, e);
      }
    }
    printChange(ctx, args, info.type, created, serverSide ? 'serverside-applied' : 'created', mode);
    return;
  }

  const annotations = live.metadata.annotations ?? {};
  const lastApplied = annotations[LAST_APPLIED_ANNOTATION];
  if (!serverSide && lastApplied === undefined) {
    ctx.err(
      `Warning: resource ${info.type.plural}/${info.name} is missing the ${LAST_APPLIED_ANNOTATION} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.`,
    );
  }
  let original: unknown;
  try {
    original = lastApplied ? JSON.parse(lastApplied) : undefined;
  } catch {
    original = undefined;
  }
  // The patch kubectl sends: deletions from last-applied → config, changes from live → config.
  const patch = threeWayMergePatch(original, modified, live, info.type.kind);
  const unchanged = isEmptyPatch(patch);
  let result: KObject = live;
  if (!unchanged) {
    try {
      result =
        mode === 'client'
          ? (applyPatch(live, patch, 'strategic', info.type.kind) as KObject)
          : client.patch(info.type.plural, info.namespace, info.name, patch, 'strategic', { dryRun: mode === 'server', fieldValidation: 'Strict' });
    } catch (e) {
      // The patcher adds `patching`, apply.go the patch and the object (shown when errors are aggregated).
      const patching = addSourceToError('patching', info.source, e);
      throw addSourceToError(`applying patch:\n${goJsonCompact(patch)}\nto:\n${infoString(info)}\nfor:`, info.source, patching);
    }
  }
  printChange(ctx, args, info.type, result, serverSide ? 'serverside-applied' : unchanged ? 'unchanged' : 'configured', mode);
}

function withAnnotation(obj: KObject, value: string): KObject {
  return { ...obj, metadata: { ...obj.metadata, annotations: { ...(obj.metadata.annotations ?? {}), [LAST_APPLIED_ANNOTATION]: value } } };
}
