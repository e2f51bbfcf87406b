/**
 * `-o custom-columns=HEADER:.path,…` (kubectl's CustomColumnsPrinter): one row per object,
 * `<none>` for paths that find nothing, several values joined by commas, Go `%v` for maps.
 */
import type { KObject } from '../../sim/core/object';
import { findJsonPathValues, JsonPathExecError, relaxedJsonPath } from './jsonpath';
import { PrintError } from './errors';
import { TABLE_TABWRITER, tabwrite } from './tabwriter';

export class CustomColumnsError extends Error {}

export interface CustomColumn {
  header: string;
  path: string;
}

export function parseCustomColumns(spec: string): CustomColumn[] {
  if (spec.length === 0) throw new CustomColumnsError('custom-columns format specified but no custom columns given');
  return spec.split(',').map((part) => {
    const colon = part.indexOf(':');
    if (colon < 0) throw new CustomColumnsError(`unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`);
    return { header: part.slice(0, colon), path: relaxedJsonPath(part.slice(colon + 1)) };
  });
}

/** Go's `%v` of decoded JSON. */
export function goValueText(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (Array.isArray(v)) return `[${v.map(goValueText).join(' ')}]`;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `map[${Object.keys(o).sort().map((k) => `${k}:${goValueText(o[k])}`).join(' ')}]`;
  }
  return String(v);
}

export function printCustomColumns(objects: KObject[], columns: CustomColumn[], noHeaders: boolean): string {
  const lines: string[] = [];
  if (!noHeaders) lines.push(columns.map((c) => c.header).join('\t'));
  const flush = () => tabwrite(lines.join('\n') + '\n', TABLE_TABWRITER);
  for (const obj of objects) {
    try {
      lines.push(columns.map((c) => cellText(findJsonPathValues(c.path, obj))).join('\t'));
    } catch (e) {
      // kubectl stops at the failing object; the rows before it are flushed.
      if (e instanceof JsonPathExecError) throw new PrintError(e.message, lines.length ? flush() : '');
      throw e;
    }
  }
  return flush();
}

function cellText(values: unknown[]): string {
  return values.length === 0 ? '<none>' : values.map(goValueText).join(',');
}
