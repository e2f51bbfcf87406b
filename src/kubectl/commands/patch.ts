/** `kubectl patch (TYPE NAME | TYPE/NAME) -p PATCH [--type strategic|merge|json]`. */
import yaml from 'js-yaml';
import { aliasingProblem } from '../aliasing';
import type { PatchType } from '../../sim/api/types';
import { CliError } from '../errors';
import { DRY_RUN_FLAG, FIELD_MANAGER_FLAG, FILENAME_FLAG, PRINT_FLAGS, RECURSIVE_FLAG } from '../flags';
import { exitWithErrors } from '../infos';
import { checkOutputFormat, dryRunMode, printChange } from '../output';
import type { CommandModule } from '../types';
import { findObjects } from '../workload';

const TYPES = ['json', 'merge', 'strategic'];

export const command: CommandModule = {
  name: 'patch',
  short: 'Update fields of a resource',
  flags: [
    FILENAME_FLAG,
    RECURSIVE_FLAG,
    { name: 'patch', short: 'p', type: 'string', usage: 'The patch to be applied to the resource JSON file.' },
    { name: 'patch-file', type: 'string' },
    { name: 'type', type: 'string', default: 'strategic' },
    { name: 'local', type: 'bool' },
    { name: 'subresource', type: 'string' },
    DRY_RUN_FLAG,
    FIELD_MANAGER_FLAG('kubectl-patch'),
    ...PRINT_FLAGS,
  ],
  run(ctx, args) {
    let text = args.string('patch');
    if (args.string('patch-file')) {
      const file = ctx.io.workspace.read(args.string('patch-file'));
      if (file === undefined) throw new CliError(`unable to read patch file: open ${args.string('patch-file')}: no such file or directory`);
      text = file;
    }
    if (!text) throw new CliError('must specify --patch or --patch-file containing the contents of the patch');
    const type = args.string('type');
    if (!TYPES.includes(type)) throw new CliError(`--type must be one of [json merge strategic], not "${type}"`);
    checkOutputFormat(args);
    const mode = dryRunMode(ctx, args);
    let patch: unknown;
    try {
      patch = yaml.load(text, { json: true });
    } catch (e) {
      throw new CliError(`unable to parse "${text}": ${e instanceof yaml.YAMLException ? e.reason : String(e)}`);
    }
    const aliasing = aliasingProblem(patch, text);
    if (aliasing) throw new CliError(`unable to parse "${text}": yaml: ${aliasing}`);
    const { found, errors } = findObjects(ctx, args, args.args, { filenames: args.strings('filename') });
    for (const { type: rt, object } of found) {
      try {
        const before = object.metadata.resourceVersion;
        const result = ctx.client.patch(rt.plural, object.metadata.namespace, object.metadata.name!, patch, type as PatchType, { dryRun: mode !== 'none', fieldValidation: 'Strict' });
        const changed = mode !== 'none' ? JSON.stringify(result) !== JSON.stringify(object) : result.metadata.resourceVersion !== before;
        printChange(ctx, args, rt, result, changed ? 'patched' : 'patched (no change)', mode);
      } catch (e) {
        errors.push(e);
      }
    }
    return exitWithErrors(ctx, errors);
  },
};
