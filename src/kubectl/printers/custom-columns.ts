/**
 * `-o custom-columns=HEADER:.path,…` (kubectl's CustomColumnsPrinter): one row per object,
 * `<none>` for paths that find nothing, several values joined by commas, Go `%v` for maps.
 */
import type { KObject } from '../../sim/core/object';
import { findJsonPathValues, relaxedJsonPath } from './jsonpath';
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
  for (const obj of objects) {
    lines.push(
      columns
        .map((c) => {
          const values = findJsonPathValues(c.path, obj);
          return values.length === 0 ? '<none>' : values.map(goValueText).join(',');
        })
        .join('\t'),
    );
  }
  return tabwrite(lines.join('\n') + '\n', TABLE_TABWRITER);
}
