/** Shared steps of the e2e tests: what a learner does, phrased as they would do it. */
import { expect, type Locator, type Page } from '@playwright/test';

export const SCREENSHOTS = 'e2e/screenshots';

export async function openApp(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('status').filter({ hasText: 'Cluster ready' })).toBeVisible();
}

export async function setSpeed(page: Page, speed: 1 | 2 | 5 | 10 | 30 | 60): Promise<void> {
  await page.getByLabel('Speed').selectOption(String(speed));
}

export function terminalLog(page: Page): Locator {
  return page.getByRole('log', { name: 'Terminal output' });
}

/** The terminal's last non-empty line, as shown (e.g. `$ kubectl get pods`). */
export async function promptLine(page: Page): Promise<string> {
  const rows = await page.locator('.xterm-rows > div').allTextContents();
  return rows.map((r) => r.replace(/\u00a0/g, ' ').trimEnd()).filter((r) => r !== '').pop() ?? '';
}

/** Whether the terminal shows an empty prompt on its last line (no command running). */
async function atPrompt(page: Page): Promise<boolean> {
  const rows = await page.locator('.xterm-rows > div').allTextContents();
  const last = rows.map((r) => r.replace(/\u00a0/g, ' ').trimEnd()).filter((r) => r !== '').pop();
  return last === '$';
}

/** Types a command into the terminal, presses Enter, waits for the next prompt; returns the output. */
export async function runCommand(page: Page, line: string, timeout = 30_000): Promise<string> {
  const log = terminalLog(page);
  const before = ((await log.textContent()) ?? '').length;
  await page.getByLabel('Terminal input').focus();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
  const echoed = async () => ((await log.textContent()) ?? '').slice(before).includes(line);
  await expect.poll(async () => (await echoed()) && (await atPrompt(page)), { timeout }).toBe(true);
  // The mirror is written once per animation frame: give it one to catch up with the prompt.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const after = ((await log.textContent()) ?? '').slice(before);
  return after.slice(after.indexOf(line) + line.length).trim();
}

/** Pod buttons in the graph (their accessible name is `Pod <name>: <STATUS>`). */
export function pods(page: Page, status?: string): Locator {
  const all = page.getByRole('button', { name: /^Pod / });
  return status ? all.and(page.locator(`[data-status="${status}"]`)) : all;
}

/** How many pods the graph's caption counts ("1000 pods · …"), drawn or not. */
export async function podTotal(page: Page): Promise<number> {
  const text = (await page.locator('.kp-caption').textContent()) ?? '';
  return Number(/^(\d+) pods?/.exec(text)?.[1] ?? 0);
}

export async function podNames(page: Page, status?: string): Promise<string[]> {
  const labels = await pods(page, status).evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  return labels.map((l) => l.replace(/^Pod /, '').replace(/: .*$/, '')).sort();
}

/** Names of the node boxes each Running pod sits inside (by geometry on screen). */
export async function boxesOfPods(page: Page, status = 'Running'): Promise<string[]> {
  return page.evaluate((status) => {
    const boxes = [...document.querySelectorAll('[role="group"][aria-label]')].map((el) => ({ name: el.getAttribute('aria-label')!, r: el.getBoundingClientRect() }));
    return [...document.querySelectorAll(`button[data-status="${status}"]`)].map((pod) => {
      const p = pod.getBoundingClientRect();
      const cx = p.x + p.width / 2;
      const cy = p.y + p.height / 2;
      return boxes.find((b) => cx >= b.r.left && cx <= b.r.right && cy >= b.r.top && cy <= b.r.bottom)?.name ?? 'outside';
    });
  }, status);
}

/**
 * Replaces the active editor file's text, as a paste (what a learner does with a manifest):
 * typing would go through Monaco's auto-indent, and keyboard.type drops spaces in Monaco.
 */
export async function replaceEditorText(page: Page, text: string): Promise<void> {
  const editor = page.getByRole('region', { name: 'Manifest editor' });
  const monaco = editor.locator('.monaco-editor').first();
  await editor.hover(); // Monaco loads when the learner first reaches for the editor
  await monaco.waitFor({ timeout: 30_000 }).catch(() => undefined);
  if (await monaco.isVisible()) await monaco.locator('.view-lines').click();
  else await editor.getByRole('textbox').first().click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.evaluate((t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    document.activeElement?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/** Every React Flow node drawn in the graph (cards and boxes), by its id, with its box on screen. */
export async function graphNodeRects(page: Page): Promise<{ id: string; x: number; y: number; width: number; height: number }[]> {
  return page.locator('.react-flow__node').evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return { id: el.getAttribute('data-id') ?? '', x: r.x, y: r.y, width: r.width, height: r.height };
    }),
  );
}

/** Pairs of graph nodes whose boxes intersect (touching edges do not count). */
export async function overlappingNodes(page: Page): Promise<string[]> {
  const rects = await graphNodeRects(page);
  const out: string[] = [];
  const eps = 0.5;
  for (let i = 0; i < rects.length; i++)
    for (let j = i + 1; j < rects.length; j++) {
      const [a, b] = [rects[i], rects[j]];
      if (a.x + eps < b.x + b.width && b.x + eps < a.x + a.width && a.y + eps < b.y + b.height && b.y + eps < a.y + a.height) out.push(`${a.id} × ${b.id}`);
    }
  return out;
}

/** Opens the top bar's Add-ons menu (cloud-provider-kind's switch, the add-on installs), if closed. */
export async function openAddons(page: Page): Promise<void> {
  const menu = page.locator('details.kp-addons');
  if (!(await menu.evaluate((d) => (d as HTMLDetailsElement).open))) await menu.locator('summary').click();
}
