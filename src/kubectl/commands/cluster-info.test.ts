import { describe, expect, it } from 'vitest';
import { createCluster } from '../../sim/cluster';
import { execKubectl } from '../../runner/exec';
import type { KObject } from '../../sim/core/object';

const svc = (name: string, port: { name?: string; port: number }): KObject => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name, namespace: 'kube-system', labels: { 'kubernetes.io/cluster-service': 'true' } },
  spec: { ports: [{ ...port, protocol: 'TCP' }], selector: { app: name } },
});

describe('kubectl cluster-info', () => {
  it("names kind's CoreDNS, and other cluster services as [scheme:]name[:port] or by their load balancer", () => {
    const c = createCluster();
    c.api.create('services', 'kube-system', svc('secure', { port: 443 }));
    c.api.create('services', 'kube-system', svc('plain', { port: 80 }));
    const lb = c.api.create('services', 'kube-system', { ...svc('lb', { name: 'web', port: 8080 }), spec: { type: 'LoadBalancer', ports: [{ name: 'web', port: 8080, protocol: 'TCP' }] } });
    c.api.updateStatus('services', 'kube-system', { ...lb, status: { loadBalancer: { ingress: [{ ip: '172.18.0.10' }] } } });
    const lines = execKubectl(c, ['cluster-info']).stdout.split('\n');
    const proxy = 'https://127.0.0.1:43615/api/v1/namespaces/kube-system/services';
    expect(lines).toEqual([
      'Kubernetes control plane is running at https://127.0.0.1:43615',
      `CoreDNS is running at ${proxy}/kube-dns:dns/proxy`,
      'lb is running at http://172.18.0.10:8080 ',
      `plain is running at ${proxy}/plain/proxy`,
      `secure is running at ${proxy}/https:secure:/proxy`,
      '',
      "To further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.",
      '',
    ]);
  });
});
