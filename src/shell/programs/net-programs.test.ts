import { describe, expect, it } from 'vitest';
import { MemoryFs } from '../memory-fs';
import type { System } from '../program';
import type { DnsReply, RRType } from '../container-system';
import type { ShellProgram } from '../interpreter';
import { curl } from './curl';
import { nc } from './nc';
import { nslookup } from './nslookup';
import { wget } from './wget';
import { drive } from './runtime.test';

const SVC = '10.96.40.1';
const zone: Record<string, DnsReply> = {
  'web.default.svc.cluster.local/A': { rcode: 'NOERROR', answers: [{ name: 'web.default.svc.cluster.local', type: 'A', data: SVC }] },
  'web.default.svc.cluster.local/AAAA': { rcode: 'NOERROR', answers: [] },
  '1.40.96.10.in-addr.arpa/PTR': { rcode: 'NOERROR', answers: [{ name: '1.40.96.10.in-addr.arpa', type: 'PTR', data: 'web.default.svc.cluster.local' }] },
};

/** A pod's network: `web` is a Service whose port 80 answers; `dead` drops packets; DNS may be down. */
function system(opts: { dnsDown?: boolean } = {}): System {
  return {
    now: () => 0,
    hostname: 'client',
    resolvConf: () => ({ nameservers: ['10.96.0.10'], search: ['default.svc.cluster.local', 'svc.cluster.local', 'cluster.local'], ndots: 5 }),
    dns: (_server: string, name: string, type: RRType) => (opts.dnsDown ? 'ETIMEDOUT' : zone[`${name}/${type}`] ?? { rcode: 'NXDOMAIN', answers: [] }),
    resolve: (h) => (opts.dnsDown ? 'ETIMEDOUT' : h === 'web' ? SVC : h === 'dead' ? '10.96.40.2' : /^\d/.test(h) ? h : undefined),
    connect: (ip) => (ip === SVC ? true : 'ETIMEDOUT'),
    http: (ip) => (ip === SVC ? { status: 200, reason: 'OK', headers: [['Content-Length', '3']], body: 'hi\n' } : 'ETIMEDOUT'),
  };
}

function run(program: ShellProgram, argv: string[], sys = system()) {
  let out = '';
  let err = '';
  const r = drive(program({ argv, stdin: '', env: new Map(), cwd: '/', fs: new MemoryFs([['/tmp/.keep', '']]), userland: 'busybox', sys, out: (t) => (out += t), err: (t) => (err += t) }));
  return { code: r.status, out, err, waitedMs: r.waitedMs };
}

describe('busybox nslookup', () => {
  it('asks every search domain, A then AAAA, printing each reply as busybox does', () => {
    const r = run(nslookup, ['nslookup', 'web']);
    expect(r.out).toBe(
      'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n' +
        'Name:\tweb.default.svc.cluster.local\nAddress: 10.96.40.1\n\n' +
        "** server can't find web.svc.cluster.local: NXDOMAIN\n\n** server can't find web.cluster.local: NXDOMAIN\n\n" +
        "*** Can't find web.default.svc.cluster.local: No answer\n\n" +
        "** server can't find web.svc.cluster.local: NXDOMAIN\n\n** server can't find web.cluster.local: NXDOMAIN\n\n",
    );
    expect(r.code).toBe(1);
  });

  it('asks a dotted name as written, an IP by PTR, and reports a server nobody answers after 5 s', () => {
    expect(run(nslookup, ['nslookup', 'web.default.svc.cluster.local'])).toMatchObject({ code: 0, out: expect.stringContaining("*** Can't find web.default.svc.cluster.local: No answer\n") });
    expect(run(nslookup, ['nslookup', '10.96.40.1']).out).toContain('1.40.96.10.in-addr.arpa\tname = web.default.svc.cluster.local\n');
    expect(run(nslookup, ['nslookup', 'web'], system({ dnsDown: true }))).toEqual({ code: 1, out: ';; connection timed out; no servers could be reached\n\n', err: '', waitedMs: 5000 });
    expect(run(nslookup, ['nslookup', '-type=bogus', 'web'])).toMatchObject({ code: 1, err: 'nslookup: invalid query type "bogus"\n' });
    expect(run(nslookup, ['nslookup']).err).toContain('Usage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]');
  });
});

describe('dropped packets and a silent resolver take time', () => {
  it('wget waits for the kernel, or for -T', () => {
    expect(run(wget, ['wget', '-q', 'http://dead/'])).toMatchObject({ code: 1, err: "wget: can't connect to remote host (10.96.40.2): Connection timed out\n", waitedMs: 127_000 });
    expect(run(wget, ['wget', '-q', '-T', '5', 'http://dead/'])).toMatchObject({ code: 1, err: 'wget: download timed out\n', waitedMs: 5000 });
    expect(run(wget, ['wget', '-q', 'http://web/'], system({ dnsDown: true }))).toMatchObject({ code: 1, err: "wget: bad address 'web'\n", waitedMs: 10_000 });
  });

  it('curl says 28 with the time it waited', () => {
    expect(run(curl, ['curl', '-sS', 'http://dead/'])).toMatchObject({ code: 28, err: "curl: (28) Failed to connect to dead port 80 after 127000 ms: Couldn't connect to server\n" });
    expect(run(curl, ['curl', '-sS', '-m', '2', 'http://dead/'])).toMatchObject({ code: 28, err: 'curl: (28) Failed to connect to dead port 80 after 2000 ms: Timeout was reached\n', waitedMs: 2000 });
    expect(run(curl, ['curl', '-s', '-o', '/dev/null', '-w', '%{http_code}\\n', 'http://web/'])).toMatchObject({ code: 0, out: '200\n' });
    expect(run(curl, ['curl', '-sS', 'http://web/'], system({ dnsDown: true }))).toMatchObject({ code: 6, err: 'curl: (6) Could not resolve host: web\n', waitedMs: 10_000 });
  });

  it('nc waits for -w', () => {
    expect(run(nc, ['nc', '-zv', '-w', '3', 'dead', '80'])).toMatchObject({ code: 1, err: 'nc: dead (10.96.40.2:80): Connection timed out\n', waitedMs: 3000 });
    expect(run(nc, ['nc', '-zv', 'web', '80'])).toMatchObject({ code: 0, err: 'web (10.96.40.1:80) open\n' });
  });
});

describe('curl -H and --resolve', () => {
  /** A server at 172.18.0.7 that answers with the request's headers. */
  const echo = (): System => ({
    ...system(),
    resolve: (h) => (/^\d/.test(h) ? h : undefined),
    http: (ip, _port, req) => (ip === '172.18.0.7' ? { status: 200, reason: 'OK', headers: [], body: req.headers.map(([k, v]) => `${k}: ${v}\n`).join('') } : 'ETIMEDOUT'),
  });

  it('a -H header replaces curl\'s own of that name: Host in place, others among the custom ones', () => {
    expect(run(curl, ['curl', '-s', 'http://172.18.0.7/'], echo()).out).toBe('Host: 172.18.0.7\nUser-Agent: curl/8.11.1\nAccept: */*\n');
    expect(run(curl, ['curl', '-s', '-H', 'X-A: 1', '-H', 'host: foo.example.com', '-H', 'Accept: text/html', 'http://172.18.0.7/'], echo()).out).toBe('Host: foo.example.com\nUser-Agent: curl/8.11.1\nX-A: 1\nAccept: text/html\n');
    expect(run(curl, ['curl', '-s', '-H', 'Accept:', '-H', 'Host:', 'http://172.18.0.7/'], echo()).out).toBe('User-Agent: curl/8.11.1\n');
  });

  it('--resolve pins a name and port to an address, the Host header keeping the name', () => {
    const args = ['curl', '-s', '--resolve', 'foo.example.com:80:172.18.0.7', 'http://foo.example.com/'];
    expect(run(curl, args, echo())).toMatchObject({ code: 0, out: 'Host: foo.example.com\nUser-Agent: curl/8.11.1\nAccept: */*\n' });
    expect(run(curl, ['curl', '-sS', '--resolve', 'foo.example.com:8080:172.18.0.7', 'http://foo.example.com/'], echo())).toMatchObject({ code: 6, err: 'curl: (6) Could not resolve host: foo.example.com\n' });
  });
});
