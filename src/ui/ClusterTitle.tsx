/** The header's description of the cluster, from its Node objects: "kind cluster · 1 control plane, 3 workers". */
import { objectsOf } from './mirror';
import { useApp } from './store';

const CONTROL_PLANE_LABEL = 'node-role.kubernetes.io/control-plane';

export function clusterTitle(nodeLabels: readonly (Readonly<Record<string, string>> | undefined)[]): string {
  const controlPlanes = nodeLabels.filter((labels) => labels && CONTROL_PLANE_LABEL in labels).length;
  const workers = nodeLabels.length - controlPlanes;
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return `kind cluster · ${plural(controlPlanes, 'control plane', 'control planes')}, ${plural(workers, 'worker', 'workers')}`;
}

export function ClusterTitle() {
  const nodes = useApp((s) => objectsOf(s.mirror, 'nodes'));
  if (nodes.size === 0) return null;
  return <span className="kp-muted kp-brand-sub">{clusterTitle([...nodes.values()].map((n) => n.metadata.labels))}</span>;
}
