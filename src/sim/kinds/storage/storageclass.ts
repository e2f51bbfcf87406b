/**
 * storage.k8s.io/v1 StorageClass (pkg/registry/storage/storageclass, ValidateStorageClass):
 * cluster-scoped, names the provisioner that makes volumes for claims of the class. Defaults
 * reclaimPolicy Delete and volumeBindingMode Immediate; provisioner, parameters and
 * reclaimPolicy are fixed once made. NAME carries ` (default)` for the default class.
 */
import type { StorageClass } from 'kubernetes-types/storage/v1';
import type { FieldError } from '../../api/errors';
import { goQuote } from '../../core/gostr';
import type { KObject } from '../../core/object';
import { ALL_VERBS, defineKind } from '../kind';
import { AGE, ageCell, NAME, nameCell } from '../printing/cells';
import type { KindStrategy } from '../strategy';
import { setDefault, str } from '../util';

type StorageClassObject = StorageClass & KObject;

export const DEFAULT_CLASS_ANNOTATION = 'storageclass.kubernetes.io/is-default-class';
const BETA_DEFAULT_CLASS_ANNOTATION = 'storageclass.beta.kubernetes.io/is-default-class';

/** storageutil.IsDefaultAnnotation: either annotation set to "true". */
export function isDefaultClass(sc: { metadata?: { annotations?: Record<string, string> } }): boolean {
  const a = sc.metadata?.annotations ?? {};
  return a[DEFAULT_CLASS_ANNOTATION] === 'true' || a[BETA_DEFAULT_CLASS_ANNOTATION] === 'true';
}

/**
 * The class a claim without `storageClassName` gets (the DefaultStorageClass admission plugin,
 * util.GetDefaultClass): of several defaults the newest wins, ties by name.
 */
export function defaultClass(classes: readonly KObject[]): StorageClassObject | undefined {
  const defaults = (classes as StorageClassObject[]).filter(isDefaultClass);
  defaults.sort((a, b) => {
    const ta = a.metadata.creationTimestamp ?? '';
    const tb = b.metadata.creationTimestamp ?? '';
    if (ta !== tb) return ta > tb ? -1 : 1;
    return a.metadata.name! < b.metadata.name! ? -1 : 1;
  });
  return defaults[0];
}

const RECLAIM_POLICIES = ['Delete', 'Retain'];
const BINDING_MODES = ['Immediate', 'WaitForFirstConsumer'];

function unsupported(field: string, value: string, supported: string[]): FieldError {
  return { type: 'Unsupported value', field, value: goQuote(value), detail: `supported values: ${supported.map(goQuote).join(', ')}` };
}

export const storageClassStrategy: KindStrategy<StorageClassObject> = {
  default(o) {
    setDefault(o, 'reclaimPolicy', 'Delete');
    setDefault(o, 'volumeBindingMode', 'Immediate');
  },
  validate(o) {
    const errors: FieldError[] = [];
    const provisioner = str(o.provisioner);
    if (!provisioner) errors.push({ type: 'Required value', field: 'provisioner' });
    if (o.reclaimPolicy && !RECLAIM_POLICIES.includes(o.reclaimPolicy)) errors.push(unsupported('reclaimPolicy', o.reclaimPolicy, RECLAIM_POLICIES));
    if (o.volumeBindingMode && !BINDING_MODES.includes(o.volumeBindingMode)) errors.push(unsupported('volumeBindingMode', o.volumeBindingMode, BINDING_MODES));
    return errors;
  },
  validateUpdate(o, old) {
    const errors: FieldError[] = [];
    if (JSON.stringify(sortedMap(o.parameters)) !== JSON.stringify(sortedMap(old.parameters))) errors.push({ type: 'Forbidden', field: 'parameters', detail: 'updates to parameters are forbidden.' });
    if (str(o.provisioner) !== str(old.provisioner)) errors.push({ type: 'Forbidden', field: 'provisioner', detail: 'updates to provisioner are forbidden.' });
    if (str(o.reclaimPolicy) !== str(old.reclaimPolicy)) errors.push({ type: 'Forbidden', field: 'reclaimPolicy', detail: 'updates to reclaimPolicy are forbidden.' });
    if (str(o.volumeBindingMode) !== str(old.volumeBindingMode)) errors.push({ type: 'Invalid value', field: 'volumeBindingMode', value: goQuote(str(o.volumeBindingMode)), detail: 'field is immutable' });
    return errors;
  },
};

function sortedMap(m: Record<string, string> | undefined | null): Array<[string, string]> {
  return Object.entries(m ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));
}

export const storageClassKind = defineKind<StorageClass>({
  group: 'storage.k8s.io', version: 'v1', kind: 'StorageClass', plural: 'storageclasses', singular: 'storageclass', shortNames: ['sc'], namespaced: false, verbs: ALL_VERBS,
  strategy: storageClassStrategy,
  printer: {
    columns: [NAME, { name: 'Provisioner' }, { name: 'ReclaimPolicy' }, { name: 'VolumeBindingMode' }, { name: 'AllowVolumeExpansion' }, AGE],
    cells: (sc, { now }) => [
      isDefaultClass(sc) ? `${nameCell(sc)} (default)` : nameCell(sc),
      str(sc.provisioner),
      str(sc.reclaimPolicy) || 'Delete',
      str(sc.volumeBindingMode) || 'Immediate',
      String(sc.allowVolumeExpansion === true),
      ageCell(sc, now),
    ],
  },
  graph: { draw: 'none' },
});
