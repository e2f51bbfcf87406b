/**
 * busybox `nc` (networking/nc_bloaty.c): `nc -z[v] HOST PORT` tells whether the port is open
 * (`localhost (127.0.0.1:80) open`); `nc HOST PORT` sends its stdin and prints the answer, which
 * for an HTTP server is a raw response (`printf 'GET / HTTP/1.0\r\n\r\n' | nc localhost 80`).
 * A dropped connection waits for the kernel, or for `-w SECS`.
 */
import type { NetError } from '../container-system';
import type { ShellProgram } from '../interpreter';
import { RESOLVER_TIMEOUT_MS, secondsOption, TCP_CONNECT_TIMEOUT_MS, waitMs } from './net-wait';

const NET_TEXT: Record<NetError, string> = { ECONNREFUSED: 'Connection refused', ETIMEDOUT: 'Connection timed out', EHOSTUNREACH: 'No route to host' };

export const nc: ShellProgram = function* (io) {
  let scan = false;
  let verbose = false;
  let waitLimitMs = Infinity;
  const rest: string[] = [];
  const args = io.argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-w') waitLimitMs = secondsOption(args[++i]) ?? waitLimitMs;
    else if (a === '-i' || a === '-p' || a === '-s') i++;
    else if (a.startsWith('-') && a.length > 1) {
      if (a.includes('z')) scan = true;
      if (a.includes('v')) verbose = true;
    } else rest.push(a);
  }
  const [host, portText] = rest;
  if (!host || !portText) {
    io.err('BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: nc [OPTIONS] HOST PORT  - connect\nnc [OPTIONS] -l -p PORT [HOST] [PORT]  - listen\n');
    return 1;
  }
  const port = Number(portText);
  const ip = io.sys.resolve?.(host);
  if (ip === 'ETIMEDOUT') yield* waitMs(RESOLVER_TIMEOUT_MS);
  if (!ip || ip === 'ETIMEDOUT') {
    io.err(`nc: bad address '${host}'\n`);
    return 1;
  }
  // An HTTP request on stdin is one connection: the exchange itself says whether it opened.
  const m = scan ? null : /^([A-Z]+) (\S+) HTTP\/1\.[01]\r?\n/.exec(io.stdin);
  const res = m ? io.sys.http?.(ip, port, { method: m[1], host, port, path: m[2], headers: [] }) ?? 'ECONNREFUSED' : undefined;
  const open = res === undefined ? io.sys.connect?.(ip, port) ?? 'ECONNREFUSED' : typeof res === 'string' ? res : true;
  if (open === 'ETIMEDOUT') yield* waitMs(Math.min(waitLimitMs, TCP_CONNECT_TIMEOUT_MS));
  if (open !== true) {
    io.err(`nc: ${host} (${ip}:${port}): ${NET_TEXT[open]}\n`);
    return 1;
  }
  if (verbose) io.err(`${host} (${ip}:${port}) open\n`);
  if (!res || typeof res === 'string' || res.status === 0) return 0;
  io.out(`HTTP/1.1 ${res.status} ${res.reason}\r\n${res.headers.map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n${res.body}`);
  return 0;
};
