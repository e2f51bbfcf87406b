/**
 * kuard's memq worker (pkg/keygen/memq.go), the consumer of the book's work-queue Job:
 * `/kuard --keygen-enable --keygen-exit-on-complete --keygen-memq-server=http://queue:8080/memq/server
 * --keygen-memq-queue=keygen`. It dequeues one message at a time (POST …/queues/NAME/dequeue),
 * generates an RSA key for it (one to five seconds) and logs `Item done: SHA256:…`; when the
 * queue answers 204 it exits with --keygen-exit-code (or, without --keygen-exit-on-complete,
 * retries every second). A server it cannot reach is retried every second too.
 * It talks to the network, so it runs on the cluster's clock (src/sim/kubelet/live-process.ts).
 */
import type { HttpResponse, NetError } from '../../shell/container-system';
import type { ShellProgram } from '../../shell/interpreter';
import { RESOLVER_TIMEOUT_MS, TCP_CONNECT_TIMEOUT_MS, waitMs } from '../../shell/programs/net-wait';
import { parseUrl } from '../../shell/programs/url';
import { pad, utcParts } from '../core/utc';
import { flag } from './agnhost';
import { hasFlag, keygenConfigJson, keyFingerprints } from './kuard-keygen';

/** Whether argv runs the memq worker rather than the counted key generation. */
export function isMemqWorker(argv: string[]): boolean {
  const args = argv.slice(1);
  return /(^|\/)kuard$/.test(argv[0] ?? '') && hasFlag(args, 'keygen-enable') && !!flag(args, 'keygen-memq-server') && !!flag(args, 'keygen-memq-queue');
}

/** Go's log prefix: `2026/12/07 17:30:00 `. */
function logTime(ms: number): string {
  const t = utcParts(ms);
  return `${t.year}/${pad(t.month)}/${pad(t.day)} ${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}`;
}

const DIAL_ERRORS: Record<NetError, string> = { ECONNREFUSED: 'connect: connection refused', ETIMEDOUT: 'connect: connection timed out', EHOSTUNREACH: 'connect: no route to host' };

export function kuardMemqWorker(version: string): ShellProgram {
  return function* (io) {
    const args = io.argv.slice(1);
    const server = flag(args, 'keygen-memq-server')!;
    const queue = flag(args, 'keygen-memq-queue')!;
    const exitOnComplete = hasFlag(args, 'keygen-exit-on-complete');
    const exitCode = Number(flag(args, 'keygen-exit-code') ?? 0) || 0;
    const log = (text: string) => io.out(`${logTime(io.sys.now())} ${text}\n`);
    log(`Starting kuard version: ${version}`);
    log('**********************************************************************');
    log('* WARNING: This server may expose sensitive');
    log('* and secret information. Be careful.');
    log('**********************************************************************');
    yield* waitMs(1);
    log('Config: ');
    io.out(keygenConfigJson(args) + '\n');
    yield* waitMs(1);
    log('Could not find certificates to serve TLS');
    log('Serving on HTTP on :8080');
    log('MemQ Worker starting');
    const fingerprints = keyFingerprints(`${io.sys.hostname} ${args.join(' ')}`);
    const url = `${server}/queues/${queue}/dequeue`;
    for (;;) {
      const res = dequeue(io.sys, url);
      if ('error' in res) {
        // A connect or lookup that nobody answers takes the kernel's (resolver's) time to fail.
        yield* waitMs(res.afterMs);
        log(`Error talking to server: ${res.error}. Retrying after 1s.`);
        yield* waitMs(1000);
        continue;
      }
      if (res.status === 204) {
        if (exitOnComplete) return exitCode;
        log('Queue is empty. Retrying after 1s.');
        yield* waitMs(1000);
        continue;
      }
      const key = fingerprints.next();
      yield* waitMs(key.tookMs);
      log(`Item done: ${key.fingerprint}`);
    }
  };
}

type Dequeued = HttpResponse | { error: string; afterMs: number };

/** One POST through Go's http client: the response, or the error it returns (as `%v` prints it) and when. */
function dequeue(sys: Parameters<ShellProgram>[0]['sys'], url: string): Dequeued {
  const fail = (error: string, afterMs = 0) => ({ error, afterMs });
  const u = parseUrl(url);
  if (!u) return fail(`Post "${url}": unsupported protocol scheme ""`);
  const ip = sys.resolve?.(u.host);
  const nameserver = sys.resolvConf?.().nameservers[0] ?? '10.96.0.10';
  if (ip === undefined) return fail(`Post "${url}": dial tcp: lookup ${u.host} on ${nameserver}:53: no such host`);
  if (ip === 'ETIMEDOUT') return fail(`Post "${url}": dial tcp: lookup ${u.host} on ${nameserver}:53: read udp: i/o timeout`, RESOLVER_TIMEOUT_MS);
  const res = sys.http?.(ip, u.port, { method: 'POST', host: u.host, port: u.port, path: u.path, headers: [['Host', `${u.host}:${u.port}`], ['User-Agent', 'Go-http-client/1.1'], ['Content-Length', '0'], ['Accept-Encoding', 'gzip']] }) ?? 'ECONNREFUSED';
  if (typeof res === 'string') return fail(`Post "${url}": dial tcp ${ip}:${u.port}: ${DIAL_ERRORS[res]}`, res === 'ETIMEDOUT' ? TCP_CONNECT_TIMEOUT_MS : 0);
  // memqclient.errorFromResponse.
  if (res.status >= 300) return fail(`HTTP Error: ${res.status} ${res.reason}`);
  return res;
}
