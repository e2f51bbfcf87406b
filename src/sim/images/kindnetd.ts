/**
 * kindnetd (docker.io/kindest/kindnetd), kind's own CNI: one pod per node (the `kindnet`
 * DaemonSet, ../system/kindnet.ts) that writes the CNI config and routes every other node's
 * pod CIDR. Distroless: the binary only. Its start lines follow v20241212's main.go (to our
 * knowledge; the per-node lines that name IPs are left out).
 */
import { MiB } from '../metrics/usage';
import type { ImageFamily, ServerBehaviour } from './types';

export const KINDNETD_IMAGE = 'docker.io/kindest/kindnetd:v20241212-9f82dd49';

const server: ServerBehaviour = {
  binaries: ['kindnetd'],
  ports: [],
  timestampStyle: 'glog',
  startup: () => [
    [0, 'I{ts}       1 main.go:109] connected to apiserver: https://kind-control-plane:6443'],
    [50, 'I{ts}       1 main.go:148] setting mtu 1500 for CNI '],
    [50, 'I{ts}       1 main.go:178] kindnetd IP family: "ipv4"'],
    [50, 'I{ts}       1 main.go:182] noMask IPv4 subnets: [10.244.0.0/16]'],
    [300, 'I{ts}       1 controller.go:361] Starting controller kube-network-policies'],
    [300, 'I{ts}       1 controller.go:365] Waiting for informer caches to sync'],
    [400, 'I{ts}       1 shared_informer.go:320] Caches are synced for kube-network-policies'],
    [400, 'I{ts}       1 metrics.go:61] Registering metrics'],
  ],
  shutdown: [],
  shutdownMs: 100,
};

export const kindnetd: ImageFamily = {
  name: 'kindnetd',
  repositories: [
    {
      repository: 'docker.io/kindest/kindnetd',
      tags: { 'v20241212-9f82dd49': [39008320, 'v20241212-9f82dd49'] },
      entrypoint: ['/bin/kindnetd'],
      cmd: [],
      binaries: ['kindnetd'],
      server,
      // Other kindest/ images (local-path-provisioner) have families of their own.
      ownsNamespace: false,
      idle: { cpuMillis: 1, memoryBytes: 10 * MiB },
    },
  ],
};
