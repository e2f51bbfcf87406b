/**
 * kubectl's human-readable tables: one table per resource type (header once, rows aligned by
 * the tabwriter), NAMESPACE first with `-A`, `-L` label columns and LABELS last, names as
 * `kind.group/name` when several kinds are printed, and a blank line between tables.
 */
import type { KObject } from '../../sim/core/object';
import { formatLabels } from '../../sim/core/labels';
import { KINDS, type TablePrinter } from '../../sim/kinds';
import { DEFAULT_PRINTER } from '../../sim/kinds/printing/cells';
import { TABLE_TABWRITER, tabwrite } from './tabwriter';

export interface TableOptions {
  /** Virtual now, for AGE columns. */
  now: number;
  wide?: boolean;
  /** `-A`: a NAMESPACE column (ignored for cluster-scoped kinds). */
  withNamespace?: boolean;
  /** Prefix names with `kind.group/` (several kinds in one `get`). */
  withKind?: boolean;
  noHeaders?: boolean;
  showLabels?: boolean;
  /** `-L key`: one column per key, titled by the key's last `/` segment, upper-cased. */
  labelColumns?: string[];
}

export interface TableGroup {
  /** Plural resource name (`pods`). */
  resource: string;
  /** `pod`, `deployment.apps`: the prefix used with `withKind`. */
  kindPrefix: string;
  namespaced: boolean;
  objects: KObject[];
}

/** The server's table printer of each served kind, by plural; others get the default table. */
const PRINTERS = new Map(KINDS.map((k) => [k.plural, k.printer]));

function printerFor(resource: string): TablePrinter {
  return PRINTERS.get(resource) ?? DEFAULT_PRINTER;
}

/** The tab-separated lines (header then rows) of one group; empty when it has no objects. */
export function tableLines(group: TableGroup, opts: TableOptions): string[] {
  if (group.objects.length === 0) return [];
  const wide = !!opts.wide;
  const withNs = !!opts.withNamespace && group.namespaced;
  const labelKeys = opts.labelColumns ?? [];
  const printer = printerFor(group.resource);
  // Priority-1 columns only with `-o wide`, as kubectl drops them from the server's table.
  const shown = printer.columns.flatMap((c, i) => (wide || !c.priority ? [i] : []));
  // The name column gets the kind prefix (for events it is a wide column, so absent otherwise).
  const nameAt = shown.findIndex((i) => printer.columns[i].format === 'name');
  const lines: string[] = [];
  if (!opts.noHeaders) {
    const headers = shown.map((i) => printer.columns[i].name.toUpperCase());
    if (withNs) headers.unshift('NAMESPACE');
    for (const k of labelKeys) headers.push(k.split('/').pop()!.toUpperCase());
    if (opts.showLabels) headers.push('LABELS');
    lines.push(headers.join('\t'));
  }
  for (const obj of group.objects) {
    const row = printer.cells(obj, { now: opts.now, wide });
    const cells = shown.map((i) => truncateAtBreak(row[i]));
    if (opts.withKind && nameAt >= 0) cells[nameAt] = `${group.kindPrefix}/${cells[nameAt]}`;
    if (withNs) cells.unshift(obj.metadata.namespace ?? '');
    const labels = obj.metadata.labels ?? {};
    for (const k of labelKeys) cells.push(labels[k] ?? '');
    if (opts.showLabels) cells.push(formatLabels(labels));
    lines.push(cells.join('\t'));
  }
  return lines;
}

/** kubectl cuts a cell at its first line break and marks the cut with `...`. */
function truncateAtBreak(cell: string): string {
  const i = cell.search(/[\f\n\r]/);
  return i < 0 ? cell : `${cell.slice(0, i)}...`;
}

/** Several groups as `kubectl get` prints them: each aligned alone, blank lines between. */
export function renderTables(groups: TableGroup[], opts: TableOptions): string {
  let out = '';
  for (const g of groups) {
    const lines = tableLines(g, opts);
    if (lines.length === 0) continue;
    if (out && !opts.noHeaders) out += '\n';
    out += tabwrite(lines.join('\n') + '\n', TABLE_TABWRITER);
  }
  return out;
}
