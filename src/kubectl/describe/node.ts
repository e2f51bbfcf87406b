/** `kubectl describe node` (kubectl describe.go: describeNode, describeNodeResource). */
import type { Node, NodeStatus, NodeSystemInfo, Pod, Taint } from 'kubernetes-types/core/v1';
import type { KObject } from '../../sim/core/object';
import { cpuMillis, memoryBytes, quantityText } from '../../sim/core/quantity';
import { rfc1123z as formatRfc1123z } from '../../sim/core/utc';
import { age } from '../../sim/kinds/printing/age';
import { nodeRoles } from '../../sim/kinds/core/node';
import { addResourceList, amountOf, podLimits, podRequests, quantityOf, type ResourceList } from './pod-resources';
import { PrefixWriter, rfc1123z, writeAnnotations, writeEvents, writeLabels } from './writer';

const LEASE_RENEW_MS = 10_000;

export function describeNode(node: KObject, allPods: KObject[], events: KObject[] | undefined, nowMs: number): string {
  // Stored objects are their kind's JSON (the api-server decoded them).
  const n = node as Node & KObject;
  const st: NodeStatus = n.status ?? {};
  const w = new PrefixWriter();
  w.write(0, `Name:\t${node.metadata.name}\n`);
  w.write(0, `Roles:\t${nodeRoles(node).join(',') || '<none>'}\n`);
  writeLabels(w, 'Labels', node.metadata.labels);
  writeAnnotations(w, 'Annotations', node.metadata.annotations);
  w.write(0, `CreationTimestamp:\t${rfc1123z(node.metadata.creationTimestamp)}\n`);
  writeTaints(w, n.spec?.taints ?? []);
  w.write(0, `Unschedulable:\t${n.spec?.unschedulable === true}\n`);
  // The kubelet renews its Lease every 10s; the simulation has no Lease objects, so the renew
  // time is derived from the node's age while it is Ready.
  w.write(0, 'Lease:\n');
  w.write(1, `HolderIdentity:\t${node.metadata.name}\n`);
  w.write(1, 'AcquireTime:\t<unset>\n');
  const ready = (st.conditions ?? []).find((c) => c.type === 'Ready');
  const created = Date.parse(node.metadata.creationTimestamp ?? '');
  let renew = '<unset>';
  if (ready?.status === 'True' && !Number.isNaN(created)) {
    renew = formatRfc1123z(created + Math.floor((nowMs - created) / LEASE_RENEW_MS) * LEASE_RENEW_MS);
  } else if (ready?.lastHeartbeatTime) {
    renew = rfc1123z(ready.lastHeartbeatTime);
  }
  w.write(1, `RenewTime:\t${renew}\n`);
  const conditions = st.conditions ?? [];
  if (conditions.length) {
    w.write(0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
    w.write(1, '----\t------\t-----------------\t------------------\t------\t-------\n');
    for (const c of conditions) {
      w.write(1, `${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`);
    }
  }
  w.write(0, 'Addresses:\n');
  for (const a of st.addresses ?? []) w.write(1, `${a.type}:\t${a.address}\n`);
  for (const [title, list] of [['Capacity', st.capacity], ['Allocatable', st.allocatable]] as const) {
    if (!list || Object.keys(list).length === 0) continue;
    w.write(0, `${title}:\n`);
    for (const r of Object.keys(list).sort()) w.write(0, `  ${r}:\t${quantityText(list[r])}\n`);
  }
  const info: Partial<NodeSystemInfo> = st.nodeInfo ?? {};
  w.write(0, 'System Info:\n');
  const infoRows: [string, keyof NodeSystemInfo][] = [
    ['Machine ID', 'machineID'], ['System UUID', 'systemUUID'], ['Boot ID', 'bootID'], ['Kernel Version', 'kernelVersion'],
    ['OS Image', 'osImage'], ['Operating System', 'operatingSystem'], ['Architecture', 'architecture'],
    ['Container Runtime Version', 'containerRuntimeVersion'], ['Kubelet Version', 'kubeletVersion'], ['Kube-Proxy Version', 'kubeProxyVersion'],
  ];
  for (const [label, key] of infoRows) w.write(0, `  ${label}:\t${info[key] ?? ''}\n`);
  if (n.spec?.podCIDR) w.write(0, `PodCIDR:\t${n.spec.podCIDR}\n`);
  if (n.spec?.podCIDRs?.length) w.write(0, `PodCIDRs:\t${n.spec.podCIDRs.join(',')}\n`);
  if (n.spec?.providerID) w.write(0, `ProviderID:\t${n.spec.providerID}\n`);
  const pods = (allPods as (Pod & KObject)[]).filter((p) => p.spec?.nodeName === node.metadata.name && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
  describeNodeResources(w, n, pods, nowMs);
  writeEvents(w, events, nowMs);
  return w.toString();
}

const EFFECT_ORDER = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

function writeTaints(w: PrefixWriter, taints: Taint[]): void {
  w.write(0, 'Taints:\t');
  if (taints.length === 0) return w.line('<none>');
  const ordered = EFFECT_ORDER.flatMap((e) => taints.filter((t) => t.effect === e));
  ordered.forEach((t, i) => {
    if (i !== 0) w.write(0, '\t');
    w.write(0, `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}\n`);
  });
}

function pct(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.trunc((part / whole) * 100);
}

function describeNodeResources(w: PrefixWriter, node: Node & KObject, pods: (Pod & KObject)[], nowMs: number): void {
  const st: NodeStatus = node.status ?? {};
  const alloc = (Object.keys(st.allocatable ?? {}).length ? st.allocatable : st.capacity) ?? {};
  const capacity = { cpu: cpuMillis(alloc.cpu), memory: memoryBytes(alloc.memory), 'ephemeral-storage': memoryBytes(alloc['ephemeral-storage']) } as Record<string, number>;
  /** `100Mi (1%)`: Quantity.String() and the truncated share of allocatable. */
  const cell = (l: ResourceList, name: string) => `${quantityOf(l, name)} (${pct(amountOf(l, name), capacity[name])}%)`;
  w.write(0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  // getPodsTotalRequestsAndLimits: pod by pod, each total keeping its first term's format.
  const reqs: ResourceList = new Map();
  const limits: ResourceList = new Map();
  for (const p of pods) {
    const req = podRequests(p);
    const lim = podLimits(p);
    addResourceList(reqs, req);
    addResourceList(limits, lim);
    w.write(1, `${p.metadata.namespace}\t${p.metadata.name}\t\t${cell(req, 'cpu')}\t${cell(lim, 'cpu')}\t${cell(req, 'memory')}\t${cell(lim, 'memory')}\t${age(p.metadata.creationTimestamp, nowMs)}\n`);
  }
  w.write(0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(1, 'Resource\tRequests\tLimits\n');
  w.write(1, '--------\t--------\t------\n');
  for (const name of ['cpu', 'memory', 'ephemeral-storage']) w.write(1, `${name}\t${cell(reqs, name)}\t${cell(limits, name)}\n`);
  for (const r of Object.keys(alloc).filter((k) => k.startsWith('hugepages-')).sort()) w.write(1, `${r}\t0 (0%)\t0 (0%)\n`);
}
