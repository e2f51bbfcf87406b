/** Where an element of the layout is on screen, kept up to date as it resizes (the browser's windows sit against it). */
import { useEffect, useState } from 'react';

export function useRectOf(selector: string): DOMRect | undefined {
  const [rect, setRect] = useState<DOMRect | undefined>(() => document.querySelector(selector)?.getBoundingClientRect());
  useEffect(() => {
    const el = document.querySelector(selector);
    if (!el) return;
    const update = () => setRect(el.getBoundingClientRect());
    update();
    const observer = new ResizeObserver(update);
    observer.observe(el);
    window.addEventListener('resize', update);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', update);
    };
  }, [selector]);
  return rect;
}
