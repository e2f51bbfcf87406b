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

/**
 * Renders `placeholder` first and `children` in a later task. Lower `order` mounts first (ties:
 * in the order they were rendered). The mount is a transition: React may yield while rendering it.
 * `children` may be lazy (a chunk of their own): the placeholder stands in while it loads.
 */
export function Later({ children, order = 0, placeholder = <div className="kp-later" /> }: { children: ReactNode; order?: number; placeholder?: ReactNode }) {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const waiting: Waiting = { order, mount: () => startTransition(() => setReady(true)) };
    queue.push(waiting);
    schedule();
    return () => {
      const i = queue.indexOf(waiting);
      if (i >= 0) queue.splice(i, 1);
    };
    // `order` is read once: the place in the queue is taken when the panel first renders.
  }, []);
  return ready ? <Suspense fallback={placeholder}>{children}</Suspense> : placeholder;
}
