/**
 * From `-f` arguments to typed objects, as kubectl's resource builder does: read the manifests,
 * map each kind to a served resource (or report `resource mapping not found`), settle the
 * namespace. Errors are collected, not thrown: kubectl goes on with the other objects.
 */
import { builtinKind } from '../sim/api/builtin-kinds';
import { StatusError } from '../sim/api/errors';
import type { ResourceType } from '../sim/api/registry';
import { clone, type KObject } from '../sim/core/object';
import type { ParsedArgs } from './args';
import { CliError, formatError } from './errors';
import { readManifests } from './manifests';
import { notSimulatedYet } from './resources';
import type { CommandContext } from './types';

export interface Info {
  type: ResourceType;
  /** The object as written (a private copy), namespace filled in for namespaced kinds. */
  object: KObject;
  name: string;
  namespace: string | undefined;
  source: string;
}

/** cli-runtime's Info.String(): the mapping, then name and namespace, as kubectl's messages quote them. */
export function infoString(info: Info): string {
  const { group, version, plural, kind } = info.type;
  return `Resource: "${group}/${version}, Resource=${plural}", GroupVersionKind: "${group}/${version}, Kind=${kind}"\nName: "${info.name}", Namespace: "${info.namespace ?? ''}"`;
}

export interface Infos {
  infos: Info[];
  errors: unknown[];
}

export function validateEnabled(args: ParsedArgs): boolean {
  const v = args.string('validate');
  if (['false', 'ignore'].includes(v)) return false;
  if (['true', 'strict', 'warn', ''].includes(v)) return true;
  throw new CliError(`invalid - validate option "${v}"; must be one of: strict (or true), warn, ignore (or false)`);
}

export function readInfos(ctx: CommandContext, filenames: string[], validate: boolean): Infos {
  const read = readManifests(filenames, ctx.io.workspace, ctx.io.stdin, validate);
  const errors: unknown[] = [];
  const infos: Info[] = [];
  for (const { object, source } of read.objects) {
    const apiVersion = String(object.apiVersion ?? '');
    const kind = String(object.kind ?? '');
    const meta = (object.metadata && typeof object.metadata === 'object' ? object.metadata : {}) as Record<string, unknown>;
    const name = typeof meta.name === 'string' ? meta.name : '';
    const ns = typeof meta.namespace === 'string' ? meta.namespace : '';
    const type = ctx.client.discovery.forKind(apiVersion, kind);
    if (!type) {
      const builtin = builtinKind(apiVersion, kind);
      const why = builtin ? `kind ${notSimulatedYet(ctx.client.discovery, builtin)}` : `no matches for kind "${kind}" in version "${apiVersion}"\nensure CRDs are installed first`;
      errors.push(new CliError(`resource mapping not found for name: "${name}" namespace: "${ns}" from "${source}": ${why}`));
      continue;
    }
    const copy = clone(object) as unknown as KObject;
    let namespace: string | undefined;
    if (type.namespaced) {
      if (ns && ctx.namespaceExplicit && ns !== ctx.namespace) {
        errors.push(new CliError(`the namespace from the provided object "${ns}" does not match the namespace "${ctx.namespace}". You must pass '--namespace=${ns}' to perform this operation.`));
        continue;
      }
      namespace = ns || ctx.namespace;
    }
    infos.push({ type, object: copy, name, namespace, source });
  }
  // Reading errors come from the visitor, after the mapping errors of the documents before them.
  return { infos, errors: [...errors, ...read.errors.map((m) => new CliError(m))] };
}

/** Prints collected errors as kubectl does: one alone with its `error: ` form, several one per line. */
export function printErrors(ctx: CommandContext, errors: unknown[], format: (e: unknown) => string): void {
  if (errors.length === 1) {
    ctx.io.err(format(errors[0]));
    return;
  }
  for (const e of errors) {
    if (e instanceof StatusError) {
      // StandardErrorMessage: every api error, Invalid included, as `Error from server (…)`.
      ctx.io.err(`Error from server (${e.status.reason}): ${e.status.message}\n`);
      continue;
    }
    const text = format(e);
    // kubectl's MultipleErrors prints client errors without their `error: ` prefix.
    ctx.io.err(e instanceof CliError && !e.raw && text.startsWith('error: ') ? text.slice('error: '.length) : text);
  }
}

/** kubectl's usual ending: print every collected error the way kubectl aggregates them; exit 1 if any. */
export function exitWithErrors(ctx: CommandContext, errors: unknown[]): number {
  if (!errors.length) return 0;
  printErrors(ctx, errors, (e) => formatError(e, ctx.path));
  return 1;
}
