import { describe, expect, it } from 'vitest';
import { dockerLifecycle, dockerPs, humanDuration, type NodeContainerControl, type NodeContainerInfo } from './docker-containers';
import type { ProgramIO } from '../program';

describe('humanDuration (go-units)', () => {
  it('says what docker says for CREATED and STATUS', () => {
    expect(humanDuration(500)).toBe('Less than a second');
    expect(humanDuration(1000)).toBe('1 second');
    expect(humanDuration(59_000)).toBe('59 seconds');
    expect(humanDuration(61_000)).toBe('About a minute');
    expect(humanDuration(10 * 60_000)).toBe('10 minutes');
    expect(humanDuration(90 * 60_000)).toBe('2 hours');
    expect(humanDuration(50 * 60_000 + 3_600_000)).toBe('2 hours');
    expect(humanDuration(3 * 86_400_000)).toBe('3 days');
  });
});

function control(): NodeContainerControl & { log: string[] } {
  const now = 600_000;
  const list: NodeContainerInfo[] = [
    { id: 'b'.repeat(64), name: 'kind-worker', image: 'kindest/node:v1.32.2', command: '"/usr/local/bin/entr…"', createdAt: 0, running: false, since: now - 5000, exitCode: 137, ports: '' },
    { id: 'a'.repeat(64), name: 'kind-control-plane', image: 'kindest/node:v1.32.2', command: '"/usr/local/bin/entr…"', createdAt: 0, running: true, since: 0, exitCode: 0, ports: '127.0.0.1:43615->6443/tcp' },
  ];
  const log: string[] = [];
  return { log, containers: () => list, now: () => now, stop: (n) => log.push(`stop ${n}`), start: (n) => log.push(`start ${n}`), restart: (n) => log.push(`restart ${n}`) };
}

function io() {
  const r = { out: '', err: '' };
  return { r, io: { out: (t: string) => (r.out += t), err: (t: string) => (r.err += t) } as unknown as ProgramIO };
}

describe('docker ps', () => {
  it('lists running node containers, all of them with -a, ids with -q', () => {
    const c = control();
    const a = io();
    expect(dockerPs(c, [], a.io)).toBe(0);
    expect(a.r.out).toBe(
      'CONTAINER ID   IMAGE                  COMMAND                  CREATED          STATUS          PORTS                       NAMES\n' +
        'aaaaaaaaaaaa   kindest/node:v1.32.2   "/usr/local/bin/entr…"   10 minutes ago   Up 10 minutes   127.0.0.1:43615->6443/tcp   kind-control-plane\n',
    );
    const b = io();
    dockerPs(c, ['-a'], b.io);
    expect(b.r.out.split('\n')[1]).toContain('Exited (137) 5 seconds ago');
    const q = io();
    dockerPs(c, ['-aq'], q.io);
    expect(q.r.out).toBe('bbbbbbbbbbbb\naaaaaaaaaaaa\n');
    const bad = io();
    expect(dockerPs(c, ['-x'], bad.io)).toBe(125);
    expect(bad.r.err).toBe("unknown shorthand flag: 'x' in -x\nSee 'docker ps --help'.\n");
  });
});

describe('docker stop|start|restart', () => {
  it('echoes each name it acted on, and the daemon refuses names it does not know', () => {
    const c = control();
    const a = io();
    expect(dockerLifecycle(c, 'start', ['kind-worker', 'nope'], a.io)).toBe(1);
    expect(c.log).toEqual(['start kind-worker']);
    expect(a.r.out).toBe('kind-worker\n');
    expect(a.r.err).toBe('Error response from daemon: No such container: nope\nError: failed to start containers: nope\n');
    const b = io();
    expect(dockerLifecycle(c, 'stop', [], b.io)).toBe(1);
    expect(b.r.err).toContain("docker: 'docker stop' requires at least 1 argument");
  });
});
