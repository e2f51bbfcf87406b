/**
 * busybox `wget` (networking/wget.c): `-q`, `-O FILE|-`, `-S`, `-T SEC`, `--spider`, `-U`.
 * Talks HTTP through the pod network (`sys.resolve`, `sys.http`), with the applet's messages:
 * `Connecting to localhost (127.0.0.1:80)`, `wget: can't connect to remote host (…): Connection
 * refused`, `wget: server returned error: HTTP/1.1 404 Not Found`, `wget: bad address 'x'` (at
 * once, or after the resolver's timeout when no nameserver answers). A dropped connection waits
 * for the kernel (`Connection timed out`) or for `-T` (`download timed out`).
 */
import { resolvePath } from '../fs-map';
import type { HttpResponse, NetError } from '../container-system';
import type { ShellProgram } from '../interpreter';
import { RESOLVER_TIMEOUT_MS, secondsOption, TCP_CONNECT_TIMEOUT_MS, waitMs } from './net-wait';
import { parseUrl } from './url';

const NET_TEXT: Record<NetError, string> = { ECONNREFUSED: 'Connection refused', ETIMEDOUT: 'Connection timed out', EHOSTUNREACH: 'No route to host' };

export const wget: ShellProgram = function* (io) {
  let quiet = false;
  let output: string | undefined;
  let spider = false;
  let serverHeaders = false;
  let postData: string | undefined;
  // busybox's default -T is 900 s: the kernel's connect timeout comes first.
  let timeoutMs = 900_000;
  const urls: string[] = [];
  const args = io.argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-q' || a === '--quiet') quiet = true;
    else if (a === '-O' || a === '--output-document') output = args[++i];
    else if (a.startsWith('-O')) output = a.slice(2);
    else if (a === '-S' || a === '--server-response') serverHeaders = true;
    else if (a === '--spider') spider = true;
    else if (a === '--post-data') postData = args[++i] ?? '';
    else if (a.startsWith('--post-data=')) postData = a.slice('--post-data='.length);
    else if (a === '-T' || a === '--timeout') timeoutMs = secondsOption(args[++i]) ?? timeoutMs;
    else if (a.startsWith('--timeout=')) timeoutMs = secondsOption(a.slice(10)) ?? timeoutMs;
    else if (a === '-U' || a === '--timeout' || a === '--user-agent' || a === '-Y' || a === '-P') i++;
    else if (a.startsWith('-') && a.length > 1) {
      // Combined short flags (`-qO-`).
      if (/^-q+O/.test(a)) { quiet = true; output = a.slice(a.indexOf('O') + 1) || args[++i]; }
      else if (/^-q+$/.test(a)) quiet = true;
    } else urls.push(a);
  }
  if (!urls.length) {
    io.err('BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[--no-check-certificate] [-P DIR] [-U AGENT] [-T SEC] URL...\n\nRetrieve files via HTTP or FTP\n');
    return 1;
  }
  let code = 0;
  for (const text of urls) {
    const url = parseUrl(text);
    if (!url || (url.scheme !== 'http' && url.scheme !== 'https')) {
      io.err(`wget: not an http or ftp url: ${text}\n`);
      code = 1;
      continue;
    }
    const ip = io.sys.resolve?.(url.host);
    // The lookup comes before -T's alarm: only the resolver's own timeout bounds it.
    if (ip === 'ETIMEDOUT') yield* waitMs(RESOLVER_TIMEOUT_MS);
    if (!ip || ip === 'ETIMEDOUT') {
      io.err(`wget: bad address '${url.host}'\n`);
      code = 1;
      continue;
    }
    if (!quiet) io.err(`Connecting to ${url.host} (${ip}:${url.port})\n`);
    const res: HttpResponse | NetError = io.sys.http?.(ip, url.port, { method: spider ? 'HEAD' : postData !== undefined ? 'POST' : 'GET', host: url.host, port: url.port, path: url.path, headers: [['Host', url.host], ['User-Agent', 'Wget'], ...(postData !== undefined ? [['Content-Type', 'application/x-www-form-urlencoded'] as [string, string], ['Content-Length', String(postData.length)] as [string, string]] : [])], ...(postData !== undefined ? { body: postData } : {}) }) ?? 'ECONNREFUSED';
    if (res === 'ETIMEDOUT') {
      yield* waitMs(Math.min(TCP_CONNECT_TIMEOUT_MS, timeoutMs));
      io.err(timeoutMs < TCP_CONNECT_TIMEOUT_MS ? 'wget: download timed out\n' : `wget: can't connect to remote host (${ip}): Connection timed out\n`);
      code = 1;
      continue;
    }
    if (typeof res === 'string') {
      io.err(`wget: can't connect to remote host (${ip}): ${NET_TEXT[res]}\n`);
      code = 1;
      continue;
    }
    if (serverHeaders) {
      io.err(`  HTTP/1.1 ${res.status} ${res.reason}\n`);
      for (const [k, v] of res.headers) io.err(`  ${k}: ${v}\n`);
    }
    if (res.status >= 400 || res.status === 0) {
      io.err(res.status === 0 ? 'wget: error getting response: Connection reset by peer\n' : `wget: server returned error: HTTP/1.1 ${res.status} ${res.reason}\n`);
      code = 1;
      continue;
    }
    if (spider) {
      if (!quiet) io.err('remote file exists\n');
      continue;
    }
    const name = output ?? (url.path.split('?')[0].split('/').pop() || 'index.html');
    const size = res.headers.find(([k]) => k.toLowerCase() === 'content-length')?.[1] ?? String(res.body.length);
    if (name === '-') {
      if (!quiet) io.err('writing to stdout\n');
      io.out(res.body);
      if (!quiet) io.err(`-                    100% |********************************|   ${size.padStart(3)}  0:00:00 ETA\nwritten to stdout\n`);
      continue;
    }
    const path = resolvePath(io.cwd, name);
    if (output === undefined && io.fs.stat(path) !== 'ENOENT') {
      io.err(`wget: can't open '${name}': File exists\n`);
      code = 1;
      continue;
    }
    if (!quiet) io.err(`saving to '${name}'\n`);
    const err = io.fs.write(path, res.body, false);
    if (err) {
      io.err(`wget: can't open '${name}': ${err === 'EROFS' ? 'Read-only file system' : err === 'EISDIR' ? 'Is a directory' : 'No such file or directory'}\n`);
      code = 1;
      continue;
    }
    if (!quiet) io.err(`${name.slice(0, 20).padEnd(20)} 100% |********************************|   ${size.padStart(3)}  0:00:00 ETA\n'${name}' saved\n`);
  }
  return code;
};
