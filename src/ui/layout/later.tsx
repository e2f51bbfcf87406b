/**
 * Heavy panels mount after the first paint, one at a time: each in its own idle moment (an
 * animation frame, then an idle callback), so no single task builds the whole page. Until then a
 * plain box of the same size holds the panel's place, and the layout does not jump.
 */
import { startTransition, Suspense, useEffect, useState, type ReactNode } from 'react';

interface Waiting {
  order: number;
  mount: () => void;
}

const queue: Waiting[] = [];
let scheduled = false;

/** After the next paint, once the main thread is idle (or 100 ms at most, on a busy machine). */
function afterPaint(run: () => void): void {
  requestAnimationFrame(() => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 100 });
    else setTimeout(run, 0);
  });
}

function mountNext(): void {
  scheduled = false;
  let next = 0;
  for (let i = 1; i < queue.length; i++) if (queue[i].order < queue[next].order) next = i;
  const [waiting] = queue.splice(next, 1);
  waiting?.mount();
  schedule();
}

function schedule(): void {
  if (scheduled || queue.length === 0) return;
  scheduled = true;
  afterPaint(mountNext);
}

interface LaterProps {
  children: ReactNode;
  /** Lower mounts first (ties: in the order they joined the queue). */
  order?: number;
  /** Waits for this too (e.g. the cluster's first snapshot) before taking a place in the queue. */
  when?: boolean;
}

/**
 * Renders a placeholder first and `children` in a later task. The mount is a transition: React
 * may yield while rendering it. `children` may be lazy (a chunk of their own): the placeholder
 * stays while it loads.
 */
export function Later({ children, order = 0, when = true }: LaterProps) {
  const [ready, setReady] = useState(false);
  const waiting = !ready && when;
  useEffect(() => {
    if (!waiting) return;
    const entry: Waiting = { order, mount: () => startTransition(() => setReady(true)) };
    queue.push(entry);
    schedule();
    return () => {
      const i = queue.indexOf(entry);
      if (i >= 0) queue.splice(i, 1);
    };
  }, [waiting]);
  const placeholder = <div className="kp-later" />;
  return ready ? <Suspense fallback={placeholder}>{children}</Suspense> : placeholder;
}
