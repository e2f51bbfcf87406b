/**
 * The in-app browser: a window over the cluster view with Back, Reload, an address bar and
 * Close, showing the page the learner's machine loaded (the worker's `browse`: a port-forward's
 * `localhost:8080`, a NodePort, a LoadBalancer or Ingress address). Links and the error page's
 * Reload are followed here; the page itself runs nothing (./document.ts). When the forward it
 * shows ends (Ctrl+C on `kubectl port-forward`), it reloads, as the learner would, and shows
 * the refused connection.
 */
import { useEffect, useRef, useState, type CSSProperties, type FormEvent } from 'react';
import type { BrowsePage } from '../../worker/protocol';
import { showPage, type ShownPage } from './document';
import { useRectOf } from './anchor';
import { useBrowser } from './state';
import { displayUrl, localPortOf, typedUrl } from './urls';
import './browser.css';

export function BrowserPanel({ browse }: { browse: (url: string) => Promise<BrowsePage> }) {
  const request = useBrowser((s) => s.request);
  const canGoBack = useBrowser((s) => s.back.length > 0);
  const forwards = useBrowser((s) => s.host.forwards);
  const [shown, setShown] = useState<(ShownPage & { url: string }) | null>(null);
  const [loading, setLoading] = useState(false);
  const [address, setAddress] = useState('');
  const frame = useRef<HTMLIFrameElement>(null);
  const panel = useRef<HTMLElement>(null);
  // Opened from a button that goes away as it opens: the window takes the focus.
  useEffect(() => panel.current?.focus(), []);
  // Below the top bar, however many rows it takes (a phone: the whole screen, from CSS).
  const topbar = useRectOf('.kp-topbar');
  const top = topbar ? topbar.bottom + 8 : 64;
  // Clear of the terminal when there is room (Ctrl+C there ends the forward the page came through).
  const terminal = useRectOf('#kp-panel-terminal');
  const aboveTerminal = terminal && terminal.height > 0 ? terminal.top - top - 8 : 0;
  const height = Math.min(640, aboveTerminal >= 360 ? aboveTerminal : window.innerHeight - top - 16);

  useEffect(() => {
    if (!request) return;
    let live = true;
    setLoading(true);
    setAddress(displayUrl(request.url));
    void (async () => {
      try {
        const page = await browse(request.url);
        const result = await showPage(page, browse);
        if (live) setShown({ ...result, url: page.url });
      } catch (e) {
        if (live) setShown({ url: request.url, title: 'Error', html: `<pre>${String(e instanceof Error ? e.message : e).replace(/</g, '&lt;')}</pre>` });
      } finally {
        if (live) setLoading(false);
      }
    })();
    return () => {
      live = false;
    };
  }, [request, browse]);

  // The forward this page came through ended: load again (the browser's refused page).
  const port = shown ? localPortOf(shown.url) : undefined;
  const forwarded = port !== undefined && forwards.some((f) => f.localPort === port);
  const wasForwarded = useRef(false);
  useEffect(() => {
    if (wasForwarded.current && !forwarded) useBrowser.getState().reload();
    wasForwarded.current = forwarded;
  }, [forwarded]);

  // Clicks inside the page: links and Reload go through the panel, never to the network.
  const onFrameLoad = () => {
    const doc = frame.current?.contentDocument;
    doc?.addEventListener('click', (e) => {
      const el = (e.target as Element | null)?.closest?.('[data-kp-href], [data-kp-action]');
      if (!el) return;
      e.preventDefault();
      const href = el.getAttribute('data-kp-href');
      if (href) useBrowser.getState().go(href, true);
      else useBrowser.getState().reload();
    });
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (address.trim()) useBrowser.getState().go(typedUrl(address), true);
  };

  return (
    <section
      ref={panel}
      tabIndex={-1}
      onKeyDown={(e) => {
        if (e.key === 'Escape') useBrowser.getState().close();
      }}
      className="kp-browser"
      role="dialog"
      aria-label="Browser" data-loading={loading || undefined} style={{ '--kp-browser-top': `${top}px`, '--kp-browser-h': `${height}px` } as CSSProperties}>
      <div className="kp-browser-tabbar">
        <span className="kp-browser-tab" title={shown?.title}>
          {loading ? <span className="kp-browser-spinner" aria-hidden="true" /> : null}
          <span className="kp-browser-tab-title">{shown?.title ?? 'New Tab'}</span>
        </span>
        <button type="button" className="kp-browser-btn" aria-label="Close the browser" title="Close" onClick={() => useBrowser.getState().close()}>
          <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true"><path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.8" fill="none" /></svg>
        </button>
      </div>
      <form className="kp-browser-bar" onSubmit={submit}>
        <button type="button" className="kp-browser-btn" aria-label="Back" title="Back" disabled={!canGoBack} onClick={() => useBrowser.getState().goBack()}>
          <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true"><path d="M13 8H4M7.5 4 3.5 8l4 4" stroke="currentColor" strokeWidth="1.8" fill="none" /></svg>
        </button>
        <button type="button" className="kp-browser-btn" aria-label="Reload" title="Reload" onClick={() => useBrowser.getState().reload()}>
          <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true"><path d="M13 8a5 5 0 1 1-1.5-3.6M13 2.5v3h-3" stroke="currentColor" strokeWidth="1.8" fill="none" /></svg>
        </button>
        <input
          className="kp-browser-address"
          aria-label="Address"
          spellCheck={false}
          autoComplete="off"
          value={address}
          onChange={(e) => setAddress(e.target.value)}
          onFocus={(e) => e.target.select()}
        />
      </form>
      <iframe
        ref={frame}
        className="kp-browser-page"
        title={shown ? `Page: ${shown.title}` : 'Page'}
        // Same origin only so the panel can follow its links; no scripts, forms or navigation.
        sandbox="allow-same-origin"
        srcDoc={shown?.html ?? ''}
        onLoad={onFrameLoad}
      />
    </section>
  );
}
