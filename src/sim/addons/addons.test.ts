import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster';
import { ADDONS, remoteFile } from '.';
import { addonNames, installAddon } from './install';
import { METRICS_SERVER_URL } from './metrics-server';
import { INGRESS_NGINX_URLS } from './ingress-nginx';

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
    expect(c.api.list('deployments', 'kube-system').filter((d) => d.metadata.name === 'metrics-server')).toHaveLength(1);
    const pods = c.api.list('pods', 'kube-system').filter((p) => p.metadata.labels?.['k8s-app'] === 'metrics-server') as unknown as Array<{ status: { phase: string } }>;
    expect(pods.map((p) => p.status.phase)).toEqual(['Running']);
  });

  it('names the add-ons it knows and refuses others', () => {
    expect(addonNames()).toEqual(['metrics-server', 'ingress-nginx']);
    expect(() => createCluster({ addons: ['traefik'] })).toThrow('unknown add-on "traefik" (known: metrics-server, ingress-nginx)');
  });

  it("serves ingress-nginx's kind manifest by its URLs; its controller runs where a node is labelled ingress-ready", () => {
    for (const url of INGRESS_NGINX_URLS) expect(remoteFile(url)).toBe(ADDONS['ingress-nginx'].manifest);
    const c = createCluster({ addons: ['ingress-nginx'] });
    expect(c.api.get('ingressclasses', undefined, 'nginx').spec).toEqual({ controller: 'k8s.io/ingress-nginx' });
    expect(c.api.get('services', 'ingress-nginx', 'ingress-nginx-controller').spec).toMatchObject({ type: 'NodePort' });
    const phase = () => (c.api.list('pods', 'ingress-nginx') as unknown as Array<{ status: { phase: string } }>).map((p) => p.status.phase);
    expect(phase()).toEqual(['Pending']);
    const node = c.api.get('nodes', undefined, 'kind-control-plane');
    c.api.update('nodes', undefined, { ...node, metadata: { ...node.metadata, labels: { ...node.metadata.labels, 'ingress-ready': 'true' } } });
    c.advance(60_000);
    expect(phase()).toEqual(['Running']);
    c.api.create('ingresses', 'default', { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'web' }, spec: { ingressClassName: 'nginx', defaultBackend: { service: { name: 'web', port: { number: 80 } } } } });
    c.advance(60_000);
    expect(c.api.get('ingresses', 'default', 'web').status).toEqual({ loadBalancer: { ingress: [{ hostname: 'localhost' }] } });
  });
});
