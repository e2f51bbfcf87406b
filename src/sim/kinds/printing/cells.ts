/**
 * Cells several kinds' table printers share (pkg/printers/internalversion/printers.go), and the
 * default table the server prints for a kind without a printer of its own.
 */
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { LabelSelector, ObjectMeta } from 'kubernetes-types/meta/v1';
import { formatSelector } from '../../core/labels';
import type { KObject } from '../../core/object';
import type { PrinterColumn, TablePrinter } from '../kind';
import { age } from './age';

export const NONE = '<none>';

/** The NAME column every kind starts with. */
export const NAME: PrinterColumn = { name: 'Name', format: 'name' };
export const AGE: PrinterColumn = { name: 'Age' };

export function nameCell(obj: { metadata?: ObjectMeta }): string {
  return obj.metadata?.name ?? '';
}

export function ageCell(obj: { metadata?: ObjectMeta }, now: number): string {
  return age(obj.metadata?.creationTimestamp, now);
}

/** CONTAINERS and IMAGES of a workload's pod template. */
export function containerCells(template: PodTemplateSpec | undefined): [string, string] {
  const containers = template?.spec?.containers ?? [];
  return [containers.map((c) => c.name).join(','), containers.map((c) => c.image).join(',')];
}

/** Go's `selector.String()`: empty for a selector that matches everything. */
export function selectorText(sel: LabelSelector | undefined): string {
  const s = formatSelector(sel);
  return s === NONE ? '' : s;
}

/** The server's default table, for kinds without a dedicated printer. */
export const DEFAULT_PRINTER: TablePrinter<KObject> = {
  columns: [NAME, AGE],
  cells: (obj, { now }) => [nameCell(obj), ageCell(obj, now)],
};
