/**
 * kubectl's output printers, pure: `printObjects(objects, format, options)` renders what
 * `kubectl get -o <format>` prints; `podStatus`, `humanDuration`, `age` are for the UI too.
 */
import type { KObject } from '../../sim/core/object';
import { RESOURCE_TYPES } from '../../sim/api/registry';
import { printCustomColumns, parseCustomColumns, CustomColumnsError, goValueText } from './custom-columns';
import { goJson, goJsonIndent, goSyntax } from './gojson';
import { executeGoTemplate, GoTemplateError, parseGoTemplate } from './gotemplate';
import { toYaml } from './goyaml';
import { executeJsonPath, executeJsonPathAsJson, JsonPathExecError, JsonPathParseError, parseJsonPath } from './jsonpath';
import { renderTables, type TableGroup, type TableOptions } from './table';
import { PrintError } from './errors';

export { PrintError };

export { podStatus, podColumns } from '../../sim/kinds/printing/pod-status';
export { humanDuration, shortHumanDuration, age } from '../../sim/kinds/printing/age';
export { toYaml } from './goyaml';
export { goJsonIndent } from './gojson';
export { renderTables, tableLines, type TableGroup, type TableOptions } from './table';
export { nodeStatus, nodeRoles } from '../../sim/kinds/core/node';


export interface PrintOptions extends TableOptions {
  /** One object was asked for by name: yaml/json/jsonpath print it alone, not in a List. */
  singleItem?: boolean;
  /**
   * `-o json` keeps the objects' own key order (typed objects from client-side generators,
   * whose keys are already in Go struct order) instead of sorting (server objects).
   */
  keepKeyOrder?: boolean;
}

const OUTPUT_FORMATS = ['custom-columns', 'custom-columns-file', 'go-template', 'go-template-file', 'json', 'jsonpath', 'jsonpath-as-json', 'jsonpath-file', 'name', 'template', 'templatefile', 'wide', 'yaml'];

/** `kind.group` as kubectl writes it before `/name` (`pod`, `deployment.apps`). */
export function kindPrefix(obj: KObject): string {
  const group = obj.apiVersion.includes('/') ? obj.apiVersion.split('/')[0] : '';
  return group ? `${obj.kind.toLowerCase()}.${group}` : obj.kind.toLowerCase();
}

/** The List kubectl wraps several objects in for `-o yaml|json|jsonpath`. */
export function asList(objects: KObject[]): Record<string, unknown> {
  return { apiVersion: 'v1', items: objects, kind: 'List', metadata: { resourceVersion: '' } };
}

function resourceOf(obj: KObject): { plural: string; namespaced: boolean } {
  const t = RESOURCE_TYPES.find((r) => r.kind === obj.kind);
  return t ? { plural: t.plural, namespaced: t.namespaced } : { plural: obj.kind.toLowerCase() + 's', namespaced: !!obj.metadata.namespace };
}

/** Groups consecutive objects of one kind into tables. */
export function groupByKind(objects: KObject[]): TableGroup[] {
  const groups: TableGroup[] = [];
  for (const obj of objects) {
    const last = groups[groups.length - 1];
    const r = resourceOf(obj);
    if (last && last.resource === r.plural) last.objects.push(obj);
    else groups.push({ resource: r.plural, kindPrefix: kindPrefix(obj), namespaced: r.namespaced, objects: [obj] });
  }
  return groups;
}

/**
 * Renders objects in an output format (`''` = table, `wide`, `yaml`, `json`, `name`,
 * `jsonpath=…`, `custom-columns=…`). Throws PrintError with kubectl's message.
 */
export function printObjects(objects: KObject[], format: string, options: PrintOptions): string {
  const eq = format.indexOf('=');
  const name = eq < 0 ? format : format.slice(0, eq);
  const arg = eq < 0 ? undefined : format.slice(eq + 1);
  const data = () => (options.singleItem && objects.length === 1 ? objects[0] : asList(objects));
  switch (name) {
    case '':
    case 'wide':
      return renderTables(groupByKind(objects), { ...options, wide: name === 'wide' });
    case 'yaml':
      return toYaml(data());
    case 'json':
      return goJsonIndent(data(), options.keepKeyOrder) + '\n';
    case 'name':
      return objects.map((o) => `${kindPrefix(o)}/${o.metadata.name}\n`).join('');
    case 'go-template':
    case 'template':
      if (!arg) throw new PrintError('template format specified but no template given');
      return runGoTemplate(arg, data());
    case 'jsonpath':
    case 'jsonpath-as-json':
      if (!arg) throw new PrintError('template format specified but no template given');
      return runJsonPath(arg, data(), name === 'jsonpath-as-json');
    case 'custom-columns':
      try {
        return printCustomColumns(objects, parseCustomColumns(arg ?? ''), !!options.noHeaders);
      } catch (e) {
        if (e instanceof CustomColumnsError || e instanceof JsonPathParseError) throw new PrintError(e.message);
        throw e;
      }
  }
  throw new PrintError(
    `unable to match a printer suitable for the output format "${format}", allowed formats are: ${OUTPUT_FORMATS.join(',')}`,
  );
}

function runGoTemplate(template: string, data: unknown): string {
  let nodes;
  try {
    nodes = parseGoTemplate(template);
  } catch (e) {
    if (e instanceof GoTemplateError) throw new PrintError(`error parsing template ${template}, ${e.message}`);
    throw e;
  }
  const out: string[] = [];
  try {
    return executeGoTemplate(nodes, data, out);
  } catch (e) {
    if (!(e instanceof GoTemplateError)) throw e;
    // kubectl writes what the template printed so far, then this dump, to stdout.
    const dump =
      `Error executing template: ${e.message}. Printing more information for debugging the template:\n` +
      `\ttemplate was:\n\t\t${template}\n\traw data was:\n\t\t${goJson(data)}\n` +
      `\tobject given to template engine was:\n\t\t${goValueText(data)}\n\n`;
    throw new PrintError(`error executing template ${JSON.stringify(template)}: ${e.message}`, out.join('') + dump);
  }
}

function runJsonPath(template: string, data: unknown, asJson = false): string {
  let nodes;
  try {
    nodes = parseJsonPath(template);
  } catch (e) {
    if (e instanceof JsonPathParseError) throw new PrintError(`error parsing jsonpath ${template}, ${e.message}`);
    throw e;
  }
  try {
    return asJson ? executeJsonPathAsJson(nodes, data) : executeJsonPath(nodes, data);
  } catch (e) {
    if (e instanceof JsonPathExecError) {
      // client-go's debugging dump, wrapped by kubectl in `error executing jsonpath %q: %v\n`.
      throw new PrintError(
        `error executing jsonpath ${JSON.stringify(template)}: Error executing template: ${e.message}. Printing more information for debugging the template:\n` +
          `\ttemplate was:\n\t\t${template}\n\tobject given to jsonpath engine was:\n\t\t${goSyntax(data)}\n\n\n`,
      );
    }
    throw e;
  }
}
