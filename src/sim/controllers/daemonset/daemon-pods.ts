/**
 * A DaemonSet's pods by the node they target (pkg/controller/daemon: getNodesToDaemonPods,
 * util.GetTargetNodeName) and the adoption of matching orphans (ClaimPods).
 */
import { StatusError } from '../../api/errors';
import type { SimContext } from '../../context';
import { fromLabelSelector, matchSelector } from '../../core/labels';
import { controllerRef } from '../../core/object';
import type { SharedInformers } from '../../informers/shared-informers';
import type { PodObject } from '../../kinds/apps/workload-types';
import type { DaemonSetObject } from './node-eligibility';

/** The DaemonSet's pods by node. */
export function podsByNode(informers: SharedInformers, ds: DaemonSetObject): Map<string, PodObject[]> {
  const uid = ds.metadata.uid!;
  const out = new Map<string, PodObject[]>();
  for (const obj of informers.for('pods').ownedBy(uid)) {
    const pod = obj as PodObject;
    if (controllerRef(pod)?.uid !== uid) continue;
    const node = targetNode(pod);
    if (!node) continue;
    let list = out.get(node);
    if (!list) out.set(node, (list = []));
    list.push(pod);
  }
  return out;
}

/**
 * What status counts: the pods by node without those both terminal and being deleted. The same
 * map when there are none (the common case: status is written after every pod change).
 */
export function forStatus(pods: Map<string, PodObject[]>): Map<string, PodObject[]> {
  const gone = (p: PodObject) => !!p.metadata.deletionTimestamp && (p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed');
  let out: Map<string, PodObject[]> | undefined;
  for (const [node, list] of pods) {
    if (!list.some(gone)) continue;
    out ??= new Map(pods);
    const kept = list.filter((p) => !gone(p));
    if (kept.length) out.set(node, kept);
    else out.delete(node);
  }
  return out ?? pods;
}

/** Pods of the namespace without a controller that the selector matches become the DaemonSet's. */
export function adoptOrphans(ctx: SimContext, informers: SharedInformers, ds: DaemonSetObject): void {
  const selector = fromLabelSelector(ds.spec?.selector);
  if (!selector || selector.length === 0) return;
  for (const obj of informers.for('pods').list(ds.metadata.namespace)) {
    const pod = obj as PodObject;
    if (controllerRef(pod) || pod.metadata.deletionTimestamp || !matchSelector(selector, pod.metadata.labels ?? {})) continue;
    const ownerReferences = [...(pod.metadata.ownerReferences ?? []), { apiVersion: 'apps/v1', kind: 'DaemonSet', name: ds.metadata.name!, uid: ds.metadata.uid!, controller: true, blockOwnerDeletion: true }];
    try {
      ctx.api.update('pods', pod.metadata.namespace, { ...pod, metadata: { ...pod.metadata, ownerReferences } });
    } catch (e) {
      if (!(e instanceof StatusError)) throw e;
    }
  }
}

/** `util.GetTargetNodeName`: spec.nodeName, or the node its affinity's `metadata.name In [x]` names. */
export function targetNode(pod: PodObject): string | undefined {
  if (pod.spec?.nodeName) return pod.spec.nodeName;
  for (const term of pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? []) {
    for (const f of term.matchFields ?? []) {
      if (f.key === 'metadata.name' && f.operator === 'In' && f.values?.length === 1) return f.values[0];
    }
  }
  return undefined;
}

