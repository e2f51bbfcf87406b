/** `kubectl scale TYPE NAME --replicas=N [--current-replicas=M]` through the scale subresource. */
import { statusError } from '../../sim/api/errors';
import { CliError } from '../errors';
import { DRY_RUN_FLAG, FILENAME_FLAG, PRINT_FLAGS, RECURSIVE_FLAG, SELECTOR_FLAG, TIMEOUT_FLAG } from '../flags';
import { exitWithErrors } from '../infos';
import { checkOutputFormat, dryRunMode, printChange, requiredFlagError } from '../output';
import type { CommandModule } from '../types';
import { findObjects, mutableCopy, updateObject } from '../workload';

/** Kinds with a scale subresource. */
const SCALABLE = ['deployments', 'replicasets', 'statefulsets', 'replicationcontrollers'];

export const command: CommandModule = {
  name: 'scale',
  short: 'Set a new size for a deployment, replica set, or replication controller',
  flags: [
    FILENAME_FLAG,
    RECURSIVE_FLAG,
    SELECTOR_FLAG,
    { name: 'all', type: 'bool' },
    { name: 'replicas', type: 'int', default: -1 },
    { name: 'current-replicas', type: 'int', default: -1 },
    { name: 'resource-version', type: 'string' },
    TIMEOUT_FLAG(0),
    DRY_RUN_FLAG,
    ...PRINT_FLAGS,
  ],
  run(ctx, args) {
    if (!args.changed('replicas')) return requiredFlagError(ctx, 'replicas');
    const replicas = args.int('replicas');
    if (replicas < 0) throw new CliError('The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
    checkOutputFormat(args);
    const mode = dryRunMode(ctx, args);
    const { found, errors } = findObjects(ctx, args, args.args, { selector: args.string('selector'), all: args.bool('all'), filenames: args.strings('filename') });
    const current = args.int('current-replicas');
    for (const { type, object } of found) {
      try {
        if (!SCALABLE.includes(type.plural)) throw statusError('NotFound', 'the server could not find the requested resource');
        const spec = (object.spec ?? {}) as { replicas?: number };
        const now = spec.replicas ?? 1;
        if (current >= 0 && current !== now) {
          throw new CliError(`Expected replicas to be ${current}, was ${now}`);
        }
        const changed = mutableCopy(object);
        (changed.spec as { replicas?: number }).replicas = replicas;
        const result = updateObject(ctx, type, changed, mode);
        printChange(ctx, args, type, result, 'scaled', mode);
      } catch (e) {
        errors.push(e);
      }
    }
    return exitWithErrors(ctx, errors);
  },
};
