/**
 * core/v1 PersistentVolumeClaim (pkg/registry/core/persistentvolumeclaim,
 * ValidatePersistentVolumeClaim[Update]): a namespaced request for storage. It starts
 * `Pending`; the persistent volume controller binds it. Its spec is fixed after creation
 * except `volumeName` (set once, by the binder) and, on a bound claim, its storage request
 * (growth is admission/persistentvolumeclaim-resize.ts's concern).
 */
import type { PersistentVolumeClaim, PersistentVolumeClaimSpec } from 'kubernetes-types/core/v1';
import type { FieldError } from '../../api/errors';
import { goQuote } from '../../core/gostr';
import { isDNS1123Subdomain } from '../../core/names';
import type { KObject } from '../../core/object';
import { ALL_VERBS, defineKind } from '../kind';
import { AGE, ageCell, NAME, nameCell } from '../printing/cells';
import type { KindStrategy } from '../strategy';
import { child, obj, setDefault, str } from '../util';
import { accessModesText, storageBytes, storageClassOf, storageText, validateAccessModes, validateStorage } from './volume-access';

type PVC = PersistentVolumeClaim & KObject;

const VOLUME_MODES = ['Block', 'Filesystem'];

export const persistentVolumeClaimStrategy: KindStrategy<PVC> = {
  hasStatus: true,
  default(o) {
    const spec = child(o, 'spec');
    setDefault(spec, 'volumeMode', 'Filesystem');
  },
  prepareCreate(o) {
    (o as KObject).status = { phase: 'Pending' };
  },
  validate(o) {
    const errors: FieldError[] = [];
    const spec = obj(o.spec) ?? {};
    errors.push(...validateAccessModes(spec.accessModes, 'spec.accessModes', 'at least 1 access mode is required'));
    const requests = obj(spec.resources?.requests) ?? {};
    if (requests.storage === undefined || requests.storage === null) errors.push({ type: 'Required value', field: 'spec.resources[storage]' });
    else errors.push(...validateStorage(requests.storage, 'spec.resources[storage]'));
    const mode = str(spec.volumeMode);
    if (mode && !VOLUME_MODES.includes(mode)) errors.push({ type: 'Unsupported value', field: 'spec.volumeMode', value: goQuote(mode), detail: `supported values: ${VOLUME_MODES.map(goQuote).join(', ')}` });
    if (spec.storageClassName) for (const msg of isDNS1123Subdomain(str(spec.storageClassName))) errors.push({ type: 'Invalid value', field: 'spec.storageClassName', value: goQuote(str(spec.storageClassName)), detail: msg });
    return errors;
  },
  validateUpdate(o, old) {
    const errors: FieldError[] = [];
    const after: Record<string, unknown> = { ...(o.spec ?? {}) };
    const before: Record<string, unknown> = { ...(old.spec ?? {}) };
    // volumeName may be set once (the binder does it).
    if (!old.spec?.volumeName) before.volumeName = after.volumeName;
    // A bound claim may change its storage request (growth is the resize admission's concern).
    if (o.status?.phase === 'Bound') {
      before.resources = withStorage(before.resources, (after.resources as PersistentVolumeClaimSpec['resources'])?.requests?.storage);
    }
    if (JSON.stringify(sortKeys(before)) !== JSON.stringify(sortKeys(after))) {
      errors.push({ type: 'Forbidden', field: 'spec', detail: `spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims\n${specDiff(before, after)}` });
    }
    const newSize = storageBytes(o.spec?.resources?.requests);
    if (newSize < storageBytes(old.spec?.resources?.requests) && newSize <= storageBytes(old.status?.capacity)) {
      // RecoverVolumeExpansionFailure (beta, on in 1.32): a claim may shrink back down to what it has, no further.
      errors.push({ type: 'Forbidden', field: 'spec.resources.requests.storage', detail: 'field can not be less than status.capacity' });
    }
    return errors;
  },
};

function withStorage(resources: unknown, storage: unknown): unknown {
  const r = (resources ?? {}) as { requests?: Record<string, unknown> };
  const requests = { ...(r.requests ?? {}) };
  if (storage === undefined) delete requests.storage;
  else requests.storage = storage;
  return { ...r, requests };
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]));
  return v;
}

/** The go-cmp diff's shape (`core.PersistentVolumeClaimSpec{ - Field: old, + Field: new }`), values as JSON. */
function specDiff(before: Record<string, unknown>, after: Record<string, unknown>): string {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  const changed = keys.filter((k) => JSON.stringify(sortKeys(before[k])) !== JSON.stringify(sortKeys(after[k])));
  const goName = (k: string) => k.charAt(0).toUpperCase() + k.slice(1);
  const lines = ['  core.PersistentVolumeClaimSpec{'];
  if (keys.length > changed.length) lines.push(`  \t... // ${keys.length - changed.length} identical fields`);
  for (const k of changed) {
    if (before[k] !== undefined) lines.push(`- \t${goName(k)}: ${JSON.stringify(before[k])},`);
    if (after[k] !== undefined) lines.push(`+ \t${goName(k)}: ${JSON.stringify(after[k])},`);
  }
  lines.push('  }');
  return lines.join('\n') + '\n';
}

export const persistentVolumeClaimKind = defineKind<PersistentVolumeClaim>({
  group: '', version: 'v1', kind: 'PersistentVolumeClaim', plural: 'persistentvolumeclaims', singular: 'persistentvolumeclaim', shortNames: ['pvc'], namespaced: true, verbs: ALL_VERBS,
  strategy: persistentVolumeClaimStrategy,
  printer: {
    columns: [
      NAME, { name: 'Status' }, { name: 'Volume' }, { name: 'Capacity' }, { name: 'Access Modes' }, { name: 'StorageClass' },
      { name: 'VolumeAttributesClass' }, AGE, { name: 'VolumeMode', priority: 1 },
    ],
    cells(pvc, { now }) {
      const bound = !!pvc.spec?.volumeName;
      return [
        nameCell(pvc),
        pvc.metadata.deletionTimestamp ? 'Terminating' : str(pvc.status?.phase),
        str(pvc.spec?.volumeName),
        bound ? storageText(pvc.status?.capacity) : '',
        bound ? accessModesText(pvc.status?.accessModes) : '',
        storageClassOf(pvc),
        pvc.spec?.volumeAttributesClassName ?? '<unset>',
        ageCell(pvc, now),
        pvc.spec?.volumeMode ?? '<unset>',
      ];
    },
  },
  graph: { draw: 'card', abbrev: 'pvc', order: 5, claimsVolume: true },
});
