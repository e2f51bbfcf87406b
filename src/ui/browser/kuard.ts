/**
 * kuard's page runs a React bundle over `var pageContext = {…}` (client/src/app.jsx): the title
 * band with the hostname, version and addresses, a navigation column, and the route's panel.
 * The in-app browser runs no scripts, so it draws what that bundle draws, from the same context
 * (the Request Details panel; the other panels fetch APIs as they load, and say so here).
 */

export interface KuardContext {
  urlBase?: string;
  hostname?: string;
  addrs?: string[];
  version?: string;
  requestDump?: string;
  requestProto?: string;
  requestAddr?: string;
}

/** The page context of a kuard page (its template's script), if `html` is one. */
export function kuardContext(html: string): KuardContext | undefined {
  if (!html.includes('built/bundle.js')) return undefined;
  const m = /var pageContext = (\{.*\})\s*\n/.exec(html);
  if (!m) return undefined;
  try {
    return JSON.parse(m[1]) as KuardContext;
  } catch {
    return undefined;
  }
}

const NAV: Array<[path: string, label: string]> = [
  ['/', 'Request Details'],
  ['/-/env', 'Server Env'],
  ['/-/mem', 'Memory'],
  ['/-/liveness', 'Liveness Probe'],
  ['/-/readiness', 'Readiness Probe'],
  ['/-/dns', 'DNS Query'],
  ['/-/keygen', 'KeyGen Workload'],
  ['/-/memq', 'MemQ Server'],
];

/** The body the bundle renders at `path` (escaped HTML). */
export function kuardBody(ctx: KuardContext, path: string): string {
  const base = ctx.urlBase ?? '';
  const route = path.slice(base.length) || '/';
  const addrs = (ctx.addrs ?? []).map((a) => `<span>${esc(a)}</span> `).join('');
  const nav = NAV.map(([p, label]) => `<a class="nav-item${p === route ? ' active' : ''}" href="${esc(base + p)}">${label}</a>`).join('') + `<a class="nav-item" href="${esc(base)}/fs/">File system browser</a>`;
  const known = NAV.find(([p]) => p === route);
  const content =
    route === '/'
      ? `<div><b>Proto:</b> <samp>${esc(ctx.requestProto ?? '')}</samp></div><div><b>Client addr:</b> <samp>${esc(ctx.requestAddr ?? '')}</samp></div><div><b>Dump:</b></div><pre>${esc(ctx.requestDump ?? '')}</pre>`
      : `<p class="kp-kuard-note">The ${known ? `“${known[1]}”` : 'requested'} panel loads its data with JavaScript as it opens; this in-app browser runs no scripts. Try it with <code>curl</code> from the terminal (for example <code>curl localhost:8080${esc(base)}/env/api</code>).</p>`;
  return `<div id="root"><div class="top"><div class="title"><div class="alert alert-danger" role="alert"><b>WARNING:</b> This server may expose sensitive and secret information. Be careful.</div><h2><samp>${esc(ctx.hostname ?? '')}</samp></h2><div>Demo application version <i>${esc(ctx.version ?? '')}</i></div><div>Serving on ${addrs}</div></div><div class="nav-container"><div class="nav">${nav}</div><div class="content">${content}</div></div></div></div>`;
}

/** What bootstrap and kuard's styles.css give that page (they are the bundle's look, kept short). */
export const KUARD_STYLE = `
html, body, #root { width: 100%; height: 100%; margin: 0; color: #333; font-family: -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; font-size: 16px; line-height: 1.5; }
.top { height: 100%; width: 100%; display: flex; flex-direction: column; align-items: stretch; }
.title { text-align: center; padding: 1rem; background-color: #ccc; }
.title h2 { font-size: 2rem; font-weight: 500; margin: 0 0 .5rem; }
.alert { padding: .75rem 1.25rem; margin-bottom: 1rem; border: 1px solid transparent; border-radius: .25rem; }
.alert-danger { color: #721c24; background-color: #f8d7da; border-color: #f5c6cb; }
.nav-container { flex: 1; display: flex; flex-direction: row; align-items: stretch; }
.nav { display: flex; flex-direction: column; align-items: stretch; background-color: #ccc; }
.nav-item { border-top: 1px solid #888; padding: 1rem; color: inherit; text-decoration: none; }
.nav-item:last-child { border-bottom: 1px solid #888; }
a.nav-item.active { background-color: #333; color: #ccc; }
.content { flex: 1; overflow: auto; padding: 1rem; }
pre { font-size: 87.5%; white-space: pre-wrap; word-break: break-all; }
code { background-color: #c4d5f2; color: black; }
samp, code, pre { font-family: SFMono-Regular, Menlo, Monaco, Consolas, monospace; }
`;

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
