/** `kubectl describe deployment` and `kubectl describe replicaset` (kubectl describe.go). */
import type { Deployment, DeploymentCondition, DeploymentSpec, ReplicaSet, ReplicaSetCondition } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { KObject } from '../../sim/core/object';
import { formatSelector, matchesLabelSelector } from '../../sim/core/labels';
import { findNewReplicaSet } from '../../sim/kinds/apps/new-replicaset';
import { describePodTemplate } from './pod';
import { controllerOf, PrefixWriter, rfc1123z, writeAnnotations, writeEvents, writeLabels } from './writer';

export interface WorkloadContext {
  nowMs: number;
  /** None with `--show-events=false`. */
  events: KObject[] | undefined;
  /** Objects of the same namespace that describe looks up. */
  replicaSets: KObject[];
  pods: KObject[];
}

function selectorText(sel: LabelSelector | undefined): string {
  const s = formatSelector(sel);
  return s === '<none>' ? '' : s;
}

export function describeDeployment(d: KObject, ctx: WorkloadContext): string {
  // Stored objects are their kind's JSON (the api-server decoded them).
  const o = d as Deployment & KObject;
  const spec: Partial<DeploymentSpec> = o.spec ?? {};
  const st = o.status ?? {};
  const w = new PrefixWriter();
  w.write(0, `Name:\t${d.metadata.name}\n`);
  w.write(0, `Namespace:\t${d.metadata.namespace}\n`);
  w.write(0, `CreationTimestamp:\t${rfc1123z(d.metadata.creationTimestamp)}\n`);
  writeLabels(w, 'Labels', d.metadata.labels);
  writeAnnotations(w, 'Annotations', d.metadata.annotations);
  w.write(0, `Selector:\t${selectorText(spec.selector)}\n`);
  w.write(0, `Replicas:\t${spec.replicas ?? 0} desired | ${st.updatedReplicas ?? 0} updated | ${st.replicas ?? 0} total | ${st.availableReplicas ?? 0} available | ${st.unavailableReplicas ?? 0} unavailable\n`);
  w.write(0, `StrategyType:\t${spec.strategy?.type ?? ''}\n`);
  w.write(0, `MinReadySeconds:\t${spec.minReadySeconds ?? 0}\n`);
  const ru = spec.strategy?.rollingUpdate;
  if (ru) w.write(0, `RollingUpdateStrategy:\t${ru.maxUnavailable ?? ''} max unavailable, ${ru.maxSurge ?? ''} max surge\n`);
  describePodTemplate(w, spec.template);
  writeConditions(w, st.conditions);
  // deploymentutil.GetAllReplicaSets: the ReplicaSets the selector finds and the Deployment
  // controls; describe lists every old one, scaled to 0 or not, and both lines only when any exist.
  const owned = ctx.replicaSets.filter(
    (rs) => (rs.metadata.ownerReferences ?? []).some((r) => r.controller && r.uid === d.metadata.uid) && matchesLabelSelector(spec.selector, rs.metadata.labels),
  );
  const newRS = findNewReplicaSet(d, owned);
  const old = owned.filter((rs) => rs !== newRS);
  if (old.length > 0 || newRS) {
    w.write(0, `OldReplicaSets:\t${replicaSetsText(old)}\n`);
    w.write(0, `NewReplicaSet:\t${replicaSetsText(newRS ? [newRS] : [])}\n`);
  }
  writeEvents(w, ctx.events, ctx.nowMs);
  return w.toString();
}

function writeConditions(w: PrefixWriter, conditions: (DeploymentCondition | ReplicaSetCondition)[] | undefined): void {
  if (!conditions?.length) return;
  w.write(0, 'Conditions:\n  Type\tStatus\tReason\n');
  w.write(1, '----\t------\t------\n');
  for (const c of conditions) w.write(1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
}

function replicaSetsText(list: KObject[]): string {
  if (list.length === 0) return '<none>';
  return list.map((item) => {
    const rs = item as ReplicaSet & KObject;
    return `${rs.metadata.name} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 0} replicas created)`;
  }).join(', ');
}

export function describeReplicaSet(rs: KObject, ctx: WorkloadContext): string {
  const o = rs as ReplicaSet & KObject;
  const w = new PrefixWriter();
  w.write(0, `Name:\t${rs.metadata.name}\n`);
  w.write(0, `Namespace:\t${rs.metadata.namespace}\n`);
  // metav1.FormatLabelSelector: `<none>` for an empty selector (deployments print selector.String()).
  w.write(0, `Selector:\t${formatSelector(o.spec?.selector)}\n`);
  writeLabels(w, 'Labels', rs.metadata.labels);
  writeAnnotations(w, 'Annotations', rs.metadata.annotations);
  const controller = controllerOf(rs);
  if (controller) w.write(0, `Controlled By:\t${controller}\n`);
  w.write(0, `Replicas:\t${o.status?.replicas ?? 0} current / ${o.spec?.replicas ?? 0} desired\n`);
  const counts = { Running: 0, Pending: 0, Succeeded: 0, Failed: 0 } as Record<string, number>;
  for (const p of ctx.pods) {
    if (!(p.metadata.ownerReferences ?? []).some((r) => r.controller && r.uid === rs.metadata.uid)) continue;
    if (!matchesLabelSelector(o.spec?.selector, p.metadata.labels)) continue;
    const phase = (p as Pod & KObject).status?.phase ?? 'Pending';
    if (phase in counts) counts[phase]++;
  }
  w.write(0, `Pods Status:\t${counts.Running} Running / ${counts.Pending} Waiting / ${counts.Succeeded} Succeeded / ${counts.Failed} Failed\n`);
  describePodTemplate(w, o.spec?.template);
  writeConditions(w, o.status?.conditions);
  writeEvents(w, ctx.events, ctx.nowMs);
  return w.toString();
}
