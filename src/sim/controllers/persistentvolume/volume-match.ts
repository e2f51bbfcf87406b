/**
 * Which volume a claim binds to (pkg/controller/volume/persistentvolume/util, FindMatchingVolume):
 * a volume pre-bound to the claim (its claimRef names it) if big enough; otherwise the smallest
 * Available, unclaimed volume of the claim's class and volume mode, with every access mode the
 * claim asks for, labels its selector matches, and — when a node is given (the scheduler's
 * WaitForFirstConsumer binding) — node affinity that node satisfies.
 */
import type { Node, NodeSelectorTerm, PersistentVolume, PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import { matchesLabelSelector } from '../../core/labels';
import type { KObject } from '../../core/object';
import { modesContain, storageBytes, storageClassOf } from '../../kinds/core/volume-access';

export type PV = PersistentVolume & KObject;
export type PVC = PersistentVolumeClaim & KObject;

/** The volume's claimRef names this claim (and, once set, its uid). */
export function isBoundToClaim(pv: PV, pvc: PVC): boolean {
  const ref = pv.spec?.claimRef;
  if (!ref || ref.name !== pvc.metadata.name || ref.namespace !== pvc.metadata.namespace) return false;
  return !ref.uid || ref.uid === pvc.metadata.uid;
}

/** nodeAffinity.required: any term whose expressions all hold for the node's labels. */
export function volumeFitsNode(pv: PV, node: Node | undefined): boolean {
  const terms = pv.spec?.nodeAffinity?.required?.nodeSelectorTerms;
  if (!terms || !node) return true;
  const labels = node.metadata?.labels ?? {};
  return terms.some((t) => termMatches(t, labels));
}

function termMatches(term: NodeSelectorTerm, labels: Record<string, string>): boolean {
  const exprs = term.matchExpressions ?? [];
  if (exprs.length === 0 && !(term.matchFields ?? []).length) return false;
  return exprs.every((e) => {
    const v = labels[e.key];
    switch (e.operator) {
      case 'In': return v !== undefined && (e.values ?? []).includes(v);
      case 'NotIn': return v === undefined || !(e.values ?? []).includes(v);
      case 'Exists': return v !== undefined;
      case 'DoesNotExist': return v === undefined;
      case 'Gt': return v !== undefined && Number(v) > Number(e.values?.[0]);
      case 'Lt': return v !== undefined && Number(v) < Number(e.values?.[0]);
      default: return false;
    }
  });
}

/**
 * `delayBinding`: the claim's class waits for its first consumer; without a node only volumes
 * pre-bound to the claim may match then.
 */
export function findMatchingVolume(pvc: PVC, volumes: readonly PV[], node: Node | undefined, delayBinding: boolean): PV | undefined {
  const requested = storageBytes(pvc.spec?.resources?.requests);
  const className = storageClassOf(pvc);
  const mode = pvc.spec?.volumeMode ?? 'Filesystem';
  let smallest: PV | undefined;
  for (const pv of volumes) {
    if ((pv.spec?.volumeMode ?? 'Filesystem') !== mode) continue;
    if (!modesContain(pv.spec?.accessModes, pvc.spec?.accessModes)) continue;
    const size = storageBytes(pv.spec?.capacity);
    if (size < requested) continue;
    if (pv.metadata.deletionTimestamp) continue;
    const fits = volumeFitsNode(pv, node);
    if (isBoundToClaim(pv, pvc)) return fits ? pv : undefined;
    if (!node && delayBinding) continue;
    if (pv.status?.phase !== 'Available' || pv.spec?.claimRef) continue;
    if (pvc.spec?.selector && !matchesLabelSelector(pvc.spec.selector, pv.metadata.labels)) continue;
    if (storageClassOf(pv) !== className) continue;
    if (!fits) continue;
    if (!smallest || storageBytes(smallest.spec?.capacity) > size) smallest = pv;
  }
  return smallest;
}
