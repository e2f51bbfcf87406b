/**
 * Where each DaemonSet belongs, remembered: `nodeShouldRunDaemonPod` depends only on the
 * DaemonSet's template (its generation) and on the nodes' names, labels and taints, so a sync
 * that a pod's progress caused looks its verdicts up instead of matching every node again.
 * Forgotten when a node comes, goes, or changes labels, taints or schedulability.
 */
import type { Node, Toleration } from 'kubernetes-types/core/v1';
import type { Informer } from '../../informers/informer';
import { nodeShouldRunDaemonPod, type DaemonSetObject, type NodeVerdict } from './node-eligibility';

export class NodeVerdicts {
  private sortedNames: string[] | undefined;
  private readonly byDaemonSet = new Map<string, { generation: number; verdicts: Map<string, NodeVerdict> }>();

  constructor(private readonly nodes: Informer) {}

  /** A node changed in a way that decides placement (or came or went). */
  nodesChanged(): void {
    this.sortedNames = undefined;
    this.byDaemonSet.clear();
  }

  forget(uid: string): void {
    this.byDaemonSet.delete(uid);
  }

  /** Node names in order (Go walks nodeLister's list; we keep one order). */
  names(): readonly string[] {
    this.sortedNames ??= this.nodes.list().map((n) => n.metadata.name!).sort();
    return this.sortedNames;
  }

  /** Every node's verdict for `ds` (whose pods carry `tolerations`). */
  of(ds: DaemonSetObject, tolerations: readonly Toleration[]): ReadonlyMap<string, NodeVerdict> {
    const uid = ds.metadata.uid!;
    const generation = ds.metadata.generation ?? 0;
    let entry = this.byDaemonSet.get(uid);
    if (!entry || entry.generation !== generation) {
      entry = { generation, verdicts: new Map() };
      this.byDaemonSet.set(uid, entry);
    }
    for (const name of this.names()) {
      if (entry.verdicts.has(name)) continue;
      const node = this.nodes.get(undefined, name) as Node | undefined;
      if (node) entry.verdicts.set(name, nodeShouldRunDaemonPod(node, ds, tolerations));
    }
    return entry.verdicts;
  }
}
