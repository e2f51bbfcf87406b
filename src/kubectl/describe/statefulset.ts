/** `kubectl describe statefulset` (kubectl describe.go 1.32, StatefulSetDescriber and describeVolumeClaimTemplates). */
import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import type { KObject } from '../../sim/core/object';
import { formatSelector, matchesLabelSelector } from '../../sim/core/labels';
import { describePodTemplate } from './pod';
import type { WorkloadContext } from './workloads';
import { PrefixWriter, rfc1123z, writeAnnotations, writeEvents, writeLabels } from './writer';

export function describeStatefulSet(obj: KObject, ctx: WorkloadContext): string {
  const s = obj as StatefulSet & KObject;
  const w = new PrefixWriter();
  w.write(0, `Name:\t${s.metadata.name}\n`);
  w.write(0, `Namespace:\t${s.metadata.namespace}\n`);
  w.write(0, `CreationTimestamp:\t${rfc1123z(s.metadata.creationTimestamp)}\n`);
  w.write(0, `Selector:\t${formatSelector(s.spec?.selector)}\n`);
  writeLabels(w, 'Labels', s.metadata.labels);
  writeAnnotations(w, 'Annotations', s.metadata.annotations);
  w.write(0, `Replicas:\t${s.spec?.replicas ?? 1} desired | ${s.status?.replicas ?? 0} total\n`);
  w.write(0, `Update Strategy:\t${s.spec?.updateStrategy?.type ?? ''}\n`);
  const ru = s.spec?.updateStrategy?.rollingUpdate;
  if (ru && ru.partition !== undefined && ru.partition !== null) {
    w.write(1, `Partition:\t${ru.partition}\n`);
    if (ru.maxUnavailable !== undefined && ru.maxUnavailable !== null) w.write(1, `MaxUnavailable:\t${ru.maxUnavailable}\n`);
  }
  // getPodStatusForController: the selector's pods that name this StatefulSet as controller.
  const counts: Record<string, number> = { Running: 0, Pending: 0, Succeeded: 0, Failed: 0 };
  for (const p of ctx.pods) {
    if (!(p.metadata.ownerReferences ?? []).some((r) => r.controller && r.uid === s.metadata.uid)) continue;
    if (!matchesLabelSelector(s.spec?.selector, p.metadata.labels)) continue;
    const phase = (p as Pod & KObject).status?.phase ?? 'Pending';
    if (phase in counts) counts[phase]++;
  }
  w.write(0, `Pods Status:\t${counts.Running} Running / ${counts.Pending} Waiting / ${counts.Succeeded} Succeeded / ${counts.Failed} Failed\n`);
  describePodTemplate(w, s.spec?.template);
  describeVolumeClaimTemplates(w, s.spec?.volumeClaimTemplates ?? []);
  writeEvents(w, ctx.events, ctx.nowMs);
  return w.toString();
}

function describeVolumeClaimTemplates(w: PrefixWriter, templates: PersistentVolumeClaim[]): void {
  if (templates.length === 0) {
    w.write(0, 'Volume Claims:\t<none>\n');
    return;
  }
  w.write(0, 'Volume Claims:\n');
  for (const pvc of templates) {
    w.write(1, `Name:\t${pvc.metadata?.name ?? ''}\n`);
    // GetPersistentVolumeClaimClass: the beta annotation first, then spec.storageClassName.
    const cls = pvc.metadata?.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? pvc.spec?.storageClassName ?? '';
    w.write(1, `StorageClass:\t${cls}\n`);
    writeLabels(w, '  Labels', pvc.metadata?.labels);
    writeLabels(w, '  Annotations', pvc.metadata?.annotations);
    const storage = pvc.spec?.resources?.requests?.storage;
    w.write(1, `Capacity:\t${storage ?? '<default>'}\n`);
    // `%s` of a []PersistentVolumeAccessMode.
    w.write(1, `Access Modes:\t[${(pvc.spec?.accessModes ?? []).join(' ')}]\n`);
  }
}
