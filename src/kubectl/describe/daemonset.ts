/** `kubectl describe daemonset` (kubectl describe.go, DaemonSetDescriber). */
import type { DaemonSet } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import type { KObject } from '../../sim/core/object';
import { formatLabels, formatSelector, matchesLabelSelector } from '../../sim/core/labels';
import { describePodTemplate } from './pod';
import type { WorkloadContext } from './workloads';
import { PrefixWriter, writeAnnotations, writeEvents, writeLabels } from './writer';

export function describeDaemonSet(obj: KObject, ctx: WorkloadContext): string {
  const d = obj as DaemonSet & KObject;
  const st = d.status;
  const w = new PrefixWriter();
  w.write(0, `Name:\t${d.metadata.name}\n`);
  w.write(0, `Namespace:\t${d.metadata.namespace}\n`);
  w.write(0, `Selector:\t${formatSelector(d.spec?.selector)}\n`);
  w.write(0, `Node-Selector:\t${formatLabels(d.spec?.template?.spec?.nodeSelector)}\n`);
  writeLabels(w, 'Labels', d.metadata.labels);
  writeAnnotations(w, 'Annotations', d.metadata.annotations);
  w.write(0, `Desired Number of Nodes Scheduled: ${st?.desiredNumberScheduled ?? 0}\n`);
  w.write(0, `Current Number of Nodes Scheduled: ${st?.currentNumberScheduled ?? 0}\n`);
  w.write(0, `Number of Nodes Scheduled with Up-to-date Pods: ${st?.updatedNumberScheduled ?? 0}\n`);
  w.write(0, `Number of Nodes Scheduled with Available Pods: ${st?.numberAvailable ?? 0}\n`);
  w.write(0, `Number of Nodes Misscheduled: ${st?.numberMisscheduled ?? 0}\n`);
  // getPodStatusForController: the pods the selector finds that name this DaemonSet as controller.
  const counts: Record<string, number> = { Running: 0, Pending: 0, Succeeded: 0, Failed: 0 };
  for (const p of ctx.pods) {
    if (!(p.metadata.ownerReferences ?? []).some((r) => r.controller && r.uid === d.metadata.uid)) continue;
    if (!matchesLabelSelector(d.spec?.selector, p.metadata.labels)) continue;
    const phase = (p as Pod & KObject).status?.phase ?? 'Pending';
    if (phase in counts) counts[phase]++;
  }
  w.write(0, `Pods Status:\t${counts.Running} Running / ${counts.Pending} Waiting / ${counts.Succeeded} Succeeded / ${counts.Failed} Failed\n`);
  describePodTemplate(w, d.spec?.template);
  writeEvents(w, ctx.events, ctx.nowMs);
  return w.toString();
}
