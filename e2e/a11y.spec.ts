/**
 * Keyboard and clipboard (issue 5, item 7): pasting into the terminal (Ctrl+V, Ctrl+Shift+V,
 * right-click), leaving the YAML editor with Esc then Tab (or Ctrl+M), every control reachable
 * with Tab, and axe audits of the main screen, an open lesson and the inspector.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openApp, pods, promptLine, runCommand, setSpeed, terminalLog } from './helpers';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

async function copy(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
}

/** Serious and critical violations, one line each (rule, what it says, where). */
async function auditProblems(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 4).join(', ')}`);
}

test('Ctrl+V, Ctrl+Shift+V and a right click paste into the terminal', async ({ page }) => {
  await openApp(page);
  const input = page.getByLabel('Terminal input');
  await input.focus();

  await copy(page, 'kubectl get nodes');
  await page.keyboard.press('Control+V');
  await expect.poll(() => promptLine(page)).toBe('$ kubectl get nodes');
  await page.keyboard.press('Enter');
  await expect(terminalLog(page)).toContainText('kind-worker3');

  await copy(page, 'kubectl get namespaces');
  await page.keyboard.press('Control+Shift+V');
  await expect.poll(() => promptLine(page)).toBe('$ kubectl get namespaces');
  await page.keyboard.press('Control+U'); // clear the line

  await copy(page, 'kubectl version --client');
  await page.locator('.kp-terminal__screen').click({ button: 'right' });
  await expect.poll(() => promptLine(page)).toBe('$ kubectl version --client');
  await page.keyboard.press('Enter');
  await expect(terminalLog(page)).toContainText('Client Version: v1.32');
});

test('Esc then Tab (or Ctrl+M) leaves the YAML editor, and the shortcut is listed', async ({ page }) => {
  await openApp(page);
  const editor = page.getByRole('region', { name: 'Manifest editor' });
  await expect(editor).toContainText('Esc then Tab (or Ctrl+M) moves focus out');
  await editor.hover();
  const monaco = editor.locator('.monaco-editor').first();
  await monaco.waitFor({ timeout: 30_000 });
  await monaco.locator('.view-lines').click();
  const inMonaco = () => page.evaluate(() => document.activeElement?.closest('.monaco-editor') !== null);
  expect(await inMonaco()).toBe(true);

  // Tab alone indents: focus stays.
  await page.keyboard.press('Tab');
  expect(await inMonaco()).toBe(true);
  // Escape, then Tab: focus moves on.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  expect(await inMonaco()).toBe(false);

  // Monaco's own Ctrl+M: Tab moves focus until it is pressed again.
  await monaco.locator('.view-lines').click();
  await page.keyboard.press('Control+M');
  await page.keyboard.press('Tab');
  expect(await inMonaco()).toBe(false);
  await monaco.locator('.view-lines').click();
  await page.keyboard.press('Control+M');
});

test('every control can be reached with the keyboard', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openApp(page);
  await setSpeed(page, 60);
  await runCommand(page, 'kubectl create deployment web --image=nginx:1.27 --replicas=2');
  await expect(pods(page, 'Running')).toHaveCount(2, { timeout: 30_000 });
  await page.locator('body').click({ position: { x: 2, y: 2 } }); // start from the top
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

  const reached = new Set<string>();
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const name = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return '';
      const label = el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 40) ?? '';
      const where = el.closest('.monaco-editor') ? 'monaco ' : '';
      return `${where}${el.getAttribute('role') ?? el.tagName.toLowerCase()}:${label}`;
    });
    reached.add(name);
    // The terminal keeps Tab for completion and Monaco for indentation: Escape then Tab moves on,
    // as their descriptions say.
    if (name.startsWith('textarea:Terminal input') || name.startsWith('monaco ')) await page.keyboard.press('Escape');
  }
  const all = [...reached].join('\n');
  for (const expected of [
    /^button:Pause$/,
    /^button:Step$/,
    /^select:Speed$/,
    /^button:Reset cluster$/,
    /^button:Dark mode$/,
    /^button:.*Lessons$/,
    /^button:Start lesson/,
    /^separator:Resize the lessons panel$/,
    /^button:Deployment web/,
    /^button:Pod web-/,
    /^separator:Resize the editor$/,
    /^tab:scratch\.yaml/,
    /^button:Apply$/,
    /^separator:Resize the terminal$/,
    /^textarea:Terminal input/,
  ]) {
    expect(all, `reached ${expected}`).toMatch(new RegExp(expected.source, 'm'));
  }
});

test('axe: the main screen, an open lesson and the inspector have no serious or critical violations', async ({ page }) => {
  test.setTimeout(300_000); // each audit of a page with Monaco and xterm takes a while
  await page.setViewportSize({ width: 1440, height: 900 });
  await openApp(page);
  expect(await auditProblems(page), 'main screen').toEqual([]);

  await page.getByRole('button', { name: 'Start lesson' }).first().click();
  await page.getByRole('button', { name: /^Step 3:/ }).click();
  await page.getByRole('button', { name: 'Open in editor: deployment.yaml' }).click();
  await page.getByRole('region', { name: 'Manifest editor' }).hover();
  await page.locator('.monaco-editor').first().waitFor({ timeout: 60_000 });
  expect(await auditProblems(page), 'a lesson').toEqual([]);

  await setSpeed(page, 60);
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(pods(page, 'Running')).toHaveCount(3, { timeout: 30_000 });
  await pods(page).first().click();
  await expect(page.getByRole('complementary', { name: 'Inspector' })).toBeVisible();
  expect(await auditProblems(page), 'the inspector (YAML)').toEqual([]);
  await page.getByRole('tab', { name: 'Events' }).click();
  await expect(page.getByRole('table', { name: 'Events' })).toBeVisible();
  expect(await auditProblems(page), 'the inspector (Events)').toEqual([]);

  // And the same in the dark.
  await page.getByRole('button', { name: 'Dark mode' }).click();
  expect(await auditProblems(page), 'dark theme').toEqual([]);
});
