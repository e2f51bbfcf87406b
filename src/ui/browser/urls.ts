/** URLs as the in-app browser shows and follows them (no network: every load goes to the worker). */

/** `href` resolved against the page at `base`, or undefined when it leads nowhere a load can go (mailto:, javascript:, #frag). */
export function resolveHref(base: string, href: string): string | undefined {
  const h = href.trim();
  if (!h || h.startsWith('#')) return undefined;
  let u: URL;
  try {
    u = new URL(h, base);
  } catch {
    return undefined;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
  u.hash = '';
  return u.href;
}

/** What was typed in the address bar, as a URL: `http://` when it names no scheme. */
export function typedUrl(typed: string): string {
  const t = typed.trim();
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(t) ? t : `http://${t}`;
}

/** What the address bar shows: the URL as loaded, without a lone trailing slash after the host. */
export function displayUrl(url: string): string {
  return url.replace(/^(https?:\/\/[^/?#]+)\/$/, '$1');
}

/** The host part of `url` (the name error pages print). */
export function hostOfUrl(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}

/** The `localhost` port `url` loads from (a port-forward), if it does. */
export function localPortOf(url: string): number | undefined {
  try {
    const u = new URL(url);
    if (u.hostname !== 'localhost' && u.hostname !== '127.0.0.1') return undefined;
    return Number(u.port || (u.protocol === 'https:' ? 443 : 80));
  } catch {
    return undefined;
  }
}

/** The media type of a response (`text/html; charset=utf-8` → `text/html`). */
export function mediaType(headers: ReadonlyArray<readonly [string, string]>): string {
  const v = headers.find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? '';
  return v.split(';')[0].trim().toLowerCase();
}
