/**
 * Whether a freshly derived node or pod cell renders the same as the one drawn before: the
 * builder then hands React the old object, so only what changed re-renders.
 */
import type { GraphNode, PodCell, WorkloadData } from './derive';

/** Whether two nodes render the same. Cells are compared by identity: the builder reuses unchanged ones. */
export function sameNode(a: GraphNode, b: GraphNode): boolean {
  if (a.type !== b.type || a.width !== b.width || a.height !== b.height) return false;
  if (a.position.x !== b.position.x || a.position.y !== b.position.y) return false;
  if (a.type === 'box' && b.type === 'box') {
    const x = a.data;
    const y = b.data;
    return (
      x.label === y.label && x.role === y.role && x.pods === y.pods && x.condition === y.condition && x.hint === y.hint && x.note === y.note && x.grid === y.grid &&
      x.hidden === y.hidden && x.summary === y.summary && x.selectedPod === y.selectedPod && sameItems(x.cells, y.cells)
    );
  }
  const x = a.data as WorkloadData;
  const y = b.data as WorkloadData;
  return x.kind === y.kind && x.label === y.label && x.summary === y.summary && x.faded === y.faded && x.ref.namespace === y.ref.namespace && x.ref.resource === y.ref.resource;
}

export function sameCell(a: PodCell, b: PodCell): boolean {
  return (
    a.slot === b.slot && a.status === b.status && a.tone === b.tone && a.terminating === b.terminating && a.ready === b.ready && a.label === b.label &&
    a.unowned === b.unowned && a.ref.namespace === b.ref.namespace
  );
}

export function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
