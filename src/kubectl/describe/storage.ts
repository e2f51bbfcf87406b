/**
 * `kubectl describe` for storage (describe.go): describePersistentVolume (its source printed
 * by the print<Source>VolumeSource helpers), describePersistentVolumeClaim (with the pods that
 * use the claim, `Used By`), and describeStorageClass (annotations and parameters on one line,
 * as labels.FormatLabels joins them).
 */
import type { NodeSelectorRequirement, PersistentVolume, PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import type { KObject } from '../../sim/core/object';
import { age } from '../../sim/kinds/printing/age';
import { accessModesText, storageClassOf, storageText } from '../../sim/kinds/core/volume-access';
import { isDefaultClass } from '../../sim/kinds/storage/storageclass';
import { PrefixWriter, writeAnnotations, writeEvents, writeLabels } from './writer';

/** `%v` of a []string: `[a b]`. */
function goList(items: readonly string[] | undefined): string {
  return `[${(items ?? []).join(' ')}]`;
}

function status(obj: KObject, phase: string | undefined, nowMs: number): string {
  const deleted = obj.metadata.deletionTimestamp;
  return deleted ? `Terminating (lasts ${age(deleted, nowMs)})` : phase ?? '';
}

export function describePersistentVolume(obj: KObject, events: KObject[] | undefined, nowMs: number): string {
  const pv = obj as PersistentVolume & KObject;
  const spec = pv.spec ?? {};
  const w = new PrefixWriter();
  w.write(0, `Name:\t${pv.metadata.name}\n`);
  writeLabels(w, 'Labels', pv.metadata.labels);
  writeAnnotations(w, 'Annotations', pv.metadata.annotations);
  w.write(0, `Finalizers:\t${goList(pv.metadata.finalizers)}\n`);
  w.write(0, `StorageClass:\t${storageClassOf(pv)}\n`);
  w.write(0, `Status:\t${status(pv, pv.status?.phase, nowMs)}\n`);
  w.write(0, `Claim:\t${spec.claimRef ? `${spec.claimRef.namespace ?? ''}/${spec.claimRef.name ?? ''}` : ''}\n`);
  w.write(0, `Reclaim Policy:\t${spec.persistentVolumeReclaimPolicy ?? ''}\n`);
  w.write(0, `Access Modes:\t${accessModesText(spec.accessModes)}\n`);
  if (spec.volumeMode) w.write(0, `VolumeMode:\t${spec.volumeMode}\n`);
  w.write(0, `Capacity:\t${storageText(spec.capacity) || '0'}\n`);
  writeNodeAffinity(w, spec.nodeAffinity?.required?.nodeSelectorTerms);
  w.write(0, `Message:\t${pv.status?.message ?? ''}\n`);
  w.write(0, 'Source:\n');
  if (spec.hostPath) w.write(2, `Type:\tHostPath (bare host directory volume)\n    Path:\t${spec.hostPath.path}\n    HostPathType:\t${spec.hostPath.type ?? ''}\n`);
  else if (spec.nfs) w.write(2, `Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n    Server:\t${spec.nfs.server}\n    Path:\t${spec.nfs.path}\n    ReadOnly:\t${spec.nfs.readOnly === true}\n`);
  else if (spec.local) w.write(2, `Type:\tLocalVolume (a persistent volume backed by local storage on a node)\n    Path:\t${spec.local.path}\n`);
  else if (spec.csi) {
    w.write(2, `Type:\tCSI (a Container Storage Interface (CSI) volume source)\n    Driver:\t${spec.csi.driver}\n    FSType:\t${spec.csi.fsType ?? ''}\n    VolumeHandle:\t${spec.csi.volumeHandle}\n    ReadOnly:\t${spec.csi.readOnly === true}\n`);
    const attrs = Object.keys(spec.csi.volumeAttributes ?? {}).sort();
    w.write(2, `VolumeAttributes:\t${attrs.length ? '' : '<none>\n'}`);
    attrs.forEach((k, i) => w.write(i === 0 ? 0 : 3, `${i === 0 ? '' : '     \t'}${k}=${spec.csi!.volumeAttributes![k]}\n`));
  } else w.write(1, '<unknown>\n');
  writeEvents(w, events, nowMs);
  return w.toString();
}

/** printVolumeNodeAffinity: `Required Terms:` then each term's expressions. */
function writeNodeAffinity(w: PrefixWriter, terms: { matchExpressions?: NodeSelectorRequirement[] }[] | undefined): void {
  w.write(0, 'Node Affinity:\t');
  if (!terms) return w.line('<none>');
  w.line('');
  w.write(1, 'Required Terms:\t');
  if (terms.length === 0) return w.line('<none>');
  w.line('');
  terms.forEach((term, i) => {
    w.write(2, `Term ${i}:\t`);
    const reqs = term.matchExpressions ?? [];
    if (reqs.length === 0) return w.line('<none>');
    reqs.forEach((req, j) => {
      if (j !== 0) w.write(2, '\t');
      let expr = `${req.key} ${String(req.operator).toLowerCase()}`;
      if (req.values?.length) expr += ` [${req.values.join(', ')}]`;
      w.write(0, `${expr}\n`);
    });
  });
}

export function describePersistentVolumeClaim(obj: KObject, pods: KObject[], events: KObject[] | undefined, nowMs: number): string {
  const pvc = obj as PersistentVolumeClaim & KObject;
  const spec = pvc.spec ?? {};
  const w = new PrefixWriter();
  w.write(0, `Name:\t${pvc.metadata.name}\n`);
  w.write(0, `Namespace:\t${pvc.metadata.namespace}\n`);
  w.write(0, `StorageClass:\t${storageClassOf(pvc)}\n`);
  w.write(0, `Status:\t${status(pvc, pvc.status?.phase, nowMs)}\n`);
  w.write(0, `Volume:\t${spec.volumeName ?? ''}\n`);
  writeLabels(w, 'Labels', pvc.metadata.labels);
  writeAnnotations(w, 'Annotations', pvc.metadata.annotations);
  w.write(0, `Finalizers:\t${goList(pvc.metadata.finalizers)}\n`);
  const bound = !!spec.volumeName;
  w.write(0, `Capacity:\t${bound ? storageText(pvc.status?.capacity) || '0' : ''}\n`);
  w.write(0, `Access Modes:\t${bound ? accessModesText(pvc.status?.accessModes) : ''}\n`);
  if (spec.volumeMode) w.write(0, `VolumeMode:\t${spec.volumeMode}\n`);
  if (spec.dataSource) {
    w.write(0, 'DataSource:\n');
    if (spec.dataSource.apiGroup) w.write(1, `APIGroup:\t${spec.dataSource.apiGroup}\n`);
    w.write(1, `Kind:\t${spec.dataSource.kind}\n`);
    w.write(1, `Name:\t${spec.dataSource.name}\n`);
  }
  const users = (pods as (Pod & KObject)[])
    .filter((p) => (p.spec?.volumes ?? []).some((v) => v.persistentVolumeClaim?.claimName === pvc.metadata.name))
    .map((p) => p.metadata.name!)
    .sort();
  w.write(0, 'Used By:\t');
  if (users.length === 0) w.line('<none>');
  users.forEach((name, i) => w.write(0, `${i === 0 ? '' : '\t'}${name}\n`));
  const conditions = pvc.status?.conditions ?? [];
  if (conditions.length) {
    w.write(0, 'Conditions:\n');
    w.write(1, 'Type\tStatus\tLastProbeTime\tLastTransitionTime\tReason\tMessage\n');
    w.write(1, '----\t------\t-----------------\t------------------\t------\t-------\n');
    for (const c of conditions) w.write(1, `${c.type} \t${c.status} \t${c.lastProbeTime ?? ''} \t${c.lastTransitionTime ?? ''} \t${c.reason ?? ''} \t${c.message ?? ''}\n`);
  }
  writeEvents(w, events, nowMs);
  return w.toString();
}

/** labels.FormatLabels: `k=v,k2=v2` sorted, `<none>` when empty. */
function formatMap(m: Record<string, string> | undefined): string {
  const keys = Object.keys(m ?? {}).sort();
  return keys.length ? keys.map((k) => `${k}=${m![k]}`).join(',') : '<none>';
}

export function describeStorageClass(obj: KObject, events: KObject[] | undefined, nowMs: number): string {
  const sc = obj as StorageClass & KObject;
  const w = new PrefixWriter();
  w.write(0, `Name:\t${sc.metadata.name}\n`);
  w.write(0, `IsDefaultClass:\t${isDefaultClass(sc) ? 'Yes' : 'No'}\n`);
  w.write(0, `Annotations:\t${formatMap(sc.metadata.annotations)}\n`);
  w.write(0, `Provisioner:\t${sc.provisioner}\n`);
  w.write(0, `Parameters:\t${formatMap(sc.parameters)}\n`);
  w.write(0, `AllowVolumeExpansion:\t${sc.allowVolumeExpansion === undefined || sc.allowVolumeExpansion === null ? '<unset>' : sc.allowVolumeExpansion ? 'True' : 'False'}\n`);
  const options = sc.mountOptions ?? [];
  if (options.length === 0) w.write(0, 'MountOptions:\t<none>\n');
  else {
    w.write(0, 'MountOptions:\n');
    for (const o of options) w.write(1, `${o}\n`);
  }
  if (sc.reclaimPolicy) w.write(0, `ReclaimPolicy:\t${sc.reclaimPolicy}\n`);
  if (sc.volumeBindingMode) w.write(0, `VolumeBindingMode:\t${sc.volumeBindingMode}\n`);
  if (sc.allowedTopologies) {
    w.write(0, 'AllowedTopologies:\t');
    if (sc.allowedTopologies.length === 0) w.line('<none>');
    else {
      w.line('');
      sc.allowedTopologies.forEach((term, i) => {
        w.write(1, `Term ${i}:\t`);
        const exprs = (term.matchLabelExpressions ?? []).map((e) => `${e.key} in [${e.values.join(', ')}]`);
        w.line(exprs.join(', ') || '<none>');
      });
    }
  }
  writeEvents(w, events, nowMs);
  return w.toString();
}
