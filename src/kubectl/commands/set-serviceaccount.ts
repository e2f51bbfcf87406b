/**
 * `kubectl set serviceaccount|sa (TYPE NAME | TYPE/NAME | -f FILE) SERVICE_ACCOUNT`
 * (set_serviceaccount.go): the last argument names the account, written to the pod template's
 * `serviceAccountName`; every object is patched and printed, changed or not.
 */
import { CliError } from '../errors';
import { ALL_NAMESPACES_FLAG, DRY_RUN_FLAG, FIELD_MANAGER_FLAG, FILENAME_FLAG, PRINT_FLAGS, RECORD_FLAG, RECURSIVE_FLAG } from '../flags';
import { exitWithErrors } from '../infos';
import { checkOutputFormat, dryRunMode, printChange } from '../output';
import type { CommandModule } from '../types';
import { findObjects, mutableCopy, NO_RESOURCES_MESSAGE, updateObject } from '../workload';
import { podSpecOf } from './set';

export const setServiceAccount: CommandModule = {
  name: 'serviceaccount',
  short: 'Update the service account of a resource',
  flags: [FILENAME_FLAG, RECURSIVE_FLAG, { name: 'all', type: 'bool' }, ALL_NAMESPACES_FLAG, { name: 'local', type: 'bool' }, RECORD_FLAG, DRY_RUN_FLAG, FIELD_MANAGER_FLAG('kubectl-set'), ...PRINT_FLAGS],
  run(ctx, args) {
    if (args.args.length === 0) {
      // Complete's own error, printed by cobra.
      ctx.err('Error: serviceaccount is required');
      return 1;
    }
    const account = args.args[args.args.length - 1];
    const resources = args.args.slice(0, -1);
    if (resources.length === 0 && args.strings('filename').length === 0) throw new CliError(NO_RESOURCES_MESSAGE);
    checkOutputFormat(args);
    const mode = dryRunMode(ctx, args);
    const { found, errors } = findObjects(ctx, args, resources, { all: args.bool('all'), filenames: args.strings('filename') });
    for (const { type, object } of found) {
      try {
        const changed = mutableCopy(object);
        const spec = podSpecOf(changed) as { serviceAccountName?: string } | undefined;
        if (!spec) throw new CliError(`error: ${type.kind.toLowerCase()}/${object.metadata.name} object type ${object.kind} is not supported`);
        spec.serviceAccountName = account;
        const result = updateObject(ctx, type, changed, mode);
        printChange(ctx, args, type, result, 'serviceaccount updated', mode);
      } catch (e) {
        errors.push(e);
      }
    }
    return exitWithErrors(ctx, errors);
  },
};
