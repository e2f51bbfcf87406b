/** Where the in-app browser lives in the app: nothing until it opens; its code (DOMPurify) loads then. */
import { lazy, Suspense } from 'react';
import type { BrowsePage } from '../../worker/protocol';
import { useBrowser } from './state';

const BrowserPanel = lazy(() => import('./BrowserPanel').then((m) => ({ default: m.BrowserPanel })));

export function BrowserWindow({ browse }: { browse: (url: string) => Promise<BrowsePage> }) {
  const open = useBrowser((s) => s.open);
  if (!open) return null;
  return (
    <Suspense fallback={null}>
      <BrowserPanel browse={browse} />
    </Suspense>
  );
}
