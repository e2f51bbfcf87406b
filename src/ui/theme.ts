/**
 * Light or dark: the system's choice (prefers-color-scheme) until the learner toggles, then
 * theirs, remembered in localStorage. The resolved theme is `data-theme` on <html> (the CSS
 * variables in app.css follow it); Monaco, xterm and React Flow subscribe here.
 */
import { useSyncExternalStore } from 'react';

export type Theme = 'light' | 'dark';

/** Also read by the inline script in index.html, which sets the theme before the first paint. */
export const THEME_KEY = 'kubeplay.theme';

const listeners = new Set<() => void>();
const systemDark = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;

function stored(): Theme | null {
  try {
    const value = localStorage.getItem(THEME_KEY);
    return value === 'light' || value === 'dark' ? value : null;
  } catch {
    return null; // storage blocked: follow the system
  }
}

let current: Theme = stored() ?? (systemDark?.matches ? 'dark' : 'light');

function apply(theme: Theme): void {
  current = theme;
  if (typeof document !== 'undefined') {
    document.documentElement.dataset.theme = theme;
    document.documentElement.style.colorScheme = theme;
  }
  for (const listener of listeners) listener();
}

apply(current);
systemDark?.addEventListener('change', (e) => {
  if (stored() === null) apply(e.matches ? 'dark' : 'light');
});

export function getTheme(): Theme {
  return current;
}

export function setTheme(theme: Theme): void {
  try {
    localStorage.setItem(THEME_KEY, theme);
  } catch {
    // not remembered, still switched
  }
  apply(theme);
}

export function subscribeTheme(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useTheme(): Theme {
  return useSyncExternalStore(subscribeTheme, getTheme, getTheme);
}
