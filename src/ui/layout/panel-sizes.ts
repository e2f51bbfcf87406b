/**
 * The learner's panel sizes (pixels) and whether the lessons panel is collapsed: a UI
 * preference, kept in localStorage (the cluster's own state lives elsewhere). Defaults scale
 * with the window so a 1024 px screen and a 1440 px one both start out readable.
 */
import { useCallback, useEffect, useState } from 'react';

export interface PanelSizes {
  lessons: number;
  editor: number;
  inspector: number;
  terminal: number;
  lessonsCollapsed: boolean;
}

const KEY = 'kubeplay.layout';

const between = (lo: number, v: number, hi: number) => Math.round(Math.min(hi, Math.max(lo, v)));

export function defaultSizes(width: number, height: number): PanelSizes {
  return {
    lessons: between(240, width * 0.21, 320),
    editor: between(320, width * 0.32, 560),
    inspector: between(320, width * 0.28, 480),
    terminal: between(200, height * 0.36, 380),
    lessonsCollapsed: false,
  };
}

/** Each size's range for the current window (the graph keeps at least a third of the width). */
export function sizeLimits(width: number, height: number): Record<Exclude<keyof PanelSizes, 'lessonsCollapsed'>, [number, number]> {
  return {
    lessons: [200, Math.max(200, width * 0.35)],
    editor: [260, Math.max(260, width * 0.55)],
    inspector: [260, Math.max(260, width * 0.45)],
    terminal: [120, Math.max(120, height * 0.7)],
  };
}

function load(): Partial<PanelSizes> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? '{}');
    return parsed && typeof parsed === 'object' ? (parsed as Partial<PanelSizes>) : {};
  } catch {
    return {};
  }
}

export function usePanelSizes(): [PanelSizes, (change: Partial<PanelSizes>) => void] {
  const [sizes, setSizes] = useState<PanelSizes>(() => ({ ...defaultSizes(window.innerWidth, window.innerHeight), ...load() }));
  useEffect(() => {
    const t = setTimeout(() => {
      try {
        localStorage.setItem(KEY, JSON.stringify(sizes));
      } catch {
        // not remembered; the layout still works
      }
    }, 150);
    return () => clearTimeout(t);
  }, [sizes]);
  const update = useCallback((change: Partial<PanelSizes>) => setSizes((s) => ({ ...s, ...change })), []);
  return [sizes, update];
}

/** The window's size, kept current (the splitters' limits follow it). */
export function useWindowSize(): { width: number; height: number } {
  const [size, setSize] = useState(() => ({ width: window.innerWidth, height: window.innerHeight }));
  useEffect(() => {
    const onResize = () => setSize({ width: window.innerWidth, height: window.innerHeight });
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return size;
}
