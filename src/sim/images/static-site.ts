/**
 * Web servers that serve files (nginx, httpd): an HTTP request answered from the container's
 * files as they are at that moment — the image's pages, or what another container wrote into a
 * shared emptyDir. Headers and error pages as each server writes them: nginx's
 * ngx_http_special_response.c pages (CRLF lines) and `ETag: "<mtime hex>-<size hex>"`; Apache's
 * 404 page and `ETag: "<size hex>-<mtime µs hex>"`.
 */
import type { ShellFs } from '../../shell/program';
import type { HttpRequest, HttpResponse } from '../../shell/container-system';
import { DAY_NAMES, MONTH_NAMES, pad, utcParts } from '../core/utc';

export interface DocRoot {
  root: string;
  style: 'nginx' | 'apache';
  /** When the image's own files were built (their Last-Modified). */
  builtAt: number;
}

const TYPES: Record<string, string> = { html: 'text/html', htm: 'text/html', txt: 'text/plain', css: 'text/css', js: 'application/javascript', json: 'application/json', png: 'image/png', svg: 'image/svg+xml', xml: 'text/xml' };

export function serveFile(doc: DocRoot, serverName: string, fs: ShellFs, req: HttpRequest, now: number): HttpResponse {
  const path = decodeURIComponent(req.path.split('?')[0] || '/');
  let file = doc.root + path;
  let st = fs.stat(file);
  if (typeof st !== 'string' && st.type === 'dir') {
    if (!path.endsWith('/')) return moved(doc, serverName, req, path + '/', now);
    const index = ['index.html', 'index.htm'].map((n) => file + n).find((f) => fs.stat(f) !== 'ENOENT');
    if (!index) return errorPage(doc, serverName, 403, now);
    file = index;
    st = fs.stat(file);
  }
  const content = fs.read(file);
  if (typeof st === 'string' || typeof content !== 'string') return errorPage(doc, serverName, 404, now);
  const mtime = st.mtime || doc.builtAt;
  const ext = file.slice(file.lastIndexOf('.') + 1);
  const type = TYPES[ext] ?? (doc.style === 'nginx' ? 'application/octet-stream' : 'text/plain');
  const size = st.size;
  const body = req.method === 'HEAD' ? '' : content;
  if (doc.style === 'nginx') {
    const etag = `"${Math.floor(mtime / 1000).toString(16)}-${size.toString(16)}"`;
    return { status: 200, reason: 'OK', headers: [['Server', serverName], ['Date', httpDate(now)], ['Content-Type', type], ['Content-Length', String(size)], ['Last-Modified', httpDate(mtime)], ['Connection', 'keep-alive'], ['ETag', etag], ['Accept-Ranges', 'bytes']], body };
  }
  const etag = `"${size.toString(16)}-${(Math.floor(mtime / 1000) * 1_000_000).toString(16)}"`;
  return { status: 200, reason: 'OK', headers: [['Date', httpDate(now)], ['Server', serverName], ['Last-Modified', httpDate(mtime)], ['ETag', etag], ['Accept-Ranges', 'bytes'], ['Content-Length', String(size)], ['Content-Type', type]], body };
}

const REASONS: Record<number, string> = { 301: 'Moved Permanently', 403: 'Forbidden', 404: 'Not Found' };

function errorPage(doc: DocRoot, serverName: string, status: number, now: number): HttpResponse {
  const reason = REASONS[status];
  if (doc.style === 'nginx') {
    const body = [`<html>`, `<head><title>${status} ${reason}</title></head>`, `<body>`, `<center><h1>${status} ${reason}</h1></center>`, `<hr><center>${serverName}</center>`, `</body>`, `</html>`, ''].join('\r\n');
    return { status, reason, headers: [['Server', serverName], ['Date', httpDate(now)], ['Content-Type', 'text/html'], ['Content-Length', String(body.length)], ['Connection', 'keep-alive']], body };
  }
  const text = status === 404 ? 'The requested URL was not found on this server.' : "You don't have permission to access this resource.";
  const body = `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>${status} ${reason}</title>\n</head><body>\n<h1>${reason}</h1>\n<p>${text}</p>\n</body></html>\n`;
  return { status, reason, headers: [['Date', httpDate(now)], ['Server', serverName], ['Content-Length', String(body.length)], ['Content-Type', 'text/html; charset=iso-8859-1']], body };
}

function moved(doc: DocRoot, serverName: string, req: HttpRequest, to: string, now: number): HttpResponse {
  const page = errorPage(doc, serverName, 301, now);
  const location = `http://${req.host}${req.port === 80 ? '' : `:${req.port}`}${to}`;
  return { ...page, headers: [...page.headers, ['Location', location]] };
}

/** RFC 7231 IMF-fixdate: `Thu, 01 Jan 2026 09:00:00 GMT`. */
export function httpDate(ms: number): string {
  const t = utcParts(ms);
  return `${DAY_NAMES[t.weekday]}, ${pad(t.day)} ${MONTH_NAMES[t.month - 1]} ${t.year} ${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)} GMT`;
}
