/**
 * kuard's key generation workload (pkg/keygen), as the book's Job examples run it:
 * `/kuard --keygen-enable --keygen-exit-on-complete --keygen-num-to-gen=10 [--keygen-exit-code=1]`
 * generates RSA keys, logs one `Item done` line per key and exits with the given code.
 */
import { MiB } from '../metrics/usage';
import { flag } from './agnhost';
import type { Workload } from './types';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function hasFlag(args: string[], name: string): boolean {
  const v = args.some((a) => a.replace(/^--?/, '-') === `-${name}`) ? 'true' : flag(args, name);
  return v === 'true' || v === '1';
}

/** A deterministic stream for the fingerprints and key times (FNV-1a seeded, xorshift32). */
function stream(seed: string): () => number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193) >>> 0;
  return () => {
    h ^= h << 13;
    h ^= h >>> 17;
    h ^= h << 5;
    h >>>= 0;
    return h;
  };
}

/** The `Config: ` line's JSON (pkg/app/config.go), the keygen flags filled in. */
export function keygenConfigJson(args: string[]): string {
  const keygen = {
    enable: hasFlag(args, 'keygen-enable'),
    'exit-code': Number(flag(args, 'keygen-exit-code') ?? 0) || 0,
    'exit-on-complete': hasFlag(args, 'keygen-exit-on-complete'),
    'memq-queue': flag(args, 'keygen-memq-queue') ?? '',
    'memq-server': flag(args, 'keygen-memq-server') ?? '',
    'num-to-gen': Number(flag(args, 'keygen-num-to-gen') ?? 0) || 0,
    'time-to-run': 0,
  };
  return JSON.stringify({ address: ':8080', debug: false, 'debug-sitedata-dir': './sitedata', keygen, liveness: { 'fail-next': 0 }, readiness: { 'fail-next': 0 }, 'tls-address': ':8443', 'tls-dir': '/tls' });
}

/** The keys a run generates, one after another: how long each takes (an RSA-4096 key: one to five seconds) and its fingerprint. */
export function keyFingerprints(seed: string): { next(): { tookMs: number; fingerprint: string } } {
  const next = stream(seed);
  return {
    next() {
      const tookMs = 1000 + (next() % 4000);
      let fp = '';
      for (let j = 0; j < 35; j++) fp += BASE64[next() % 64];
      return { tookMs, fingerprint: `SHA256:${fp}` };
    },
  };
}

export function kuardKeygen(argv: string[], version: string): Workload | undefined {
  if (!/(^|\/)kuard$/.test(argv[0] ?? '')) return undefined;
  const args = argv.slice(1);
  if (!hasFlag(args, 'keygen-enable') || !hasFlag(args, 'keygen-exit-on-complete')) return undefined;
  // With a queue to work from it talks to the network: ./kuard-memq-worker.ts.
  if (flag(args, 'keygen-memq-server') && flag(args, 'keygen-memq-queue')) return undefined;
  const count = Number(flag(args, 'keygen-num-to-gen') ?? 0) || 0;
  const code = Number(flag(args, 'keygen-exit-code') ?? 0) || 0;
  const lines: Array<[number, string]> = [
    [0, `{ts} Starting kuard version: ${version}`],
    [0, '{ts} **********************************************************************'],
    [0, '{ts} * WARNING: This server may expose sensitive'],
    [0, '{ts} * and secret information. Be careful.'],
    [0, '{ts} **********************************************************************'],
    [1, '{ts} Config: '],
    [1, keygenConfigJson(args)],
    [2, '{ts} Could not find certificates to serve TLS'],
    [2, '{ts} Serving on HTTP on :8080'],
    [2, '{ts} (ID 0) Workload starting'],
  ];
  const keys = keyFingerprints(args.join(' '));
  let at = 2;
  for (let i = 1; i <= count; i++) {
    const key = keys.next();
    at += key.tookMs;
    lines.push([at, `{ts} (ID 0 ${i}/${count}) Item done: ${key.fingerprint}`]);
  }
  lines.push([at, '{ts} (ID 0) Workload exiting']);
  return { lines, wants: { cpuMillis: 1000, memoryBytes: 8 * MiB }, exit: { afterMs: at, code }, onSigterm: { afterMs: 0, code: 2 }, timestampStyle: 'nginx' };
}
