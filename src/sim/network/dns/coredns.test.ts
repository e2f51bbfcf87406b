import { describe, expect, it } from 'vitest';
import { ServiceTable } from '../proxy/service-table';
import { endpoint, service, slice } from '../testing/fixtures';
import { answerQuery, type DnsView } from './coredns';

function view(): DnsView {
  const table = new ServiceTable();
  table.setService(service('web', { clusterIP: '10.96.10.10', ports: [{ name: 'http', port: 80, targetPort: 8080 }] }));
  table.setService(service('db', { clusterIP: 'None', ports: [{ name: 'mysql', port: 3306 }] }));
  table.setSlice(slice('db', 'db-xyz12', [endpoint('10.244.1.5', 'kind-worker', { hostname: 'db-0' }), endpoint('10.244.2.5', 'kind-worker2'), endpoint('10.244.3.5', 'kind-worker3', { ready: false })], [{ name: 'mysql', port: 3306 }]));
  table.setService(service('empty', { clusterIP: 'None', ports: [{ port: 80 }] }));
  table.setService(service('ext', { type: 'ExternalName', externalName: 'web.default.svc.cluster.local' }));
  return { table };
}

describe('CoreDNS (kubernetes plugin)', () => {
  it('answers a Service name with its ClusterIP, any case, with or without the root dot', () => {
    expect(answerQuery('web.default.svc.cluster.local', 'A', view())).toEqual({ rcode: 'NOERROR', answers: [{ name: 'web.default.svc.cluster.local', type: 'A', data: '10.96.10.10' }] });
    expect(answerQuery('WEB.default.svc.cluster.local.', 'A', view()).answers[0].data).toBe('10.96.10.10');
    // An existing name without IPv6 records: NOERROR, no answer.
    expect(answerQuery('web.default.svc.cluster.local', 'AAAA', view())).toEqual({ rcode: 'NOERROR', answers: [] });
  });

  it('says NXDOMAIN for unknown names, other namespaces, and anything outside the zone (no internet here)', () => {
    for (const name of ['nope.default.svc.cluster.local', 'web.other.svc.cluster.local', 'web.svc.cluster.local', 'web.cluster.local', 'web', 'kubernetes.default', 'example.com']) {
      expect(answerQuery(name, 'A', view()).rcode).toBe('NXDOMAIN');
    }
  });

  it('answers a headless Service with its ready endpoints, and each endpoint by hostname or dashed IP', () => {
    const v = view();
    expect(answerQuery('db.default.svc.cluster.local', 'A', v).answers.map((a) => a.data)).toEqual(['10.244.1.5', '10.244.2.5']);
    expect(answerQuery('db-0.db.default.svc.cluster.local', 'A', v).answers[0].data).toBe('10.244.1.5');
    expect(answerQuery('10-244-2-5.db.default.svc.cluster.local', 'A', v).answers[0].data).toBe('10.244.2.5');
    expect(answerQuery('10-244-3-5.db.default.svc.cluster.local', 'A', v).rcode).toBe('NXDOMAIN');
    // A headless Service without endpoints has no records.
    expect(answerQuery('empty.default.svc.cluster.local', 'A', v).rcode).toBe('NXDOMAIN');
  });

  it('answers SRV for named ports: the Service name, or each headless endpoint', () => {
    const v = view();
    expect(answerQuery('_http._tcp.web.default.svc.cluster.local', 'SRV', v).answers).toEqual([{ name: '_http._tcp.web.default.svc.cluster.local', type: 'SRV', data: 'web.default.svc.cluster.local', srv: { priority: 0, weight: 100, port: 80 } }]);
    expect(answerQuery('_mysql._tcp.db.default.svc.cluster.local', 'SRV', v).answers.map((a) => `${a.srv!.weight} ${a.srv!.port} ${a.data}`)).toEqual(['50 3306 db-0.db.default.svc.cluster.local', '50 3306 10-244-2-5.db.default.svc.cluster.local']);
    expect(answerQuery('_http._udp.web.default.svc.cluster.local', 'SRV', v).rcode).toBe('NXDOMAIN');
  });

  it('answers pod names with the IP they spell (pods insecure), ExternalName with a CNAME, and PTR for ClusterIPs', () => {
    const v = view();
    expect(answerQuery('10-244-1-5.default.pod.cluster.local', 'A', v).answers[0].data).toBe('10.244.1.5');
    expect(answerQuery('10-244-1-999.default.pod.cluster.local', 'A', v).rcode).toBe('NXDOMAIN');
    expect(answerQuery('ext.default.svc.cluster.local', 'A', v).answers).toEqual([
      { name: 'ext.default.svc.cluster.local', type: 'CNAME', data: 'web.default.svc.cluster.local' },
      { name: 'web.default.svc.cluster.local', type: 'A', data: '10.96.10.10' },
    ]);
    expect(answerQuery('10.10.96.10.in-addr.arpa', 'PTR', v).answers[0].data).toBe('web.default.svc.cluster.local');
    expect(answerQuery('9.9.96.10.in-addr.arpa', 'PTR', v).rcode).toBe('NXDOMAIN');
  });
});
