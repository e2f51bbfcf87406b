/** `kubectl set image (TYPE NAME | TYPE/NAME) CONTAINER=IMAGE…` (`*=IMAGE` for every container). */
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { KObject } from '../../sim/core/object';
import { CHANGE_CAUSE_ANNOTATION } from '../../sim/kinds/apps/deployment-revision';
import { CliError } from '../errors';
import { ALL_NAMESPACES_FLAG, DRY_RUN_FLAG, FIELD_MANAGER_FLAG, FILENAME_FLAG, PRINT_FLAGS, RECORD_FLAG, RECURSIVE_FLAG, SELECTOR_FLAG } from '../flags';
import { exitWithErrors } from '../infos';
import { checkOutputFormat, dryRunMode, printChange } from '../output';
import type { CommandModule } from '../types';
import { changeCause, findObjects, mutableCopy, NO_RESOURCES_MESSAGE, updateObject } from '../workload';
import { setServiceAccount } from './set-serviceaccount';

type Container = { name: string; image?: string };

/** The pod spec inside each kind that has one. */
export function podSpecOf(obj: KObject): { containers?: Container[]; initContainers?: Container[] } | undefined {
  if (obj.kind === 'Pod') return obj.spec as { containers?: Container[] };
  if (obj.kind === 'CronJob') return ((obj.spec as { jobTemplate?: { spec?: { template?: PodTemplateSpec } } })?.jobTemplate?.spec?.template?.spec as { containers?: Container[] }) ?? undefined;
  return ((obj.spec as { template?: PodTemplateSpec } | undefined)?.template?.spec as { containers?: Container[] }) ?? undefined;
}

const setImage: CommandModule = {
  name: 'image',
  short: 'Update the image of a pod template',
  flags: [FILENAME_FLAG, RECURSIVE_FLAG, SELECTOR_FLAG, { name: 'all', type: 'bool' }, ALL_NAMESPACES_FLAG, { name: 'local', type: 'bool' }, RECORD_FLAG, DRY_RUN_FLAG, FIELD_MANAGER_FLAG('kubectl-set'), ...PRINT_FLAGS],
  run(ctx, args) {
    const resources = args.args.filter((a) => !a.includes('='));
    const pairs = args.args.filter((a) => a.includes('='));
    if (resources.length === 0 && args.strings('filename').length === 0) throw new CliError(NO_RESOURCES_MESSAGE);
    if (pairs.length === 0) throw new CliError(`at least one image update is required\nSee '${ctx.path} -h' for help and examples`);
    const images = new Map<string, string>();
    for (const p of pairs) {
      const [name, image] = [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)];
      if (!name || !image) throw new CliError(`invalid image update ${p}`);
      images.set(name, image);
    }
    checkOutputFormat(args);
    const mode = dryRunMode(ctx, args);
    if (args.bool('record')) ctx.err('Flag --record has been deprecated, --record will be removed in the future');
    const { found, errors } = findObjects(ctx, args, resources, { selector: args.string('selector'), all: args.bool('all'), filenames: args.strings('filename') });
    for (const { type, object } of found) {
      try {
        const changed = mutableCopy(object);
        const spec = podSpecOf(changed);
        if (!spec) throw new CliError(`${type.kind.toLowerCase()}/${object.metadata.name} is not a resource with a pod template`);
        let touched = false;
        for (const [name, image] of images) {
          const all = [...(spec.initContainers ?? []), ...(spec.containers ?? [])];
          const matches = name === '*' ? all : all.filter((c) => c.name === name);
          if (matches.length === 0) throw new CliError(`unable to find container named "${name}"`);
          for (const c of matches) {
            if (c.image !== image) touched = true;
            c.image = image;
          }
        }
        if (args.bool('record')) {
          changed.metadata.annotations = { ...(changed.metadata.annotations ?? {}), [CHANGE_CAUSE_ANNOTATION]: changeCause(ctx, args) };
          touched = true;
        }
        if (!touched) continue;
        const result = updateObject(ctx, type, changed, mode);
        printChange(ctx, args, type, result, 'image updated', mode);
      } catch (e) {
        errors.push(e);
      }
    }
    return exitWithErrors(ctx, errors);
  },
};

export const command: CommandModule = {
  name: 'set',
  short: 'Set specific features on objects',
  flags: [],
  subcommands: [setImage, setServiceAccount, { ...setServiceAccount, name: 'sa' }],
};
