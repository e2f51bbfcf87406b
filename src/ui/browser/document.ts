/**
 * A loaded page made safe to show (browser only: it needs a DOM): the HTML parsed, kuard's
 * bundle drawn (./kuard.ts), stylesheets and images loaded through the worker like the page
 * (or the image shown as its text), links marked for the panel to follow, everything through
 * DOMPurify, under a Content-Security-Policy that lets nothing reach the real network. The
 * panel shows the result in a sandboxed iframe (no scripts, no forms, no navigation of its own).
 */
import DOMPurify from 'dompurify';
import type { BrowsePage } from '../../worker/protocol';
import { errorPage, type ErrorPage } from './error-page';
import { KUARD_STYLE, kuardBody, kuardContext } from './kuard';
import { hostOfUrl, mediaType, resolveHref } from './urls';

export type Fetch = (url: string) => Promise<BrowsePage>;

export interface ShownPage {
  /** The iframe's `srcdoc`. */
  html: string;
  /** What the panel's tab says. */
  title: string;
}

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";
/** Subresources loaded per page at most (each is a request through the cluster, and a journal entry). */
const MAX_SUBRESOURCES = 12;

export async function showPage(page: BrowsePage, fetch: Fetch): Promise<ShownPage> {
  if ('error' in page) return { html: errorDocument(errorPage(page.error, page.url)), title: hostOfUrl(page.url) };
  const type = mediaType(page.headers);
  if (type !== 'text/html' && type !== 'application/xhtml+xml') {
    // As browsers show text: preformatted, wrapped.
    return { html: documentOf('', '', `<pre style="word-wrap: break-word; white-space: pre-wrap;">${escapeHtml(page.body)}</pre>`), title: page.url };
  }
  const doc = new DOMParser().parseFromString(page.body, 'text/html');
  const styles: string[] = [];
  const kuard = kuardContext(page.body);
  if (kuard) {
    styles.push(KUARD_STYLE);
    doc.body.innerHTML = kuardBody(kuard, new URL(page.url).pathname);
  }
  let budget = MAX_SUBRESOURCES;
  const load = async (href: string | null): Promise<BrowsePage | undefined> => {
    const url = href ? resolveHref(page.url, href) : undefined;
    if (!url || budget <= 0) return undefined;
    budget--;
    return fetch(url);
  };
  for (const el of [...doc.querySelectorAll('link[rel~="stylesheet" i], style')]) {
    if (el.tagName === 'STYLE') styles.push(el.textContent ?? '');
    else {
      const r = await load(el.getAttribute('href'));
      if (r && !('error' in r) && r.status === 200 && mediaType(r.headers) === 'text/css') styles.push(r.body);
    }
    el.remove();
  }
  for (const img of [...doc.querySelectorAll('img')]) {
    const r = await load(img.getAttribute('src'));
    img.removeAttribute('srcset');
    if (r && !('error' in r) && r.status === 200 && mediaType(r.headers) === 'image/svg+xml') img.setAttribute('src', `data:image/svg+xml,${encodeURIComponent(r.body)}`);
    else {
      const text = doc.createElement('span');
      text.className = 'kp-img-alt';
      text.textContent = `[${img.getAttribute('alt') || img.getAttribute('src') || 'image'}]`;
      img.replaceWith(text);
    }
  }
  for (const a of doc.querySelectorAll('a[href]')) {
    const to = resolveHref(page.url, a.getAttribute('href') ?? '');
    a.removeAttribute('target');
    if (!to) continue;
    a.setAttribute('data-kp-href', to);
    a.setAttribute('title', to);
    a.setAttribute('href', '#');
  }
  const title = doc.title.trim() || page.url;
  const body = DOMPurify.sanitize(doc.body.innerHTML, { FORBID_TAGS: ['style', 'link', 'meta', 'base', 'form', 'iframe', 'frame', 'object', 'embed'], FORBID_ATTR: ['srcset', 'action', 'formaction', 'ping'] });
  const lang = doc.documentElement.getAttribute('lang');
  return { html: documentOf(escapeHtml(title), styles.join('\n').replace(/<\/style/gi, '<\\/style') + '\n.kp-img-alt { color: #777; font-style: italic; }', body, lang), title };
}

function documentOf(title: string, style: string, body: string, lang?: string | null): string {
  return `<!doctype html><html${lang && /^[a-zA-Z-]+$/.test(lang) ? ` lang="${lang}"` : ''}><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${CSP}"><title>${title}</title><style>${style}</style></head><body>${body}</body></html>`;
}

/** Chromium's error page, short: an icon, the title, what happened, what to try, the code, Reload. */
function errorDocument(e: ErrorPage): string {
  const what = e.host ? `<strong>${escapeHtml(e.host)}</strong>${e.message.startsWith('’') ? '' : ' '}${escapeHtml(e.message)}` : escapeHtml(e.message);
  const tips = e.tips.length ? `<p>Try:</p><ul>${e.tips.map((t) => `<li>${escapeHtml(t)}</li>`).join('')}</ul>` : '';
  const icon = '<svg class="icon" viewBox="0 0 24 24" width="72" height="72" aria-hidden="true"><path fill="#757575" d="M14 2H6c-1.1 0-2 .9-2 2v16c0 1.1.9 2 2 2h12c1.1 0 2-.9 2-2V8l-6-6zm4 18H6V4h7v5h5v11zM9 13.5a1 1 0 1 1 0-2 1 1 0 0 1 0 2zm6 0a1 1 0 1 1 0-2 1 1 0 0 1 0 2zM8 17.5c.8-1.3 2.3-2 4-2s3.2.7 4 2h-8z"/></svg>';
  const style = `body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #5f6368; font-size: 15px; line-height: 1.55; margin: 0; padding: 40px 8% 2em; max-width: 600px; }
h1 { color: #202124; font-size: 1.6em; font-weight: normal; margin: 20px 0 16px; }
strong { color: #202124; } ul { padding-left: 1.4em; margin-top: 4px; } .code { font-size: .86em; text-transform: uppercase; margin-top: 12px; }
button { margin-top: 28px; background: #1a73e8; color: #fff; border: 0; border-radius: 4px; padding: 8px 16px; font-size: 14px; cursor: pointer; }`;
  return documentOf(escapeHtml(e.host ?? e.code), style, `<div class="kp-neterror" data-code="${e.code}">${icon}<h1>${escapeHtml(e.title)}</h1><p>${what}</p>${tips}<div class="code">${e.code}</div><button type="button" data-kp-action="reload">Reload</button></div>`, 'en');
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
