/**
 * `kubectl label` and `kubectl annotate`: `key=value` sets, `key-` removes; `--overwrite`,
 * `-l`, `--all`, `--list` (label), `--resource-version`.
 */
import type { KObject } from '../../sim/core/object';
import { CliError, formatError } from '../errors';
import { ALL_NAMESPACES_FLAG, DRY_RUN_FLAG, FIELD_MANAGER_FLAG, FILENAME_FLAG, PRINT_FLAGS, RECURSIVE_FLAG, SELECTOR_FLAG } from '../flags';
import { printErrors } from '../infos';
import { checkOutputFormat, dryRunMode, printChange } from '../output';
import type { CommandModule } from '../types';
import { findObjects, mutableCopy, updateObject } from '../workload';

const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

function metadataCommand(kind: 'label' | 'annotation'): CommandModule {
  const isLabel = kind === 'label';
  const field = isLabel ? 'labels' : 'annotations';
  return {
    name: isLabel ? 'label' : 'annotate',
    short: isLabel ? 'Update the labels on a resource' : 'Update the annotations on a resource',
    flags: [
      FILENAME_FLAG,
      RECURSIVE_FLAG,
      SELECTOR_FLAG,
      { name: 'field-selector', type: 'string' },
      { name: 'all', type: 'bool' },
      ALL_NAMESPACES_FLAG,
      { name: 'overwrite', type: 'bool' },
      { name: 'local', type: 'bool' },
      { name: 'resource-version', type: 'string' },
      ...(isLabel ? [{ name: 'list', type: 'bool' as const }] : []),
      DRY_RUN_FLAG,
      FIELD_MANAGER_FLAG(isLabel ? 'kubectl-label' : 'kubectl-annotate'),
      ...PRINT_FLAGS,
    ],
    run(ctx, args) {
      // Resources come first, then the key=value / key- changes (kubectl's GetResourcesAndPairs).
      const resources: string[] = [];
      const pairs: string[] = [];
      for (const a of args.args) {
        const isPair = (a.includes('=') && a[0] !== '=') || (a.endsWith('-') && a !== '-');
        if (isPair) pairs.push(a);
        else if (pairs.length) throw new CliError(`all resources must be specified before ${kind} changes: ${a}`);
        else resources.push(a);
      }
      const list = isLabel && args.bool('list');
      if (resources.length === 0 && args.strings('filename').length === 0) {
        throw new CliError(`one or more resources must be specified as <resource> <name> or <resource>/<name>`);
      }
      if (pairs.length === 0 && !list) throw new CliError(`at least one ${kind} update is required`);
      const set: Record<string, string> = {};
      const remove: string[] = [];
      for (const p of pairs) {
        if (p.includes('=')) {
          const parts = p.split('=');
          if (parts.length !== 2) throw new CliError(`invalid ${kind} spec: ${p}`);
          if (isLabel && !LABEL_VALUE.test(parts[1])) {
            throw new CliError(
              `invalid label value: "${p}": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
            );
          }
          set[parts[0]] = parts[1];
        } else {
          remove.push(p.slice(0, -1));
        }
      }
      for (const r of remove) if (r in set) throw new CliError(`can not both modify and remove ${isLabel ? 'a label' : 'an annotation'} in the same command`);
      checkOutputFormat(args);
      const mode = dryRunMode(ctx, args);
      const { found, errors } = findObjects(ctx, args, resources, { selector: args.string('selector'), all: args.bool('all'), filenames: args.strings('filename') });
      const overwrite = args.bool('overwrite');
      for (const { type, object } of found) {
        try {
          const current: Record<string, string> = { ...(object.metadata[field] ?? {}) };
          if (list) {
            for (const [k, v] of Object.entries(current)) ctx.out(`${k}=${v}`);
            continue;
          }
          const rv = args.string('resource-version');
          if (rv && rv !== object.metadata.resourceVersion) {
            throw new CliError(`Operation cannot be fulfilled on ${type.plural}${type.group ? `.${type.group}` : ''} "${object.metadata.name}": the object has been modified; please apply your changes to the latest version and try again`);
          }
          if (!overwrite) {
            for (const k of Object.keys(set)) {
              if (k in current) throw new CliError(`'${k}' already has a value (${current[k]}), and --overwrite is false`);
            }
          }
          const next = { ...current };
          for (const k of remove) {
            if (!(k in next)) ctx.out(`${kind} "${k}" not found.`);
            delete next[k];
          }
          Object.assign(next, set);
          const changed: KObject = mutableCopy(object);
          changed.metadata[field] = next;
          const before = JSON.stringify(current);
          const after = JSON.stringify(next);
          let verb = isLabel ? 'not labeled' : 'annotated';
          if (isLabel && before !== after) verb = !overwrite && after.length < before.length ? 'unlabeled' : 'labeled';
          const result = before === after ? object : updateObject(ctx, type, changed, mode);
          printChange(ctx, args, type, result, verb, mode);
        } catch (e) {
          errors.push(e);
        }
      }
      if (errors.length) {
        printErrors(ctx, errors, (e) => formatError(e, ctx.path));
        return 1;
      }
      return 0;
    },
  };
}

export const command = metadataCommand('label');
export const annotateCommand = metadataCommand('annotation');
