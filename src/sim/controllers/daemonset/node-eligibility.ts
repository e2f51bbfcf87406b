/**
 * Which nodes a DaemonSet's pod belongs on, and the pod it gets there (pkg/controller/daemon:
 * NodeShouldRunDaemonPod, util.CreatePodTemplate, AddOrUpdateDaemonPodTolerations and
 * ReplaceDaemonSetPodNodeNameNodeAffinity).
 */
import type { DaemonSet } from 'kubernetes-types/apps/v1';
import type { Node, Pod, PodSpec, PodTemplateSpec, Taint, Toleration } from 'kubernetes-types/core/v1';
import { clone, type KObject } from '../../core/object';
import { templateGeneration } from '../../kinds/apps/daemonset';
import { matchesNodeAffinity, tolerates } from '../../scheduler/plugins';

export type DaemonSetObject = DaemonSet & KObject;

export const REVISION_HASH_LABEL = 'controller-revision-hash';
export const TEMPLATE_GENERATION_LABEL = 'pod-template-generation';

/**
 * The tolerations every daemon pod gets, in the controller's order: it survives not-ready and
 * unreachable nodes, node pressure and cordons; with hostNetwork, a node whose network is not
 * ready yet. The control-plane taint is not among them.
 */
export function addDaemonTolerations(spec: PodSpec): void {
  const wanted: Toleration[] = [
    { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
  ];
  if (spec.hostNetwork) wanted.push({ key: 'node.kubernetes.io/network-unavailable', operator: 'Exists', effect: 'NoSchedule' });
  const list: Toleration[] = [...(spec.tolerations ?? [])];
  for (const t of wanted) {
    // AddOrUpdateTolerationInPodSpec: one with the same key, operator, value and effect is replaced.
    const i = list.findIndex((o) => o.key === t.key && (o.operator ?? 'Equal') === t.operator && (o.value ?? '') === '' && o.effect === t.effect);
    if (i >= 0) list[i] = t;
    else list.push(t);
  }
  (spec as { tolerations?: Toleration[] }).tolerations = list;
}

/** `util.CreatePodTemplate`: the DaemonSet's template with the daemon tolerations and its generation and hash labels. */
export function daemonPodTemplate(ds: DaemonSetObject, hash: string): PodTemplateSpec {
  const t: PodTemplateSpec = clone(ds.spec?.template ?? {});
  const spec = (t.spec ?? { containers: [] }) as PodSpec;
  addDaemonTolerations(spec);
  const labels: Record<string, string> = { ...(t.metadata?.labels ?? {}) };
  const generation = templateGeneration(ds);
  if (generation !== undefined) labels[TEMPLATE_GENERATION_LABEL] = String(generation);
  if (hash) labels[REVISION_HASH_LABEL] = hash;
  return { ...t, metadata: { ...(t.metadata ?? {}), labels }, spec };
}

/** The pod the controller creates for `nodeName`: required node affinity replaced by `metadata.name In [node]`. */
export function daemonPodFor(ds: DaemonSetObject, template: PodTemplateSpec, nodeName: string): KObject {
  const spec = clone(template.spec ?? { containers: [] }) as PodSpec & { affinity?: Record<string, unknown> };
  const affinity: Record<string, any> = spec.affinity ? { ...spec.affinity } : {};
  const nodeAffinity: Record<string, any> = { ...(affinity.nodeAffinity ?? {}) };
  nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution = {
    ...(nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution ?? {}),
    nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [nodeName] }] }],
  };
  affinity.nodeAffinity = nodeAffinity;
  spec.affinity = affinity;
  const meta = template.metadata ?? {};
  const metadata: KObject['metadata'] = { generateName: `${ds.metadata.name}-` };
  if (meta.labels) metadata.labels = { ...meta.labels };
  if (meta.annotations) metadata.annotations = { ...meta.annotations };
  if (meta.finalizers) metadata.finalizers = [...meta.finalizers];
  metadata.ownerReferences = [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: ds.metadata.name!, uid: ds.metadata.uid!, controller: true, blockOwnerDeletion: true }];
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec: spec as unknown as KObject['spec'] };
}

export interface NodeVerdict {
  /** A daemon pod should be created here if none is. */
  shouldRun: boolean;
  /** A daemon pod already here may stay (its taints are NoSchedule only, or tolerated). */
  shouldContinueRunning: boolean;
}

/** `NodeShouldRunDaemonPod`: node name, node selector and affinity, then taints against the daemon tolerations. */
export function nodeShouldRunDaemonPod(node: Node, ds: DaemonSetObject, tolerations: readonly Toleration[]): NodeVerdict {
  const template = ds.spec?.template;
  const nodeName = node.metadata?.name ?? '';
  if (template?.spec?.nodeName && template.spec.nodeName !== nodeName) return { shouldRun: false, shouldContinueRunning: false };
  const pod = { spec: { ...(template?.spec ?? {}), tolerations } } as Pod;
  if (!matchesNodeAffinity(pod, node)) return { shouldRun: false, shouldContinueRunning: false };
  const untolerated = (effect: string) => (node.spec?.taints ?? []).some((t: Taint) => t.effect === effect && !tolerations.some((tol) => tolerates(tol, t)));
  if (untolerated('NoExecute')) return { shouldRun: false, shouldContinueRunning: false };
  if (untolerated('NoSchedule')) return { shouldRun: false, shouldContinueRunning: true };
  return { shouldRun: true, shouldContinueRunning: true };
}
