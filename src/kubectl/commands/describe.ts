/**
 * `kubectl describe`: `TYPE`, `TYPE NAME_PREFIX`, `TYPE/NAME`, `-l`, `-A`. A name that is not
 * found is retried as a prefix over the type's objects, as kubectl does.
 */
import { StatusError } from '../../sim/api/errors';
import type { KObject } from '../../sim/core/object';
import type { ParsedArgs } from '../args';
import { describeObject } from '../describe';
import { CliError, formatError } from '../errors';
import { ALL_NAMESPACES_FLAG, FILENAME_FLAG, SELECTOR_FLAG } from '../flags';
import { readInfos } from '../infos';
import { parseResourceArgs, warnDeprecated } from '../resources';
import { listObjects } from './get';
import type { CommandContext, CommandModule } from '../types';

export const command: CommandModule = {
  name: 'describe',
  short: 'Show details of a specific resource or group of resources',
  flags: [
    SELECTOR_FLAG,
    ALL_NAMESPACES_FLAG,
    FILENAME_FLAG,
    { name: 'show-events', type: 'bool', default: true, usage: 'If true, display events related to the described object.' },
    { name: 'chunk-size', type: 'int', default: 500 },
    { name: 'recursive', short: 'R', type: 'bool' },
  ],
  run: runDescribe,
};

function runDescribe(ctx: CommandContext, args: ParsedArgs): number {
  const client = ctx.client;
  const filenames = args.strings('filename');
  if (args.args.length === 0 && filenames.length === 0) {
    throw new CliError('You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.');
  }
  const allNamespaces = args.bool('all-namespaces');
  const namespace = ctx.namespace;
  const labelSelector = args.string('selector') || undefined;
  const { refs, types } = parseResourceArgs(client.discovery, args.args);
  warnDeprecated(ctx, [...types, ...refs.map((r) => r.type)]);
  const settings = { showEvents: args.bool('show-events') };
  const describe = (obj: KObject) => describeObject(ctx.client, obj, settings);

  const objects: KObject[] = [];
  const fileInfos = filenames.length ? readInfos(ctx, filenames, true) : { infos: [], errors: [] };
  const errors: unknown[] = [...fileInfos.errors];
  for (const f of fileInfos.infos) {
    try {
      objects.push(client.get(f.type.plural, f.namespace, f.name));
    } catch (e) {
      errors.push(e);
    }
  }
  for (const type of types) {
    objects.push(...listObjects(ctx, type, type.namespaced && !allNamespaces ? namespace : undefined, labelSelector));
  }
  for (const ref of refs) {
    try {
      objects.push(client.get(ref.type.plural, ref.type.namespaced ? namespace : undefined, ref.name));
    } catch (e) {
      // `describe TYPE NAME`: a name that is not found is matched as a prefix.
      const prefixForm = args.args.length === 2 && !args.args[0].includes('/');
      if (e instanceof StatusError && e.reason === 'NotFound' && prefixForm) {
        const candidates = listObjects(ctx, ref.type, ref.type.namespaced && !allNamespaces ? namespace : undefined, labelSelector);
        const matching = candidates.filter((o) => o.metadata.name!.startsWith(ref.name));
        if (matching.length === 0) errors.push(e);
        for (const obj of matching) ctx.io.out(`${describe(obj)}\n`);
        continue;
      }
      errors.push(e);
    }
  }
  objects.forEach((obj, i) => ctx.io.out(i === 0 ? describe(obj) : `\n\n${describe(obj)}`));
  if (objects.length === 0 && errors.length === 0 && refs.length === 0 && filenames.length === 0) {
    ctx.err(allNamespaces ? 'No resources found' : `No resources found in ${namespace} namespace.`);
  }
  for (const e of errors) ctx.io.err(formatError(e));
  return errors.length ? 1 : 0;
}
