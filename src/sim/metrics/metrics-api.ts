/**
 * `metrics.k8s.io/v1beta1` as metrics-server serves it: every `--metric-resolution` (15 s) it
 * scrapes each kubelet's resource endpoint; a container's CPU is a rate, so it is reported once
 * two scrapes have seen it (metrics-server's storage keeps the last two points); a pod is listed
 * once all its running containers are. The API is registered while the add-on's Deployment
 * exists (it stands in for the APIService) and answers 503 until a metrics-server pod is Ready.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { statusError } from '../api/errors';
import type { SimContext } from '../context';
import type { Kubelet } from '../kubelet/kubelet';
import { rfc3339 } from '../core/utc';
import { addUse, MiB, type ResourceUse } from './usage';

export const RESOLUTION_MS = 15_000;

/**
 * What the node itself uses besides its pods' containers (kubelet, containerd, the control plane's
 * static processes). A kind control plane measures 187m and 642Mi in all; its CoreDNS and
 * local-path-provisioner pods (../system) count for themselves.
 */
const CONTROL_PLANE_ADDON_PODS = { cpuMillis: 2 * 2 + 1, memoryBytes: 2 * (12 * MiB + 800 * 1024) + 9 * MiB + 300 * 1024 };
const NODE_OVERHEAD = {
  controlPlane: { cpuMillis: 187 - CONTROL_PLANE_ADDON_PODS.cpuMillis, memoryBytes: 642 * MiB - CONTROL_PLANE_ADDON_PODS.memoryBytes },
  worker: { cpuMillis: 23, memoryBytes: 191 * MiB },
};

export interface MetricsHost extends SimContext {
  kubelets: ReadonlyMap<string, Kubelet>;
}

export interface ContainerMetrics {
  name: string;
  usage: { cpu: string; memory: string };
}

export interface PodMetrics {
  apiVersion: 'metrics.k8s.io/v1beta1';
  kind: 'PodMetrics';
  metadata: { name: string; namespace: string; creationTimestamp: string; labels?: Record<string, string> };
  timestamp: string;
  window: string;
  containers: ContainerMetrics[];
}

export interface NodeMetrics {
  apiVersion: 'metrics.k8s.io/v1beta1';
  kind: 'NodeMetrics';
  metadata: { name: string; creationTimestamp: string; labels?: Record<string, string> };
  timestamp: string;
  window: string;
  usage: { cpu: string; memory: string };
}

/** Whether the metrics API is registered (the add-on is installed). */
export function metricsApiRegistered(host: SimContext): boolean {
  return host.api.tryGet('deployments', 'kube-system', 'metrics-server') !== undefined;
}

/** The instant a Ready metrics-server pod started, or undefined (the API answers 503). */
function serverStartedAt(host: SimContext): number | undefined {
  const pods = host.api.list('pods', 'kube-system', { labelSelector: 'k8s-app=metrics-server' }) as unknown as Pod[];
  for (const p of pods) {
    const ready = p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True');
    const started = p.status?.containerStatuses?.[0]?.state?.running?.startedAt;
    if (ready && started) return Date.parse(started);
  }
  return undefined;
}

/** The two latest scrapes, or throws 503 as the aggregator does for an unavailable APIService. */
function scrapes(host: SimContext, what: string): { last: number; previous: number } {
  const started = serverStartedAt(host);
  if (started === undefined) throw statusError('ServiceUnavailable', `the server is currently unable to handle the request (get ${what})`);
  const last = started + Math.floor((host.clock.now() - started) / RESOLUTION_MS) * RESOLUTION_MS;
  return { last, previous: last - RESOLUTION_MS };
}

function cpu(millis: number): string {
  return `${millis * 1_000_000}n`;
}

function memory(bytes: number): string {
  return `${Math.round(bytes / 1024)}Ki`;
}

/** `GET /apis/metrics.k8s.io/v1beta1[/namespaces/NS]/pods`: pods with two scrapes behind them. */
export function listPodMetrics(host: MetricsHost, namespace: string | undefined, name?: string): PodMetrics[] {
  const what = name ? `pods.metrics.k8s.io ${name}` : 'pods.metrics.k8s.io';
  const { last, previous } = scrapes(host, what);
  const out: PodMetrics[] = [];
  for (const k of host.kubelets.values()) {
    for (const pod of k.stats()) {
      if (namespace !== undefined && pod.namespace !== namespace) continue;
      if (!pod.containers.every((c) => Date.parse(c.startedAt) <= previous)) continue;
      const obj = host.api.tryGet('pods', pod.namespace, pod.name);
      out.push({
        apiVersion: 'metrics.k8s.io/v1beta1',
        kind: 'PodMetrics',
        metadata: { name: pod.name, namespace: pod.namespace, creationTimestamp: rfc3339(host.clock.now()), ...(obj?.metadata.labels ? { labels: obj.metadata.labels } : {}) },
        timestamp: rfc3339(last),
        window: '15s',
        containers: pod.containers.map((c) => ({ name: c.name, usage: { cpu: cpu(c.use.cpuMillis), memory: memory(c.use.memoryBytes) } })),
      });
    }
  }
  return out.sort((a, b) => (a.metadata.namespace + '/' + a.metadata.name < b.metadata.namespace + '/' + b.metadata.name ? -1 : 1));
}

/** `GET /apis/metrics.k8s.io/v1beta1/nodes`: each node's use, its pods' and its own. */
export function listNodeMetrics(host: MetricsHost, name?: string): NodeMetrics[] {
  const { last, previous } = scrapes(host, name ? `nodes.metrics.k8s.io ${name}` : 'nodes.metrics.k8s.io');
  const out: NodeMetrics[] = [];
  for (const k of host.kubelets.values()) {
    const node = host.api.tryGet('nodes', undefined, k.nodeName);
    if (!node || Date.parse(node.metadata.creationTimestamp!) > previous) continue;
    const controlPlane = node.metadata.labels?.['node-role.kubernetes.io/control-plane'] !== undefined;
    let use: ResourceUse = controlPlane ? NODE_OVERHEAD.controlPlane : NODE_OVERHEAD.worker;
    for (const pod of k.stats()) for (const c of pod.containers) use = addUse(use, c.use);
    out.push({
      apiVersion: 'metrics.k8s.io/v1beta1',
      kind: 'NodeMetrics',
      metadata: { name: k.nodeName, creationTimestamp: rfc3339(host.clock.now()), ...(node.metadata.labels ? { labels: node.metadata.labels } : {}) },
      timestamp: rfc3339(last),
      window: '15s',
      usage: { cpu: cpu(use.cpuMillis), memory: memory(use.memoryBytes) },
    });
  }
  return out.sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
}
