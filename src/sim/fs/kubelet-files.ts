/**
 * The files the kubelet writes for every container of a pod and bind-mounts over the image's:
 * /etc/hosts (kubelet_pods.go managedHostsFileContent), /etc/hostname, and /etc/resolv.conf as
 * kind's ClusterFirst DNS gives it (the cluster domain's search path, CoreDNS's Service IP).
 */
import type { Pod } from 'kubernetes-types/core/v1';

export const CLUSTER_DNS_IP = '10.96.0.10';

export function hostsFile(pod: Pod, podIP: string | undefined): string {
  const lines = [
    '# Kubernetes-managed hosts file.',
    '127.0.0.1\tlocalhost',
    '::1\tlocalhost ip6-localhost ip6-loopback',
    'fe00::0\tip6-localnet',
    'fe00::0\tip6-mcastprefix',
    'fe00::1\tip6-allnodes',
    'fe00::2\tip6-allrouters',
  ];
  const hostname = hostnameOf(pod);
  const sub = pod.spec?.subdomain;
  const ns = pod.metadata?.namespace ?? 'default';
  if (podIP) lines.push(sub ? `${podIP}\t${hostname}.${sub}.${ns}.svc.cluster.local\t${hostname}` : `${podIP}\t${hostname}`);
  const aliases = pod.spec?.hostAliases ?? [];
  if (aliases.length) {
    lines.push('', '# Entries added by HostAliases.');
    for (const a of aliases) lines.push(`${a.ip}\t${(a.hostnames ?? []).join('\t')}`);
  }
  return lines.join('\n') + '\n';
}

export function resolvConf(pod: Pod): string {
  const ns = pod.metadata?.namespace ?? 'default';
  return `search ${ns}.svc.cluster.local svc.cluster.local cluster.local\nnameserver ${CLUSTER_DNS_IP}\noptions ndots:5\n`;
}

export function hostnameOf(pod: Pod): string {
  return pod.spec?.hostname ?? pod.metadata?.name ?? '';
}

/** The three files, for a pod whose sandbox has `podIP`. */
export function kubeletFiles(pod: Pod, podIP: string | undefined): Array<[string, string]> {
  return [
    ['/etc/hosts', hostsFile(pod, podIP)],
    ['/etc/hostname', hostnameOf(pod) + '\n'],
    ['/etc/resolv.conf', resolvConf(pod)],
  ];
}
