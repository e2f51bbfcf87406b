import { describe, expect, it } from 'vitest';
import { kubectl } from '../kubectl';
import { createCluster } from '../sim/cluster';
import { FakeWall } from './fake-wall';
import { normalizeUrl } from './browse';
import type { BrowsePage, CommandResult, HostView, UiToWorker, WorkerToUi } from './protocol';
import { Session } from './session';

/** A session on a real cluster and kubectl, as the worker hosts it. */
function setup() {
  const wall = new FakeWall();
  const messages: WorkerToUi[] = [];
  const session = new Session({ createCluster: () => createCluster({ seed: 7 }), kubectl, lessons: [], post: (m) => messages.push(m), wall });
  let nextId = 1;
  const send = (m: UiToWorker) => session.handle(m);
  const command = (c: Extract<UiToWorker, { type: 'command' }>['command']) => {
    const id = nextId++;
    send({ type: 'command', id, command: c });
    return id;
  };
  const resultOf = (id: number): CommandResult | undefined => {
    const m = messages.find((x) => x.type === 'result' && x.id === id);
    return m && m.type === 'result' && m.ok ? m.result : undefined;
  };
  const outputOf = (id: number) => messages.filter((m) => m.type === 'output' && m.id === id).map((m) => (m.type === 'output' ? m.text : '')).join('');
  const page = (url: string): BrowsePage => {
    const r = resultOf(command({ kind: 'browse', url }));
    if (r?.kind !== 'browse') throw new Error(`no page for ${url}`);
    return r.page;
  };
  const lastHost = (): HostView | undefined => {
    for (let i = messages.length - 1; i >= 0; i--) {
      const m = messages[i];
      if ((m.type === 'patch' || m.type === 'hello') && m.host) return m.host;
    }
    return undefined;
  };
  return { wall, messages, session, send, command, resultOf, outputOf, page, lastHost };
}

describe('the in-app browser (browse command)', () => {
  it('opens a port-forward: nginx welcome page, "Handling connection", the forward offered to the UI', () => {
    const s = setup();
    s.send({ type: 'connect' });
    expect(s.lastHost()).toEqual({ forwards: [], cloudProvider: true });
    s.command({ kind: 'kubectl', line: 'kubectl run web --image=nginx:1.27.3' });
    s.wall.run(15_000);
    const pf = s.command({ kind: 'kubectl', line: 'kubectl port-forward pod/web 8080:80' });
    s.wall.run(20);
    expect(s.lastHost()).toEqual({ forwards: [{ localPort: 8080, namespace: 'default', pod: 'web', port: 80 }], cloudProvider: true });
    const p = s.page('localhost:8080');
    expect(p.url).toBe('http://localhost:8080');
    if ('error' in p) throw new Error(p.error);
    expect(p.status).toBe(200);
    expect(p.headers).toContainEqual(['Content-Type', 'text/html']);
    expect(p.body).toContain('<title>Welcome to nginx!</title>');
    expect(s.outputOf(pf)).toContain('Handling connection for 8080\n');
    expect(s.page('http://localhost:8080/nope')).toMatchObject({ status: 404 });

    // Ctrl+C: the port is released, the UI hears it, the next load is refused.
    s.send({ type: 'interrupt', id: pf });
    s.wall.run(20);
    expect(s.lastHost()?.forwards).toEqual([]);
    expect(s.page('http://localhost:8080/')).toEqual({ url: 'http://localhost:8080/', error: 'ECONNREFUSED' });
  });

  it('says what went wrong: an empty reply from a forward to a port nothing listens on, names it cannot resolve, ClusterIPs out of reach', () => {
    const s = setup();
    s.command({ kind: 'kubectl', line: 'kubectl run web --image=nginx:1.27.3' });
    s.wall.run(15_000);
    s.command({ kind: 'kubectl', line: 'kubectl port-forward pod/web 9090:9999' });
    expect(s.page('localhost:9090')).toEqual({ url: 'http://localhost:9090', error: 'EMPTY_RESPONSE' });
    expect(s.page('http://nginx.org/')).toEqual({ url: 'http://nginx.org/', error: 'NXDOMAIN' });
    expect(s.page('http://10.96.0.1/')).toMatchObject({ error: 'ETIMEDOUT' });
    expect(s.page('ftp://localhost/')).toMatchObject({ error: 'INVALID_URL' });
  });

  it("opens kuard's page: its template with the page context its bundle draws", () => {
    const s = setup();
    s.command({ kind: 'kubectl', line: 'kubectl run kuard --image=gcr.io/kuar-demo/kuard-amd64:blue' });
    s.wall.run(15_000);
    s.command({ kind: 'kubectl', line: 'kubectl port-forward kuard 8080:8080' });
    const p = s.page('localhost:8080');
    if ('error' in p) throw new Error(p.error);
    const ctx = JSON.parse(/var pageContext = (.*)\n/.exec(p.body)![1]);
    expect(ctx).toMatchObject({ hostname: 'kuard', version: 'v0.10.0-blue', requestProto: 'HTTP/1.1' });
    expect(ctx.addrs).toEqual([expect.stringMatching(/^10\.244\.\d+\.\d+$/)]);
    expect(ctx.requestAddr).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(ctx.requestDump).toMatch(/^GET \/ HTTP\/1\.1\r\nHost: localhost:8080\r\nAccept: /);
  });

  it('switches cloud-provider-kind: off, a LoadBalancer stays pending; the switch is journaled and replays', () => {
    const s = setup();
    const off = s.command({ kind: 'cloud-provider', on: false });
    expect(s.resultOf(off)).toEqual({ kind: 'cloud-provider', host: { forwards: [], cloudProvider: false } });
    s.command({ kind: 'kubectl', line: 'kubectl create service loadbalancer lb --tcp=80:80' });
    s.wall.run(10_000);
    const get = s.command({ kind: 'kubectl', line: 'kubectl get svc lb --no-headers' });
    expect(s.outputOf(get)).toMatch(/<pending>/);

    const journal = s.messages.flatMap((m) => (m.type === 'patch' ? (m.journal ?? []) : []));
    expect(journal.map((e) => e.command.kind)).toContain('cloud-provider');
    const again = setup();
    const id = again.command({ kind: 'restore', cluster: { entries: journal, simTime: 10_000, paused: false, speed: 1 }, lessonId: null, progress: [] });
    expect(again.resultOf(id)?.kind).toBe('restore');
    expect(again.lastHost()).toEqual({ forwards: [], cloudProvider: false });
    const get2 = again.command({ kind: 'kubectl', line: 'kubectl get svc lb --no-headers' });
    expect(again.outputOf(get2)).toMatch(/<pending>/);
  });

  it("loads a LoadBalancer's EXTERNAL-IP and a NodePort from the host, as the host's curl does", () => {
    const s = setup();
    s.command({ kind: 'kubectl', line: 'kubectl create deployment web --image=nginx:1.27.3' });
    s.command({ kind: 'kubectl', line: 'kubectl expose deployment web --type=LoadBalancer --port=80' });
    s.wall.run(20_000);
    const ip = s.outputOf(s.command({ kind: 'kubectl', line: "kubectl get svc web -o jsonpath='{.status.loadBalancer.ingress[0].ip}'" }));
    expect(ip).toMatch(/^172\.18\.0\.\d+$/);
    expect(s.page(`http://${ip}/`)).toMatchObject({ status: 200, body: expect.stringContaining('Welcome to nginx!') });
    const nodePort = s.outputOf(s.command({ kind: 'kubectl', line: "kubectl get svc web -o jsonpath='{.spec.ports[0].nodePort}'" }));
    expect(s.page(`172.18.0.3:${nodePort}`)).toMatchObject({ status: 200 });
  });

  it('turned back on, the cloud controller gives the pending LoadBalancer its IP', () => {
    const s = setup();
    s.command({ kind: 'cloud-provider', on: false });
    s.command({ kind: 'kubectl', line: 'kubectl create service loadbalancer lb --tcp=80:80' });
    s.wall.run(10_000);
    s.command({ kind: 'cloud-provider', on: true });
    s.wall.run(10_000);
    const get = s.command({ kind: 'kubectl', line: 'kubectl get svc lb --no-headers' });
    expect(s.outputOf(get)).toMatch(/172\.18\.0\.\d+/);
  });
});

describe('normalizeUrl', () => {
  it('adds http:// to what was typed without a scheme', () => {
    expect(normalizeUrl(' localhost:8080/x ')).toBe('http://localhost:8080/x');
    expect(normalizeUrl('http://172.18.0.5/foo')).toBe('http://172.18.0.5/foo');
  });
});
