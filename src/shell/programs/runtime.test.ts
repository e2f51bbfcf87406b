import { describe, expect, it } from 'vitest';
import { MemoryFs } from '../memory-fs';
import type { System, Userland } from '../program';
import type { ShellProgram, ShellRun } from '../interpreter';
import type { HttpResponse } from '../container-system';
import { curl } from './curl';
import { kill } from './kill';
import { nc } from './nc';
import { ps } from './ps';
import { wget } from './wget';

const PAGE: HttpResponse = { status: 200, reason: 'OK', headers: [['Server', 'nginx/1.27.3'], ['Content-Length', '3']], body: 'hi\n' };

function system(signals: Array<[number, number]> = []): System {
  return {
    now: () => 0,
    hostname: 'web',
    resolve: (h) => (h === 'localhost' ? '127.0.0.1' : /^\d/.test(h) ? h : undefined),
    connect: (_ip, port) => (port === 80 ? true : 'ECONNREFUSED'),
    http: (_ip, port, req) => (port !== 80 ? 'ECONNREFUSED' : req.path === '/' ? PAGE : { status: 404, reason: 'Not Found', headers: [], body: 'nope' }),
    processes: () => [{ pid: 1, user: 'root', command: 'sleep 3600', startedAt: 0 }, { pid: 7, user: 'root', command: 'sh', startedAt: 0 }],
    signal: (pid, sig) => (pid === 1 || pid === 7 ? (signals.push([pid, sig]), undefined) : 'ESRCH'),
  };
}

function run(program: ShellProgram, argv: string[], opts: { userland?: Userland; sys?: System; fs?: MemoryFs; stdin?: string } = {}) {
  let out = '';
  let err = '';
  const code = drive(program({ argv, stdin: opts.stdin ?? '', env: new Map(), cwd: '/', fs: opts.fs ?? new MemoryFs([['/tmp/.keep', '']]), userland: opts.userland ?? 'busybox', sys: opts.sys ?? system(), out: (t) => (out += t), err: (t) => (err += t) }));
  return { code: code.status, out, err, waitedMs: code.waitedMs };
}

/** Runs a program that may wait (a dropped connection): the waits pass at once, summed. */
export function drive(r: number | ShellRun<number>): { status: number; waitedMs: number } {
  if (typeof r === 'number') return { status: r, waitedMs: 0 };
  let waitedMs = 0;
  let step = r.next();
  while (!step.done) {
    waitedMs += step.value.timeoutMs;
    step = r.next(false);
  }
  return { status: step.value, waitedMs };
}

describe('runtime programs', () => {
  it('ps lists the container’s processes, itself last', () => {
    expect(run(ps, ['ps']).out).toBe('PID   USER     TIME  COMMAND\n    1 root      0:00 sleep 3600\n    7 root      0:00 sh\n   13 root      0:00 ps\n');
  });

  it('kill sends signals by number or name and reports a missing process', () => {
    const sent: Array<[number, number]> = [];
    const sys = system(sent);
    expect(run(kill, ['kill', '1'], { sys }).code).toBe(0);
    expect(run(kill, ['kill', '-9', '1'], { sys }).code).toBe(0);
    expect(run(kill, ['kill', '-s', 'INT', '7'], { sys }).code).toBe(0);
    expect(sent).toEqual([[1, 15], [1, 9], [7, 2]]);
    expect(run(kill, ['kill', '42'], { sys })).toMatchObject({ code: 1, err: "kill: can't kill pid 42: No such process\n" });
    expect(run(kill, ['kill', '-FOO', '1'], { sys })).toMatchObject({ code: 1, err: "kill: bad signal name 'FOO'\n" });
  });

  it('wget fetches, saves, and fails in busybox’s words', () => {
    const fs = new MemoryFs([['/tmp/.keep', '']]);
    expect(run(wget, ['wget', '-qO-', 'localhost'], { fs }).out).toBe('hi\n');
    const saved = run(wget, ['wget', 'http://localhost/'], { fs });
    expect(saved.err).toBe("Connecting to localhost (127.0.0.1:80)\nsaving to 'index.html'\nindex.html           100% |********************************|     3  0:00:00 ETA\n'index.html' saved\n");
    expect(fs.read('/index.html')).toBe('hi\n');
    expect(run(wget, ['wget', 'localhost'], { fs }).err).toContain("wget: can't open 'index.html': File exists\n");
    expect(run(wget, ['wget', '-q', 'localhost:81'], { fs })).toMatchObject({ code: 1, err: "wget: can't connect to remote host (127.0.0.1): Connection refused\n" });
    expect(run(wget, ['wget', '-q', 'localhost/x'], { fs })).toMatchObject({ code: 1, err: 'wget: server returned error: HTTP/1.1 404 Not Found\n' });
    expect(run(wget, ['wget', '-q', 'web-svc'], { fs })).toMatchObject({ code: 1, err: "wget: bad address 'web-svc'\n" });
  });

  it('curl prints bodies, CRLF headers with -i, and curl’s errors with their exit codes', () => {
    expect(run(curl, ['curl', '-s', 'localhost']).out).toBe('hi\n');
    expect(run(curl, ['curl', '-si', 'localhost']).out).toBe('HTTP/1.1 200 OK\r\nServer: nginx/1.27.3\r\nContent-Length: 3\r\n\r\nhi\n');
    expect(run(curl, ['curl', 'localhost:81'])).toMatchObject({ code: 7, err: "curl: (7) Failed to connect to localhost port 81 after 0 ms: Couldn't connect to server\n" });
    expect(run(curl, ['curl', '-s', 'localhost:81'])).toMatchObject({ code: 7, err: '' });
    expect(run(curl, ['curl', 'nosuch'])).toMatchObject({ code: 6, err: 'curl: (6) Could not resolve host: nosuch\n' });
    expect(run(curl, ['curl', '-f', 'localhost/x'])).toMatchObject({ code: 22, err: 'curl: (22) The requested URL returned error: 404\n' });
  });

  it('nc checks a port and speaks raw HTTP from its input', () => {
    expect(run(nc, ['nc', '-zv', 'localhost', '80'])).toMatchObject({ code: 0, err: 'localhost (127.0.0.1:80) open\n' });
    expect(run(nc, ['nc', '-z', 'localhost', '81'])).toMatchObject({ code: 1, err: 'nc: localhost (127.0.0.1:81): Connection refused\n' });
    expect(run(nc, ['nc', 'localhost', '80'], { stdin: 'GET / HTTP/1.0\r\n\r\n' }).out).toBe('HTTP/1.1 200 OK\r\nServer: nginx/1.27.3\r\nContent-Length: 3\r\n\r\nhi\n');
  });
});
