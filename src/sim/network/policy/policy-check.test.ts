import { describe, expect, it } from 'vitest';
import { ApiServer } from '../../api/apiserver';
import { Clock, DEFAULT_EPOCH } from '../../core/clock';
import type { KObject } from '../../core/object';
import { Rng } from '../../core/rng';
import { Store } from '../../core/store';
import { SharedInformers } from '../../informers/shared-informers';
import type { PodEndpoint } from '../types';
import { createPolicyCheck } from './policy-check';

const NODE_IP = '172.18.0.3';

function world() {
  const store = new Store(true);
  const api = new ApiServer(store, new Clock(DEFAULT_EPOCH), new Rng(1).fork('apiserver'));
  for (const [name, labels] of [['default', {}], ['tools', { team: 'tools' }], ['prod', { env: 'prod' }]] as const) {
    api.create('namespaces', undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: { ...labels } } });
  }
  const informers = new SharedInformers(store);
  const node = { metadata: { name: 'kind-worker' }, status: { addresses: [{ type: 'InternalIP', address: NODE_IP }] } } as unknown as KObject;
  const nodes = { get: () => node, list: () => [node], onChange: () => undefined, size: 1 };
  const index = createPolicyCheck({ for: (r: string) => (r === 'nodes' ? nodes : informers.for(r)) });
  let ip = 2;
  const pod = (namespace: string, name: string, labels: Record<string, string>, extra: Record<string, unknown> = {}): PodEndpoint => {
    const podIP = `10.244.1.${ip++}`;
    api.create('pods', namespace, {
      apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace, labels },
      spec: { nodeName: 'kind-worker', containers: [{ name: 'c', image: 'nginx', ports: [{ name: 'http', containerPort: 80 }, { name: 'dns', containerPort: 53, protocol: 'UDP' }] }], ...extra },
    });
    return { namespace, name, ip: podIP, nodeName: 'kind-worker', labels };
  };
  const policy = (namespace: string, name: string, spec: Record<string, unknown>) =>
    api.create('networkpolicies', namespace, { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name, namespace }, spec });
  return { api, check: index.check, index, pod, policy };
}

describe('NetworkPolicy check', () => {
  it('allows everything while no policy selects a pod', () => {
    const w = world();
    const web = w.pod('default', 'web', { app: 'web' });
    const client = w.pod('default', 'client', { role: 'client' });
    expect(w.index.empty).toBe(true);
    expect(w.check(client, web, 80, 'TCP')).toBe(true);
    expect(w.check({ ip: '172.18.0.1' }, web, 80, 'TCP')).toBe(true);
  });

  it('default deny, then allow one client by label (the classic exercise)', () => {
    const w = world();
    const web = w.pod('default', 'web', { app: 'web' });
    const client = w.pod('default', 'client', { role: 'client' });
    const other = w.pod('default', 'other', { role: 'other' });
    w.policy('default', 'default-deny', { podSelector: {} });
    expect(w.check(client, web, 80, 'TCP')).toBe(false);
    expect(w.check(web, client, 80, 'TCP')).toBe(false);
    w.policy('default', 'allow-client', { podSelector: { matchLabels: { app: 'web' } }, ingress: [{ from: [{ podSelector: { matchLabels: { role: 'client' } } }] }] });
    expect(w.check(client, web, 80, 'TCP')).toBe(true);
    expect(w.check(other, web, 80, 'TCP')).toBe(false);
    // Egress is not isolated by an Ingress-only policy: web may still call out (the receiver decides).
    expect(w.check(web, client, 80, 'TCP')).toBe(false);
    w.api.delete('networkpolicies', 'default', 'default-deny');
    expect(w.check(web, client, 80, 'TCP')).toBe(true);
    expect(w.check(other, web, 80, 'TCP')).toBe(false);
  });

  it('a podSelector alone means the policy namespace; namespaceSelector opens other namespaces; both together AND', () => {
    const w = world();
    const web = w.pod('default', 'web', { app: 'web' });
    const toolsClient = w.pod('tools', 'client', { role: 'client' });
    const toolsOther = w.pod('tools', 'other', { role: 'other' });
    const prodClient = w.pod('prod', 'client', { role: 'client' });
    w.policy('default', 'same-ns', { podSelector: {}, ingress: [{ from: [{ podSelector: { matchLabels: { role: 'client' } } }] }] });
    expect(w.check(toolsClient, web, 80, 'TCP')).toBe(false);
    w.policy('default', 'tools-clients', { podSelector: {}, ingress: [{ from: [{ namespaceSelector: { matchLabels: { team: 'tools' } }, podSelector: { matchLabels: { role: 'client' } } }] }] });
    expect(w.check(toolsClient, web, 80, 'TCP')).toBe(true);
    expect(w.check(toolsOther, web, 80, 'TCP')).toBe(false);
    expect(w.check(prodClient, web, 80, 'TCP')).toBe(false);
    w.policy('default', 'prod-ns', { podSelector: {}, ingress: [{ from: [{ namespaceSelector: { matchExpressions: [{ key: 'env', operator: 'In', values: ['prod'] }] } }] }] });
    expect(w.check(prodClient, web, 80, 'TCP')).toBe(true);
    // kubernetes.io/metadata.name is on every namespace (the api-server sets it).
    w.policy('default', 'by-name', { podSelector: {}, ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'tools' } } }] }] });
    expect(w.check(toolsOther, web, 80, 'TCP')).toBe(true);
  });

  it('ports: numbers, ranges, names from the receiving pod, and protocols', () => {
    const w = world();
    const web = w.pod('default', 'web', { app: 'web' });
    const client = w.pod('default', 'client', {});
    w.policy('default', 'ports', {
      podSelector: {},
      ingress: [{ ports: [{ port: 8080 }, { port: 30000, endPort: 30010 }, { port: 'http' }, { port: 'dns', protocol: 'UDP' }, { protocol: 'SCTP' }] }],
    });
    expect(w.check(client, web, 8080, 'TCP')).toBe(true);
    expect(w.check(client, web, 8081, 'TCP')).toBe(false);
    expect(w.check(client, web, 30005, 'TCP')).toBe(true);
    expect(w.check(client, web, 30011, 'TCP')).toBe(false);
    expect(w.check(client, web, 80, 'TCP')).toBe(true);
    expect(w.check(client, web, 80, 'UDP')).toBe(false);
    expect(w.check(client, web, 53, 'UDP')).toBe(true);
    expect(w.check(client, web, 53, 'TCP')).toBe(false);
    expect(w.check(client, web, 9999, 'SCTP')).toBe(true);
  });

  it('ipBlock with except, for addresses outside the pod network and for pod IPs', () => {
    const w = world();
    const web = w.pod('default', 'web', { app: 'web' });
    const client = w.pod('default', 'client', {});
    w.policy('default', 'lan', { podSelector: {}, ingress: [{ from: [{ ipBlock: { cidr: '172.18.0.0/16', except: ['172.18.0.128/25'] } }] }] });
    expect(w.check({ ip: '172.18.0.1' }, web, 80, 'TCP')).toBe(true);
    expect(w.check({ ip: '172.18.0.200' }, web, 80, 'TCP')).toBe(false);
    expect(w.check({ ip: '192.168.1.1' }, web, 80, 'TCP')).toBe(false);
    expect(w.check(client, web, 80, 'TCP')).toBe(false);
    w.policy('default', 'pods', { podSelector: {}, ingress: [{ from: [{ ipBlock: { cidr: '10.244.0.0/16' } }] }] });
    expect(w.check(client, web, 80, 'TCP')).toBe(true);
  });

  it('egress: the sender is isolated too; both ends must agree', () => {
    const w = world();
    const web = w.pod('default', 'web', { app: 'web' });
    const client = w.pod('default', 'client', { role: 'client' });
    const dns = w.pod('tools', 'dns', { 'k8s-app': 'kube-dns' });
    w.policy('default', 'deny-egress', { podSelector: { matchLabels: { role: 'client' } }, policyTypes: ['Egress'] });
    expect(w.check(client, web, 80, 'TCP')).toBe(false);
    expect(w.check(web, client, 80, 'TCP')).toBe(true);
    w.policy('default', 'dns', { podSelector: {}, policyTypes: ['Egress'], egress: [{ to: [{ namespaceSelector: {}, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }], ports: [{ port: 53, protocol: 'UDP' }] }] });
    expect(w.check(client, dns, 53, 'UDP')).toBe(true);
    expect(w.check(client, dns, 53, 'TCP')).toBe(false);
    expect(w.check(client, web, 80, 'TCP')).toBe(false);
    // egress allowed but the receiver's ingress denies: blocked.
    w.policy('tools', 'deny-all', { podSelector: {} });
    expect(w.check(client, dns, 53, 'UDP')).toBe(false);
  });

  it("neither the pod's own node nor hostNetwork pods are subject to policy", () => {
    const w = world();
    const web = w.pod('default', 'web', { app: 'web' });
    const host = w.pod('default', 'host', { app: 'host' }, { hostNetwork: true });
    w.policy('default', 'deny', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
    expect(w.check({ ip: NODE_IP }, web, 80, 'TCP')).toBe(true);
    expect(w.check({ ip: '172.18.0.4' }, web, 80, 'TCP')).toBe(false);
    expect(w.check(web, host, 80, 'TCP')).toBe(false); // web's egress is denied
    expect(w.check({ ip: '172.18.0.4' }, host, 80, 'TCP')).toBe(true);
  });

  it('checks stay cheap: 100,000 checks against 50 policies well under a second', () => {
    const w = world();
    const web = w.pod('default', 'web', { app: 'web', tier: 'front' });
    const client = w.pod('default', 'client', { role: 'client' });
    for (let i = 0; i < 50; i++) w.policy('default', `p${i}`, { podSelector: { matchLabels: { app: `a${i}` } }, ingress: [{ from: [{ podSelector: { matchLabels: { role: `r${i}` } } }] }] });
    w.policy('default', 'web', { podSelector: { matchLabels: { app: 'web' } }, ingress: [{ from: [{ podSelector: { matchLabels: { role: 'client' } } }], ports: [{ port: 80 }] }] });
    const t = performance.now();
    let allowed = 0;
    for (let i = 0; i < 100_000; i++) if (w.check(client, web, 80, 'TCP')) allowed++;
    expect(allowed).toBe(100_000);
    expect(performance.now() - t).toBeLessThan(1000);
  });
});
