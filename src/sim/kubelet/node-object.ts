/**
 * The Node object a kubelet registers, shaped like a kind v1.32 node: labels, control-plane
 * role and taint, podCIDR, capacity/allocatable, healthy conditions, addresses, nodeInfo and
 * the images preloaded in kind's node image.
 */
import type { NodeSpec } from '../context';
import type { KObject } from '../core/object';
import { formatBytes, formatMillis } from '../core/quantity';
import { hash32 } from '../core/rng';

export const KUBELET_VERSION = 'v1.32.2';
export const CONTAINER_RUNTIME_VERSION = 'containerd://1.7.24';
export const OS_IMAGE = 'Debian GNU/Linux 12 (bookworm)';
export const KERNEL_VERSION = '6.8.0-49-generic';

export interface NodeImage {
  names: string[];
  sizeBytes: number;
}

/** Images baked into kindest/node:v1.32.2 (sizes as containerd reports them). */
export const PRELOADED_IMAGES: NodeImage[] = [
  { names: ['docker.io/kindest/kindnetd:v20241212-9f82dd49'], sizeBytes: 39008320 },
  { names: ['docker.io/kindest/local-path-provisioner:v20241212-8ac705d0'], sizeBytes: 22541737 },
  { names: ['docker.io/kindest/local-path-helper:v20241212-8ac705d0'], sizeBytes: 3084671 },
  { names: ['registry.k8s.io/coredns/coredns:v1.11.3'], sizeBytes: 18562039 },
  { names: ['registry.k8s.io/etcd:3.5.16-0'], sizeBytes: 57680541 },
  { names: ['registry.k8s.io/kube-apiserver-amd64:v1.32.2', 'registry.k8s.io/kube-apiserver:v1.32.2'], sizeBytes: 98055648 },
  { names: ['registry.k8s.io/kube-controller-manager-amd64:v1.32.2', 'registry.k8s.io/kube-controller-manager:v1.32.2'], sizeBytes: 90793286 },
  { names: ['registry.k8s.io/kube-proxy-amd64:v1.32.2', 'registry.k8s.io/kube-proxy:v1.32.2'], sizeBytes: 94963761 },
  { names: ['registry.k8s.io/kube-scheduler-amd64:v1.32.2', 'registry.k8s.io/kube-scheduler:v1.32.2'], sizeBytes: 70649156 },
  { names: ['registry.k8s.io/pause:3.10'], sizeBytes: 320368 },
];

/** Disk of a kind node (ephemeral-storage), as cadvisor reports it. */
const EPHEMERAL_STORAGE = '102625208Ki';
export const EPHEMERAL_STORAGE_BYTES = 102625208 * 1024;

/** The index behind the node's podCIDR: kind numbers nodes from their IP (172.18.0.2 → 0). */
export function nodeIndex(node: NodeSpec): number {
  const [, , c, d] = node.internalIP.split('.').map(Number);
  const n = c * 256 + d - 2;
  return Number.isFinite(n) && n >= 0 ? n : hash32(node.name) % 256;
}

export function podCIDR(node: NodeSpec): string {
  const i = nodeIndex(node);
  return `10.244.${i % 256}.0/24`;
}

function hexId(seed: string, length: number): string {
  let s = '';
  for (let i = 0; s.length < length; i++) s += hash32(`${seed}#${i}`).toString(16).padStart(8, '0');
  return s.slice(0, length);
}

function uuidFrom(seed: string): string {
  const h = hexId(seed, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export function nodeConditions(now: string): Array<Record<string, string>> {
  const c = (type: string, status: string, reason: string, message: string) => ({ lastHeartbeatTime: now, lastTransitionTime: now, message, reason, status, type });
  return [
    c('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
    c('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
    c('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
    c('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
  ];
}

export function buildNode(node: NodeSpec, now: string, images: NodeImage[]): KObject {
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': node.name,
    'kubernetes.io/os': 'linux',
  };
  if (node.controlPlane) {
    labels['node-role.kubernetes.io/control-plane'] = '';
    labels['node.kubernetes.io/exclude-from-external-load-balancers'] = '';
  }
  const resources = {
    cpu: formatMillis(node.cpuMillis),
    'ephemeral-storage': EPHEMERAL_STORAGE,
    'hugepages-1Gi': '0',
    'hugepages-2Mi': '0',
    memory: formatBytes(node.memoryBytes, 'BinarySI'),
    pods: String(node.pods),
  };
  const cidr = podCIDR(node);
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: node.name,
      labels,
      annotations: {
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///run/containerd/containerd.sock',
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec: {
      podCIDR: cidr,
      podCIDRs: [cidr],
      providerID: `kind://docker/kind/${node.name}`,
      ...(node.controlPlane ? { taints: [{ effect: 'NoSchedule', key: 'node-role.kubernetes.io/control-plane' }] } : {}),
    },
    status: {
      addresses: [
        { address: node.internalIP, type: 'InternalIP' },
        { address: node.name, type: 'Hostname' },
      ],
      allocatable: { ...resources },
      capacity: { ...resources },
      conditions: nodeConditions(now),
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      images,
      nodeInfo: {
        architecture: 'amd64',
        bootID: uuidFrom(`boot/${node.name}`),
        containerRuntimeVersion: CONTAINER_RUNTIME_VERSION,
        kernelVersion: KERNEL_VERSION,
        kubeProxyVersion: KUBELET_VERSION,
        kubeletVersion: KUBELET_VERSION,
        machineID: hexId(`machine/${node.name}`, 32),
        operatingSystem: 'linux',
        osImage: OS_IMAGE,
        systemUUID: uuidFrom(`system/${node.name}`),
      },
    },
  };
}
