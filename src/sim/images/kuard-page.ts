/**
 * kuard's page (pkg/app getRootHandler, sitedata/templates/index.html): GET `/` and `/-/*` (also
 * under the `/a`, `/b`, `/c` prefixes) render the template with the page context as JSON — the
 * hostname, the pod's addresses, the version and its colour, and a dump of the request — which
 * the page's React bundle draws. The page itself carries no content of its own.
 */
import type { HttpAnswer, HttpRequest } from './types';

const PREFIXES = ['', '/a', '/b', '/c'];

/** The URL base (`''`, `/a`, …) when `path` is one of kuard's page routes. */
export function kuardPageBase(path: string): string | undefined {
  for (const prefix of PREFIXES) if (path === `${prefix}/` || path.startsWith(`${prefix}/-/`)) return prefix;
  return undefined;
}

export function kuardPage(req: HttpRequest, urlBase: string): HttpAnswer {
  const version = req.version ?? '';
  const color = colorFromString(version);
  const context = {
    urlBase,
    hostname: req.hostname ?? '',
    addrs: req.addrs ?? [],
    version,
    versionColor: color,
    requestDump: dumpRequest(req),
    requestProto: 'HTTP/1.1',
    requestAddr: req.remoteAddr ?? '',
  };
  const body = `<!doctype html>

<html lang="en">
<head>
  <meta charset="utf-8">

  <title>KUAR Demo</title>

  <link rel="stylesheet" href="/static/css/bootstrap.min.css">
  <link rel="stylesheet" href="/static/css/styles.css">
  <style>
    .title {
      color: ${color};
    }
  </style>
  <script>
var pageContext = ${goJson(context)}
  </script>
</head>

<body>
  <div id="root"></div>
  <script src="built/bundle.js" type="text/javascript"></script>
</body>
</html>
`;
  return { status: 200, contentType: 'text/html; charset=utf-8', body };
}

/** httputil.DumpRequest(r, false), trimmed: the request line, Host, then the headers sorted by name. */
function dumpRequest(req: HttpRequest): string {
  const entries = Object.entries(req.headers);
  const host = entries.find(([k]) => k.toLowerCase() === 'host')?.[1] ?? '';
  const rest = entries.filter(([k]) => !['host', 'transfer-encoding', 'trailer'].includes(k.toLowerCase())).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return [`${req.method} ${req.path} HTTP/1.1`, `Host: ${host}`, ...rest.map(([k, v]) => `${k}: ${v}`)].join('\r\n');
}

/** htmlutils.ColorFromString: FNV-1a (32-bit) of the version, as a hue. */
export function colorFromString(s: string): string {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(s)) h = Math.imul(h ^ byte, 0x01000193) >>> 0;
  return `hsl(${h % 360},100%,50%)`;
}

/** encoding/json's output: HTML-sensitive characters escaped. */
function goJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
