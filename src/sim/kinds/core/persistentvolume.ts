/**
 * core/v1 PersistentVolume (pkg/registry/core/persistentvolume, ValidatePersistentVolume):
 * cluster-scoped storage with a capacity, access modes and exactly one source. Defaults
 * reclaim policy Retain and volumeMode Filesystem; a new volume is `Pending` until the
 * persistent volume controller makes it `Available`. The source is fixed once made.
 */
import type { PersistentVolume } from 'kubernetes-types/core/v1';
import type { FieldError } from '../../api/errors';
import { goQuote } from '../../core/gostr';
import { isDNS1123Subdomain } from '../../core/names';
import type { KObject } from '../../core/object';
import { rfc3339 } from '../../core/utc';
import { ALL_VERBS, defineKind } from '../kind';
import { AGE, ageCell, NAME, nameCell } from '../printing/cells';
import type { KindStrategy } from '../strategy';
import { child, obj, setDefault, str } from '../util';
import { accessModesText, storageClassOf, storageText, validateAccessModes, validateStorage } from './volume-access';

type PV = PersistentVolume & KObject;

/** The volume sources of a PersistentVolumeSpec, in ValidatePersistentVolumeSpec's order. */
export const PV_SOURCES = [
  'hostPath', 'gcePersistentDisk', 'awsElasticBlockStore', 'glusterfs', 'flocker', 'nfs', 'rbd', 'quobyte', 'cinder', 'cephfs',
  'iscsi', 'fc', 'azureFile', 'flexVolume', 'azureDisk', 'vsphereVolume', 'photonPersistentDisk', 'portworxVolume', 'scaleIO', 'local',
  'storageos', 'csi',
] as const;

const RECLAIM_POLICIES = ['Delete', 'Recycle', 'Retain'];
const VOLUME_MODES = ['Block', 'Filesystem'];
export const HOST_PATH_TYPES = ['', 'BlockDevice', 'CharDevice', 'Directory', 'DirectoryOrCreate', 'File', 'FileOrCreate', 'Socket'];

function unsupported(field: string, value: string, supported: string[]): FieldError {
  return { type: 'Unsupported value', field, value: goQuote(value), detail: `supported values: ${supported.map(goQuote).join(', ')}` };
}

export function pvSources(spec: object): string[] {
  const s = spec as Record<string, unknown>;
  return PV_SOURCES.filter((k) => s[k] !== undefined && s[k] !== null);
}

export const persistentVolumeStrategy: KindStrategy<PV> = {
  hasStatus: true,
  default(o) {
    const spec = child(o, 'spec');
    setDefault(spec, 'persistentVolumeReclaimPolicy', 'Retain');
    setDefault(spec, 'volumeMode', 'Filesystem');
    const hostPath = obj(spec.hostPath);
    if (hostPath) setDefault(hostPath, 'type', '');
  },
  prepareCreate(o, ctx) {
    (o as KObject).status = { phase: 'Pending', lastPhaseTransitionTime: rfc3339(ctx.clock.now()) };
  },
  validate(o) {
    const errors: FieldError[] = [];
    const spec = obj(o.spec) ?? {};
    errors.push(...validateAccessModes(spec.accessModes, 'spec.accessModes'));
    const capacity = obj(spec.capacity) ?? {};
    const keys = Object.keys(capacity);
    if (keys.length === 0) errors.push({ type: 'Required value', field: 'spec.capacity' });
    for (const k of keys) {
      if (k !== 'storage') errors.push(unsupported('spec.capacity', k, ['storage']));
      else errors.push(...validateStorage(capacity[k], 'spec.capacity[storage]'));
    }
    const policy = str(spec.persistentVolumeReclaimPolicy);
    if (policy && !RECLAIM_POLICIES.includes(policy)) errors.push(unsupported('spec.persistentVolumeReclaimPolicy', policy, RECLAIM_POLICIES));
    const mode = str(spec.volumeMode);
    if (mode && !VOLUME_MODES.includes(mode)) errors.push(unsupported('spec.volumeMode', mode, VOLUME_MODES));
    if (spec.storageClassName) for (const msg of isDNS1123Subdomain(str(spec.storageClassName))) errors.push({ type: 'Invalid value', field: 'spec.storageClassName', value: goQuote(str(spec.storageClassName)), detail: msg });
    const sources = pvSources(spec);
    if (sources.length === 0) errors.push({ type: 'Required value', field: 'spec', detail: 'must specify a volume type' });
    for (const extra of sources.slice(1)) errors.push({ type: 'Forbidden', field: `spec.${extra}`, detail: 'may not specify more than 1 volume type' });
    const hostPath = obj(spec.hostPath);
    if (hostPath) {
      const path = str(hostPath.path);
      if (!path) errors.push({ type: 'Required value', field: 'spec.hostPath.path' });
      else if (path.split('/').includes('..')) errors.push({ type: 'Invalid value', field: 'spec.hostPath.path', value: goQuote(path), detail: "must not contain '..'" });
      const type = str(hostPath.type);
      if (!HOST_PATH_TYPES.includes(type)) errors.push(unsupported('spec.hostPath.type', type, HOST_PATH_TYPES));
    }
    const local = obj(spec.local);
    if (local) {
      if (!local.path) errors.push({ type: 'Required value', field: 'spec.local.path' });
      if (!spec.nodeAffinity) errors.push({ type: 'Required value', field: 'spec.nodeAffinity', detail: 'Local volume requires node affinity' });
    }
    const nfs = obj(spec.nfs);
    if (nfs) {
      if (!nfs.server) errors.push({ type: 'Required value', field: 'spec.nfs.server' });
      if (!nfs.path) errors.push({ type: 'Required value', field: 'spec.nfs.path' });
      else if (!str(nfs.path).startsWith('/')) errors.push({ type: 'Invalid value', field: 'spec.nfs.path', value: goQuote(str(nfs.path)), detail: 'must be an absolute path' });
    }
    return errors;
  },
  validateUpdate(o, old) {
    const errors: FieldError[] = [];
    const spec = (obj(o.spec) ?? {}) as Record<string, unknown>;
    const before = (obj(old.spec) ?? {}) as Record<string, unknown>;
    const source = (s: Record<string, unknown>) => JSON.stringify(PV_SOURCES.map((k) => s[k] ?? null));
    if (source(spec) !== source(before)) errors.push({ type: 'Forbidden', field: 'spec.persistentvolumesource', detail: 'spec.persistentvolumesource is immutable after creation' });
    if (str(spec.volumeMode) !== str(before.volumeMode)) errors.push({ type: 'Invalid value', field: 'spec.volumeMode', value: goQuote(str(spec.volumeMode)), detail: 'field is immutable' });
    if (before.nodeAffinity && JSON.stringify(spec.nodeAffinity) !== JSON.stringify(before.nodeAffinity)) errors.push({ type: 'Invalid value', field: 'spec.nodeAffinity', value: 'core.VolumeNodeAffinity{...}', detail: 'field is immutable' });
    return errors;
  },
};

export const persistentVolumeKind = defineKind<PersistentVolume>({
  group: '', version: 'v1', kind: 'PersistentVolume', plural: 'persistentvolumes', singular: 'persistentvolume', shortNames: ['pv'], namespaced: false, verbs: ALL_VERBS,
  strategy: persistentVolumeStrategy,
  printer: {
    columns: [
      NAME, { name: 'Capacity' }, { name: 'Access Modes' }, { name: 'Reclaim Policy' }, { name: 'Status' }, { name: 'Claim' },
      { name: 'StorageClass' }, { name: 'VolumeAttributesClass' }, { name: 'Reason' }, AGE, { name: 'VolumeMode', priority: 1 },
    ],
    cells(pv, { now }) {
      const ref = pv.spec?.claimRef;
      return [
        nameCell(pv),
        storageText(pv.spec?.capacity),
        accessModesText(pv.spec?.accessModes),
        str(pv.spec?.persistentVolumeReclaimPolicy),
        pv.metadata.deletionTimestamp ? 'Terminating' : str(pv.status?.phase),
        ref ? `${ref.namespace ?? ''}/${ref.name ?? ''}` : '',
        storageClassOf(pv),
        pv.spec?.volumeAttributesClassName ?? '<unset>',
        str(pv.status?.reason),
        ageCell(pv, now),
        pv.spec?.volumeMode ?? '<unset>',
      ];
    },
  },
  graph: { draw: 'card', abbrev: 'pv', order: 6, pinnedToNode: true },
});
