/**
 * Where the in-app browser lives in the app: while `kubectl port-forward` holds ports and the
 * browser is closed, an offer to open each one floats above the terminal's corner; the panel's
 * code (DOMPurify) loads when it first opens.
 */
import { lazy, Suspense } from 'react';
import type { BrowsePage } from '../../worker/protocol';
import { useRectOf } from './anchor';
import { ForwardButtons } from './HostButtons';
import { useBrowser } from './state';

/** The layout's phone breakpoint (app.css). */
const PHONE_MAX_WIDTH = 700;

const BrowserPanel = lazy(() => import('./BrowserPanel').then((m) => ({ default: m.BrowserPanel })));

export function BrowserWindow({ browse }: { browse: (url: string) => Promise<BrowsePage> }) {
  const open = useBrowser((s) => s.open);
  const offers = useBrowser((s) => s.host.forwards.length > 0);
  const terminal = useRectOf('#kp-panel-terminal');
  if (!open) {
    // Just above the terminal (on a phone, whose panels are tabs: the bottom corner).
    const bottom = terminal && terminal.height > 0 && window.innerWidth > PHONE_MAX_WIDTH ? Math.max(16, window.innerHeight - terminal.top + 10) : 16;
    return offers ? (
      <div className="kp-forward-offers" role="region" aria-label="Forwarded ports" style={{ bottom }}>
        <ForwardButtons />
      </div>
    ) : null;
  }
  return (
    <Suspense fallback={null}>
      <BrowserPanel browse={browse} />
    </Suspense>
  );
}
