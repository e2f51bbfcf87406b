/**
 * Shared by commands that change existing objects (`scale`, `set image`, `label`, `annotate`,
 * `rollout …`): find the objects named by arguments, `-f`, `-l` or `--all`, then
 * read-modify-write through the api-server.
 */
import type { ResourceType } from '../sim/api/registry';
import { clone, type KObject } from '../sim/core/object';
import type { ParsedArgs } from './args';
import { CliError } from './errors';
import { readInfos } from './infos';
import { parseResourceArgs } from './resources';
import type { CommandContext } from './types';

export interface Found {
  type: ResourceType;
  object: KObject;
  source?: string;
}

export const NO_RESOURCES_MESSAGE =
  "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'";

/**
 * Objects named by `resourceArgs` (`TYPE NAME…`, `TYPE/NAME…`, or `TYPE` with `-l`/`--all`) or
 * by `-f`. Lookup errors (NotFound) are collected so the other objects are still processed.
 */
export function findObjects(ctx: CommandContext, args: ParsedArgs, resourceArgs: string[], opts: { selector?: string; all?: boolean; filenames?: string[] } = {}): { found: Found[]; errors: unknown[] } {
  const client = ctx.client;
  const found: Found[] = [];
  const errors: unknown[] = [];
  const filenames = opts.filenames ?? [];
  if (filenames.length) {
    const infos = readInfos(ctx, filenames, false);
    errors.push(...infos.errors);
    for (const info of infos.infos) {
      try {
        found.push({ type: info.type, object: client.get(info.type.plural, info.namespace, info.name), source: info.source });
      } catch (e) {
        errors.push(e);
      }
    }
    return { found, errors };
  }
  if (resourceArgs.length === 0) throw new CliError(NO_RESOURCES_MESSAGE);
  const parsed = parseResourceArgs(client.discovery, resourceArgs);
  if (opts.selector || opts.all) {
    if (parsed.refs.length) throw new CliError('name cannot be provided when a selector is specified');
    for (const type of parsed.types) {
      for (const object of client.list(type.plural, type.namespaced ? ctx.namespace : undefined, { labelSelector: opts.selector || undefined })) {
        found.push({ type, object });
      }
    }
    return { found, errors };
  }
  if (parsed.types.length) throw new CliError('resource(s) were provided, but no name was specified');
  for (const ref of parsed.refs) {
    try {
      found.push({ type: ref.type, object: client.get(ref.type.plural, ref.type.namespaced ? ctx.namespace : undefined, ref.name) });
    } catch (e) {
      errors.push(e);
    }
  }
  return { found, errors };
}

/** Writes a changed copy of `obj` (optimistic concurrency on its resourceVersion). */
export function updateObject(ctx: CommandContext, type: ResourceType, changed: KObject, dryRun: 'none' | 'client' | 'server'): KObject {
  if (dryRun === 'client') return changed;
  const result = ctx.client.update(type.plural, changed.metadata.namespace, changed, { dryRun: dryRun === 'server', fieldValidation: 'Strict' });
  return result;
}

export function mutableCopy(obj: KObject): KObject {
  return clone(obj);
}

/**
 * kubectl's `--record` value (Factory.Command): `kubectl`, the non-flag arguments (command words
 * included), then each flag given as ` --name=value`.
 */
export function changeCause(ctx: CommandContext, args: ParsedArgs): string {
  const words = ctx.path.split(' ').slice(1);
  const positional = [...words, ...args.positional];
  const flags = args.given.map((f) => ` --${f.name}=${f.value}`).join('');
  return `kubectl${positional.length ? ` ${positional.join(' ')}` : ''}${flags}`;
}
