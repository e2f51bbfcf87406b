/**
 * `kubectl get`: resource arguments → one "info" per list or named object (as kubectl's
 * resource builder returns them), then either tables (default / `-o wide`) or one generic
 * printer over a List (or the single named object). Errors (NotFound …) print after the
 * output, one per line, and make the exit code 1.
 */
import { StatusError, statusError } from '../../sim/api/errors';
import type { ResourceType } from '../../sim/api/registry';
import type { KObject } from '../../sim/core/object';
import { parseGoDuration, type ParsedArgs } from '../args';
import { CliError, formatError } from '../errors';
import { ALL_NAMESPACES_FLAG, FILENAME_FLAG, OUTPUT_FLAG, SELECTOR_FLAG, ALLOW_MISSING_TEMPLATE_KEYS_FLAG, SHOW_MANAGED_FIELDS_FLAG, TEMPLATE_FLAG } from '../flags';
import { kindPrefix, printObjects, PrintError, renderTables, type TableGroup } from '../printers';
import { checkTablesSortable, sortObjects, sortTableRows } from '../printers/sort';
import { readInfos } from '../infos';
import { parseResourceArgs, warnDeprecated } from '../resources';
import type { CommandContext, CommandModule, KubectlProgram } from '../types';
import { watchObjects } from './get-watch';

/** One result of the resource builder: a list of a type, or one named object. */
interface Info {
  type: ResourceType;
  objects: KObject[];
}

const GET_FORMATS = 'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml';

export const command: CommandModule = {
  name: 'get',
  short: 'Display one or many resources',
  flags: [
    OUTPUT_FLAG,
    SELECTOR_FLAG,
    ALL_NAMESPACES_FLAG,
    FILENAME_FLAG,
    TEMPLATE_FLAG,
    ALLOW_MISSING_TEMPLATE_KEYS_FLAG,
    SHOW_MANAGED_FIELDS_FLAG,
    { name: 'field-selector', type: 'string', usage: 'Selector (field query) to filter on' },
    { name: 'show-labels', type: 'bool', usage: 'When printing, show all labels as the last column' },
    { name: 'label-columns', short: 'L', type: 'stringArray', usage: 'Accepts a comma separated list of labels that are going to be presented as columns.' },
    { name: 'no-headers', type: 'bool', usage: "When using the default or custom-column output format, don't print headers" },
    { name: 'sort-by', type: 'string', usage: 'If non-empty, sort list types using this field specification.' },
    { name: 'ignore-not-found', type: 'bool', usage: 'If the requested object does not exist the command will return exit code 0.' },
    { name: 'show-kind', type: 'bool', usage: 'If present, list the resource type for the requested object(s).' },
    { name: 'chunk-size', type: 'int', default: 500 },
    { name: 'server-print', type: 'bool', default: true },
    { name: 'watch', short: 'w', type: 'bool', usage: 'After listing/getting the requested object, watch for changes.' },
    { name: 'watch-only', type: 'bool' },
    { name: 'output-watch-events', type: 'bool' },
    { name: 'raw', type: 'string' },
    { name: 'subresource', type: 'string' },
    { name: 'recursive', short: 'R', type: 'bool' },
  ],
  run: runGet,
};

function runGet(ctx: CommandContext, args: ParsedArgs): number | KubectlProgram {
  const output = outputFormat(args);
  const client = ctx.client;
  const filenames = args.strings('filename');
  if (args.args.length === 0 && filenames.length === 0) {
    ctx.io.err('You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n');
    throw new CliError(
      'error: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl get -h\' for help and examples',
      true,
    );
  }
  if (args.bool('show-labels') && output !== '' && output !== 'wide') {
    throw new CliError(`--show-labels option cannot be used with ${output} printer`);
  }
  const formatName = output.split('=')[0];
  if (output && !GET_FORMATS.split(',').includes(formatName)) {
    throw new CliError(`unable to match a printer suitable for the output format "${output}", allowed formats are: ${GET_FORMATS}`);
  }
  const allNamespaces = args.bool('all-namespaces');
  const namespace = ctx.namespace;
  const { refs, types } = parseResourceArgs(client.discovery, args.args);
  warnDeprecated(ctx, [...types, ...refs.map((r) => r.type)]);
  if (args.bool('watch') || args.bool('watch-only')) return startWatch(ctx, args, output, refs, types);
  const fileInfos = filenames.length ? readInfos(ctx, filenames, true) : { infos: [], errors: [] };
  const labelSelector = args.string('selector') || undefined;
  const fieldSelector = args.string('field-selector') || undefined;
  if (refs.length && labelSelector) throw new CliError('selectors and the all flag cannot be used when passing resource/name arguments');

  const infos: Info[] = [];
  const errors: unknown[] = [...fileInfos.errors];
  for (const f of fileInfos.infos) {
    try {
      infos.push({ type: f.type, objects: [client.get(f.type.plural, f.namespace, f.name)] });
    } catch (e) {
      if (!(e instanceof StatusError && e.reason === 'NotFound' && args.bool('ignore-not-found'))) errors.push(e);
    }
  }
  for (const type of types) {
    const ns = type.namespaced && !allNamespaces ? namespace : undefined;
    infos.push({ type, objects: listObjects(ctx, type, ns, labelSelector, fieldSelector) });
  }
  for (const ref of refs) {
    try {
      infos.push({ type: ref.type, objects: [client.get(ref.type.plural, ref.type.namespaced ? namespace : undefined, ref.name)] });
    } catch (e) {
      if (e instanceof StatusError && e.reason === 'NotFound' && args.bool('ignore-not-found')) continue;
      errors.push(e);
    }
  }

  let objects = infos.flatMap((i) => i.objects);
  const sortBy = args.string('sort-by');
  const now = ctx.client.now();
  // One name, or one file holding one object, implies a single item rather than a List.
  const singleItem = (refs.length === 1 && types.length === 0 && filenames.length === 0) || (refs.length === 0 && types.length === 0 && filenames.length === 1 && fileInfos.infos.length === 1);

  if (output === '' || output === 'wide') {
    if (sortBy) objects = sortTables(infos, sortBy);
    const distinctKinds = new Set(infos.map((i) => i.type.plural)).size;
    const withKind = (infos.length > 1 && distinctKinds > 1) || args.bool('show-kind');
    const text = renderTables(groupsInOrder(objects, infos), {
      now,
      wide: output === 'wide',
      withNamespace: allNamespaces,
      withKind,
      noHeaders: args.bool('no-headers'),
      showLabels: args.bool('show-labels'),
      labelColumns: args.strings('label-columns').flatMap((s) => s.split(',')).filter(Boolean),
    });
    if (text) ctx.io.out(text);
    else if (errors.length === 0 && !args.bool('ignore-not-found')) {
      const allNamespaced = !allNamespaces && infos.every((i) => i.type.namespaced) && [...types, ...refs.map((r) => r.type), ...fileInfos.infos.map((f) => f.type)].every((t) => t.namespaced);
      ctx.err(allNamespaced ? `No resources found in ${namespace} namespace.` : 'No resources found');
    }
  } else {
    if (singleItem && errors.length) return printErrors(ctx, errors);
    if (sortBy && !singleItem) objects = sortOrThrow(() => sortObjects(objects, sortBy));
    if (objects.length === 0 && args.bool('ignore-not-found')) return errors.length ? printErrors(ctx, errors) : 0;
    try {
      const text = printObjects(objects, output, { now, singleItem, noHeaders: args.bool('no-headers') });
      if (text) ctx.io.out(text);
    } catch (e) {
      if (e instanceof PrintError) {
        if (e.output) ctx.io.out(e.output);
        errors.push(new CliError(e.message));
      } else throw e;
    }
  }
  return errors.length ? printErrors(ctx, errors) : 0;
}

/**
 * A list request; a rejected selector comes back as the api-server's BadRequest, reworded by
 * kubectl's resource builder (`Unable to find "/v1, Resource=pods" that match label selector …`).
 */
export function listObjects(ctx: CommandContext, type: ResourceType, ns: string | undefined, labelSelector?: string, fieldSelector?: string): KObject[] {
  try {
    return ctx.client.list(type.plural, ns, { labelSelector, fieldSelector });
  } catch (e) {
    const status = e instanceof StatusError ? e.status : e instanceof Error ? statusError('BadRequest', e.message).status : undefined;
    if (!status || (status.reason !== 'BadRequest' && status.reason !== 'NotFound')) throw e;
    const gvr = `${type.group ? `${type.group}/` : '/'}${type.version}, Resource=${type.plural}`;
    const message = labelSelector || fieldSelector
      ? `Unable to find ${JSON.stringify(gvr)} that match label selector ${JSON.stringify(labelSelector ?? '')}, field selector ${JSON.stringify(fieldSelector ?? '')}: ${status.message}`
      : `Unable to list ${JSON.stringify(gvr)}: ${status.message}`;
    throw statusError(status.reason, message, status.details);
  }
}

/** `-o FORMAT[=ARG]`, with `--template` supplying the argument (alone it means go-template). */
function outputFormat(args: ParsedArgs): string {
  const output = args.string('output');
  const template = args.string('template');
  if (!template || output.includes('=')) return output;
  if (!output) return `go-template=${template}`;
  return ['go-template', 'template', 'jsonpath', 'jsonpath-as-json'].includes(output) ? `${output}=${template}` : output;
}

function sortOrThrow(sort: () => KObject[]): KObject[] {
  try {
    return sort();
  } catch (e) {
    if (e instanceof PrintError) throw new CliError(e.message);
    throw e;
  }
}

/**
 * Server-printed tables, one per list or named object: kubectl sorts the rows within each
 * table (a table whose rows all lack the field prints nothing), never across tables.
 */
function sortTables(infos: Info[], sortBy: string): KObject[] {
  return sortOrThrow(() => {
    checkTablesSortable(infos.length, sortBy);
    return infos.flatMap((i) => sortTableRows(i.objects, sortBy) ?? []);
  });
}

/** Table groups: consecutive objects of one type share a table (and its header). */
function groupsInOrder(objects: KObject[], infos: Info[]): TableGroup[] {
  const typeByKind = new Map(infos.map((i) => [i.type.kind, i.type]));
  const groups: TableGroup[] = [];
  for (const obj of objects) {
    const type = typeByKind.get(obj.kind)!;
    const last = groups[groups.length - 1];
    if (last && last.resource === type.plural) last.objects.push(obj);
    else groups.push({ resource: type.plural, kindPrefix: kindPrefix(obj), namespaced: type.namespaced, objects: [obj] });
  }
  return groups;
}

function printErrors(ctx: CommandContext, errors: unknown[]): number {
  for (const e of errors) ctx.io.err(formatError(e));
  return 1;
}

/** `-w`: one resource type (a list or one named object), then its changes. */
function startWatch(ctx: CommandContext, args: ParsedArgs, output: string, refs: ReturnType<typeof parseResourceArgs>['refs'], types: ResourceType[]): KubectlProgram {
  const kinds = new Set([...types, ...refs.map((r) => r.type)].map((t) => t.plural));
  if (kinds.size !== 1 || refs.length > 1 || (refs.length && types.length)) {
    throw new CliError('watch is only supported on individual resources and resource collections - more than 1 resource was found');
  }
  const type = refs[0]?.type ?? types[0];
  const allNamespaces = args.bool('all-namespaces');
  const namespace = type.namespaced && !allNamespaces ? ctx.namespace : undefined;
  const labelSelector = args.string('selector') || undefined;
  const fieldSelector = args.string('field-selector') || undefined;
  const name = refs[0]?.name;
  const initial = name ? [ctx.client.get(type.plural, namespace, name)] : listObjects(ctx, type, namespace, labelSelector, fieldSelector);
  // `--request-timeout`: a Go duration, or bare seconds; 0 means none.
  const timeout = args.string('request-timeout');
  const timeoutMs = /^\d+$/.test(timeout) ? Number(timeout) * 1000 : parseGoDuration(timeout);
  if (timeoutMs === undefined) throw new CliError(`invalid timeout value. Timeout must be a single integer in seconds, or an integer followed by a corresponding time unit (e.g. 1s | 2m | 3h)`);
  return watchObjects(ctx, {
    type,
    namespace,
    name,
    labelSelector,
    fieldSelector,
    initial,
    output,
    watchOnly: args.bool('watch-only'),
    timeoutMs,
    table: {
      wide: output === 'wide',
      withNamespace: allNamespaces,
      noHeaders: args.bool('no-headers'),
      showLabels: args.bool('show-labels'),
      labelColumns: args.strings('label-columns').flatMap((s) => s.split(',')).filter(Boolean),
    },
  });
}
