/**
 * What PersistentVolumes and their claims share: access modes (validated as
 * ValidatePersistentVolumeSpec and ValidatePersistentVolumeClaimSpec do, printed as
 * GetAccessModesAsString abbreviates them), the storage size, and the class name.
 */
import type { FieldError } from '../../api/errors';
import { goQuote } from '../../core/gostr';
import { canonicalQuantity, parseQuantity, QUANTITY_FORMAT_ERROR, tryParseQuantity } from '../../core/quantity';

export const ACCESS_MODES: Readonly<Record<string, string>> = {
  ReadWriteOnce: 'RWO',
  ReadOnlyMany: 'ROX',
  ReadWriteMany: 'RWX',
  ReadWriteOncePod: 'RWOP',
};

const SUPPORTED = Object.keys(ACCESS_MODES).sort();

/** `RWO,ROX`: each mode once, in this fixed order, whatever order the object lists them. */
export function accessModesText(modes: readonly string[] | undefined | null): string {
  const set = new Set(modes ?? []);
  return Object.keys(ACCESS_MODES).filter((m) => set.has(m)).map((m) => ACCESS_MODES[m]).join(',');
}

export function validateAccessModes(modes: readonly string[] | undefined | null, path: string, requiredDetail?: string): FieldError[] {
  const errors: FieldError[] = [];
  const list = modes ?? [];
  if (list.length === 0) errors.push({ type: 'Required value', field: path, detail: requiredDetail });
  for (const m of list) {
    if (!(m in ACCESS_MODES)) errors.push({ type: 'Unsupported value', field: path, value: goQuote(String(m)), detail: `supported values: ${SUPPORTED.map(goQuote).join(', ')}` });
  }
  if (list.includes('ReadWriteOncePod') && list.length > 1) errors.push({ type: 'Forbidden', field: path, detail: 'may not use ReadWriteOncePod with other access modes' });
  return errors;
}

/** Every mode the claim asks for is one the volume offers. */
export function modesContain(offered: readonly string[] | undefined, wanted: readonly string[] | undefined): boolean {
  const set = new Set(offered ?? []);
  return (wanted ?? []).every((m) => set.has(m));
}

/** `storage` of a resource map in bytes (0 when unset or unparsable). */
export function storageBytes(m: Record<string, unknown> | undefined | null): number {
  const raw = m?.storage as string | number | undefined;
  if (raw === undefined || raw === null || !tryParseQuantity(raw)) return 0;
  return parseQuantity(raw);
}

/** `storage` as Quantity.String() prints it, '' when unset. */
export function storageText(m: Record<string, unknown> | undefined | null): string {
  const raw = m?.storage as string | number | undefined;
  if (raw === undefined || raw === null || !tryParseQuantity(raw)) return '';
  return canonicalQuantity(raw);
}

/** Validates a `storage` quantity (ValidateResourceQuantityValue: must be positive). */
export function validateStorage(raw: unknown, path: string): FieldError[] {
  const q = tryParseQuantity(raw as string | number);
  if (!q) return [{ type: 'Invalid value', field: path, value: goQuote(String(raw)), detail: QUANTITY_FORMAT_ERROR }];
  if (q.nanos <= 0n) return [{ type: 'Invalid value', field: path, value: goQuote(canonicalQuantity(raw as string)), detail: 'must be greater than zero' }];
  return [];
}

/** The beta annotation that named a class before `storageClassName` existed; it still wins over the field. */
export const BETA_STORAGE_CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class';

interface Classed {
  metadata?: { annotations?: Record<string, string> | null } | null;
  spec?: { storageClassName?: string | null } | null;
}

/** storagehelpers.GetPersistentVolumeClaimClass / GetPersistentVolumeClass: the annotation, else the field, else "". */
export function storageClassOf(obj: Classed): string {
  const annotated = obj.metadata?.annotations?.[BETA_STORAGE_CLASS_ANNOTATION];
  if (annotated !== undefined) return annotated;
  return obj.spec?.storageClassName ?? '';
}

/** helper.PersistentVolumeClaimHasClass: the claim names a class (even ""), by the annotation or the field. */
export function claimNamesClass(obj: Classed): boolean {
  return obj.metadata?.annotations?.[BETA_STORAGE_CLASS_ANNOTATION] !== undefined || (obj.spec?.storageClassName !== undefined && obj.spec?.storageClassName !== null);
}
