/**
 * Watching the page load, for the long-task measurement (longtask.ts) and the load test
 * (load.spec.ts): long tasks from the first moment, when the cluster is ready, and when the app
 * is interactive. Nothing here runs Playwright's locators while the page loads: their injected
 * script would be counted as the app's own long tasks.
 */
import type { Page } from '@playwright/test';

/**
 * Installed before the page loads: records long tasks, when "Cluster ready" first shows, and when
 * the app is interactive (the cluster is ready and the terminal's input exists, so it takes keys).
 * Cheap checks only (two querySelector calls per DOM change): the observer runs inside the
 * page's own tasks, so whatever it costs would be counted as the app's.
 */
export function observeLoad(): void {
  const w = window as unknown as { __longTasks: [start: number, duration: number][]; __readyAt?: number; __interactiveAt?: number };
  w.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__longTasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
  const watch = new MutationObserver(() => {
    if (w.__readyAt === undefined && document.querySelector('.kp-conn-ok')) w.__readyAt = performance.now();
    if (w.__readyAt !== undefined && document.querySelector('textarea[aria-label="Terminal input"]')) {
      w.__interactiveAt = performance.now();
      watch.disconnect();
    }
  });
  document.addEventListener('DOMContentLoaded', () => watch.observe(document.body, { subtree: true, childList: true, attributes: true }));
}

/**
 * Waits until the page is interactive without Playwright's locators: they run in the page on
 * every frame (the injected script alone is a 50 ms task), which would be counted as the app's.
 * A bare CDP `Runtime.evaluate` of one property read costs nothing worth measuring.
 */
export async function untilInteractive(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  for (let i = 0; i < 240; i++) {
    const { result } = await cdp.send('Runtime.evaluate', { expression: 'window.__interactiveAt !== undefined', returnByValue: true });
    if (result.value === true) return void (await cdp.detach());
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the page did not become interactive within 60 s');
}

export interface LoadTimes {
  /** [start, duration] of every long task (over 50 ms) so far, in ms since navigation. */
  tasks: [number, number][];
  readyMs: number;
  interactiveMs: number;
}

export async function loadFigures(page: Page): Promise<LoadTimes> {
  return page.evaluate(() => {
    const w = window as unknown as { __longTasks: [number, number][]; __readyAt: number; __interactiveAt: number };
    return { tasks: w.__longTasks, readyMs: w.__readyAt, interactiveMs: w.__interactiveAt };
  });
}
