import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { candidates, lookupA, parseHosts, resolvConfOf } from './resolver';

const pod = (spec: Partial<Pod['spec']> = {}): Pod => ({ metadata: { name: 'client', namespace: 'shop' }, spec: { containers: [], ...spec } });

describe('the pod resolver', () => {
  it('reads the dnsPolicy as the kubelet writes resolv.conf', () => {
    expect(resolvConfOf(pod())).toEqual({ nameservers: ['10.96.0.10'], search: ['shop.svc.cluster.local', 'svc.cluster.local', 'cluster.local'], ndots: 5 });
    expect(resolvConfOf(pod({ hostNetwork: true })).nameservers).toEqual(['172.18.0.1']);
    expect(resolvConfOf(pod({ hostNetwork: true, dnsPolicy: 'ClusterFirstWithHostNet' })).nameservers).toEqual(['10.96.0.10']);
    expect(resolvConfOf(pod({ dnsPolicy: 'None', dnsConfig: { nameservers: ['1.1.1.1'], searches: ['a.b'], options: [{ name: 'ndots', value: '2' }] } }))).toEqual({ nameservers: ['1.1.1.1'], search: ['a.b'], ndots: 2 });
  });

  it('tries the search list first below ndots dots, the name first at or above, only the name with a root dot', () => {
    const conf = resolvConfOf(pod());
    expect(candidates('web', conf)).toEqual(['web.shop.svc.cluster.local', 'web.svc.cluster.local', 'web.cluster.local', 'web']);
    expect(candidates('a.b.c.d.e', conf)[0]).toBe('a.b.c.d.e.shop.svc.cluster.local');
    expect(candidates('a.b.c.d.e.f', conf)[0]).toBe('a.b.c.d.e.f');
    expect(candidates('web.shop.svc.cluster.local.', conf)).toEqual(['web.shop.svc.cluster.local']);
  });

  it('returns the first address, NXDOMAIN when every name is unknown, a timeout when nobody answers', () => {
    const conf = resolvConfOf(pod());
    const asked: string[] = [];
    const query = (_s: string, name: string) => {
      asked.push(name);
      return name === 'web.svc.cluster.local' ? { rcode: 'NOERROR' as const, answers: [{ name, type: 'A' as const, data: '10.96.1.1' }] } : { rcode: 'NXDOMAIN' as const, answers: [] };
    };
    expect(lookupA('web', conf, query)).toEqual({ ip: '10.96.1.1', name: 'web.svc.cluster.local' });
    expect(asked).toEqual(['web.shop.svc.cluster.local', 'web.svc.cluster.local']);
    expect(lookupA('nope', conf, query)).toBe('NXDOMAIN');
    expect(lookupA('web', conf, () => 'ETIMEDOUT')).toBe('ETIMEDOUT');
  });

  it('reads /etc/hosts', () => {
    const hosts = parseHosts('# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost\n10.244.1.5\tweb-0.web.default.svc.cluster.local\tweb-0\n');
    expect(hosts.get('localhost')).toBe('127.0.0.1');
    expect(hosts.get('web-0')).toBe('10.244.1.5');
    expect(hosts.get('ip6-localhost')).toBeUndefined();
  });
});
