/**
 * `curl` (8.x, as curlimages/curl and Debian's packages): `-s`, `-S`, `-i`, `-I`, `-f`, `-o FILE`,
 * `-O`, `-X METHOD`, `-H HEADER` (replacing curl's own Host, User-Agent, Accept), `--resolve
 * HOST:PORT:ADDR`, `-L`/`-m`/`-v` accepted. Talks HTTP through the pod network with
 * curl's error texts: `curl: (7) Failed to connect to localhost port 81 after 0 ms: Couldn't
 * connect to server`, `curl: (6) Could not resolve host: web`, `curl: (22) The requested URL
 * returned error: 404`. A dropped connection waits for the kernel (`curl: (28) Failed to connect
 * to web port 80 after 127000 ms: Couldn't connect to server`) or for `-m`/`--connect-timeout`
 * (`… after 5000 ms: Timeout was reached`); a resolver nobody answers, its timeout. The progress
 * meter (stderr, when stdout is no terminal) is not drawn.
 */
import { resolvePath } from '../fs-map';
import type { HttpResponse } from '../container-system';
import type { ShellProgram } from '../interpreter';
import { RESOLVER_TIMEOUT_MS, secondsOption, TCP_CONNECT_TIMEOUT_MS, waitMs } from './net-wait';
import { parseUrl } from './url';

export const curl: ShellProgram = function* (io) {
  let silent = false;
  let showError = false;
  let include = false;
  let head = false;
  let fail = false;
  let output: string | undefined;
  let remoteName = false;
  let method: string | undefined;
  let data: string | undefined;
  const headers: Array<[string, string]> = [];
  const pinned = new Map<string, string>();
  let writeOut: string | undefined;
  let maxTimeMs: number | undefined;
  let connectTimeoutMs: number | undefined;
  const urls: string[] = [];
  const args = io.argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-o' || a === '--output') output = args[++i];
    else if (a === '-X' || a === '--request') method = args[++i];
    else if (a === '-H' || a === '--header') {
      const h = args[++i] ?? '';
      const c = h.indexOf(':');
      if (c > 0) headers.push([h.slice(0, c).trim(), h.slice(c + 1).trim()]);
    } else if (a === '-d' || a === '--data' || a === '--data-raw' || a === '--data-binary') {
      // Several -d join with `&`, as curl does.
      data = data === undefined ? args[++i] ?? '' : `${data}&${args[++i] ?? ''}`;
    } else if (a === '-m' || a === '--max-time') maxTimeMs = secondsOption(args[++i]);
    else if (a === '--connect-timeout') connectTimeoutMs = secondsOption(args[++i]);
    else if (a === '-w' || a === '--write-out') writeOut = args[++i];
    else if (a === '--resolve') {
      // HOST:PORT:ADDRESS pins a name (for that port) without asking DNS: how one tests name-based routing.
      const m = /^([^:]+):(\d+):(.+)$/.exec(args[++i] ?? '');
      if (m) pinned.set(`${m[1].toLowerCase()}:${m[2]}`, m[3].replace(/^\[|\]$/g, ''));
    } else if (a === '-A') i++;
    else if (a.startsWith('--')) {
      if (a === '--silent') silent = true;
      else if (a === '--show-error') showError = true;
      else if (a === '--include') include = true;
      else if (a === '--head') head = true;
      else if (a === '--fail') fail = true;
      else if (a === '--remote-name') remoteName = true;
    } else if (a.startsWith('-') && a.length > 1) {
      for (const f of a.slice(1)) {
        if (f === 's') silent = true;
        else if (f === 'S') showError = true;
        else if (f === 'i') include = true;
        else if (f === 'I') head = true;
        else if (f === 'f') fail = true;
        else if (f === 'O') remoteName = true;
      }
    } else urls.push(a);
  }
  const error = (code: number, text: string, url?: string): number => {
    if (!silent || showError) io.err(`curl: (${code}) ${text}\n`);
    // The write-out still runs for a failed transfer: no response code (000).
    if (writeOut !== undefined && url !== undefined) io.out(formatWriteOut(writeOut, { http_code: '000', response_code: '0', remote_ip: '', remote_port: '', size_download: '0', url_effective: url }));
    return code;
  };
  if (!urls.length) {
    io.err("curl: try 'curl --help' or 'curl --manual' for more information\n");
    return 2;
  }
  let code = 0;
  for (const text of urls) {
    const url = parseUrl(text);
    if (!url) { code = error(3, 'URL rejected: No host part in the URL'); continue; }
    if (url.scheme !== 'http' && url.scheme !== 'https') { code = error(1, `Protocol "${url.scheme}" not supported`); continue; }
    const ip = pinned.get(`${url.host.toLowerCase()}:${url.port}`) ?? io.sys.resolve?.(url.host);
    if (ip === 'ETIMEDOUT') {
      if (maxTimeMs !== undefined && maxTimeMs < RESOLVER_TIMEOUT_MS) {
        yield* waitMs(maxTimeMs);
        code = error(28, `Resolving timed out after ${maxTimeMs} milliseconds`, text);
        continue;
      }
      yield* waitMs(RESOLVER_TIMEOUT_MS);
    }
    if (!ip || ip === 'ETIMEDOUT') { code = error(6, `Could not resolve host: ${url.host}`, text); continue; }
    const hostHeader = url.port === 80 ? url.host : `${url.host}:${url.port}`;
    // -d sends a form body with POST unless -X names another method.
    const form: Array<[string, string]> = data === undefined ? [] : [['Content-Length', String(data.length)], ['Content-Type', 'application/x-www-form-urlencoded']];
    const sent = [...headers, ...form.filter(([k]) => !headers.some(([h]) => h.toLowerCase() === k.toLowerCase()))];
    const res: HttpResponse | string = io.sys.http?.(ip, url.port, { method: method ?? (head ? 'HEAD' : data !== undefined ? 'POST' : 'GET'), host: url.host, port: url.port, path: url.path, headers: requestHeaders(hostHeader, sent), ...(data !== undefined ? { body: data } : {}) }) ?? 'ECONNREFUSED';
    if (res === 'ETIMEDOUT') {
      const limit = Math.min(maxTimeMs ?? Infinity, connectTimeoutMs ?? Infinity);
      const waited = Math.min(limit, TCP_CONNECT_TIMEOUT_MS);
      yield* waitMs(waited);
      code = error(28, `Failed to connect to ${url.host} port ${url.port} after ${waited} ms: ${limit < TCP_CONNECT_TIMEOUT_MS ? 'Timeout was reached' : "Couldn't connect to server"}`, text);
      continue;
    }
    if (typeof res === 'string') { code = error(7, `Failed to connect to ${url.host} port ${url.port} after 0 ms: Couldn't connect to server`, text); continue; }
    if (res.status === 0) { code = error(52, 'Empty reply from server', text); continue; }
    if (fail && res.status >= 400) { code = error(22, `The requested URL returned error: ${res.status}`); continue; }
    const head_ = `HTTP/1.1 ${res.status} ${res.reason}\r\n${res.headers.map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;
    const out = (include || head ? head_ : '') + (head ? '' : res.body);
    const name = output ?? (remoteName ? url.path.split('?')[0].split('/').pop() || '' : undefined);
    if (name === undefined || name === '-') io.out(out);
    else if (name !== '/dev/null') {
      const err = io.fs.write(resolvePath(io.cwd, name), out, false);
      if (err) { code = error(23, `Failure writing output to destination, passed ${out.length} returned 0`); continue; }
    }
    if (writeOut !== undefined) io.out(formatWriteOut(writeOut, { http_code: String(res.status).padStart(3, '0'), response_code: String(res.status), remote_ip: ip, remote_port: String(url.port), size_download: String(head ? 0 : res.body.length), url_effective: text }));
  }
  return code;
};

/**
 * curl's own headers, then the user's: a `-H` of the same name replaces curl's (lib/http.c: a
 * custom Host takes the Host line's place; a custom User-Agent or Accept is sent among the
 * custom headers instead of curl's), and one with no value (`-H 'Accept:'`) removes it.
 */
function requestHeaders(hostHeader: string, custom: Array<[string, string]>): Array<[string, string]> {
  const own = (name: string) => custom.find(([k]) => k.toLowerCase() === name.toLowerCase());
  const host = own('Host');
  const defaults = ([['Host', hostHeader], ['User-Agent', 'curl/8.11.1'], ['Accept', '*/*']] as Array<[string, string]>).filter(([k]) => !own(k) || k === 'Host');
  if (host) defaults[0] = ['Host', host[1]];
  return [...defaults, ...custom.filter((h) => h !== host)].filter(([, v]) => v !== '');
}

/** `-w FORMAT`: `%{variable}` and the backslash escapes curl knows (\n, \r, \t). */
function formatWriteOut(format: string, vars: Record<string, string>): string {
  return format
    .replace(/%\{([a-z_]+)\}/g, (_m, v: string) => vars[v] ?? '')
    .replace(/\\([nrt\\])/g, (_m, c: string) => (c === 'n' ? '\n' : c === 'r' ? '\r' : c === 't' ? '\t' : '\\'));
}
