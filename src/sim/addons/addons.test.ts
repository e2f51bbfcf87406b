import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster';
import { ADDONS, remoteFile } from '.';
import { addonNames, installAddon } from './install';
import { METRICS_SERVER_URL } from './metrics-server';

describe('add-ons', () => {
  it('serves metrics-server by its release URLs (latest and versioned), and nothing else off-line', () => {
    expect(remoteFile(METRICS_SERVER_URL)).toBe(ADDONS['metrics-server'].manifest);
    expect(remoteFile('https://github.com/kubernetes-sigs/metrics-server/releases/download/v0.7.2/components.yaml')).toBe(ADDONS['metrics-server'].manifest);
    expect(remoteFile('https://k8s.io/examples/pods/resource/memory-request-limit-2.yaml')).toContain('--vm-bytes", "250M"');
    expect(remoteFile('https://example.com/app.yaml')).toBeUndefined();
  });

  it('installs the objects the sim serves, once, as the cluster comes up', () => {
    const c = createCluster({ addons: ['metrics-server'] });
    expect(c.api.get('services', 'kube-system', 'metrics-server').spec).toMatchObject({ ports: [{ name: 'https', port: 443, targetPort: 'https' }] });
    const d = c.api.get('deployments', 'kube-system', 'metrics-server') as unknown as { spec: { template: { spec: { containers: Array<{ args: string[]; image: string }> } } } };
    expect(d.spec.template.spec.containers[0].image).toBe('registry.k8s.io/metrics-server/metrics-server:v0.7.2');
    expect(d.spec.template.spec.containers[0].args).toContain('--kubelet-insecure-tls');
    installAddon(c.api, 'metrics-server');
    expect(c.api.list('deployments', 'kube-system')).toHaveLength(1);
    const pods = c.api.list('pods', 'kube-system', { labelSelector: 'k8s-app=metrics-server' }) as unknown as Array<{ status: { phase: string } }>;
    expect(pods.map((p) => p.status.phase)).toEqual(['Running']);
  });

  it('names the add-ons it knows and refuses others', () => {
    expect(addonNames()).toEqual(['metrics-server']);
    expect(() => createCluster({ addons: ['ingress-nginx'] })).toThrow('unknown add-on "ingress-nginx" (known: metrics-server)');
  });
});
