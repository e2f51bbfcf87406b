/**
 * Dark mode (issue 5, item 8): it follows the system's preference, the top bar's toggle
 * switches it and is remembered, and it covers the whole page: panels, Monaco, xterm, the graph.
 */
import { expect, test, type Page } from '@playwright/test';
import { openApp } from './helpers';

type Shade = 'dark' | 'light';

/** Whether the element's background colour is dark or light (mean of its RGB channels). */
async function shade(page: Page, selector: string): Promise<Shade> {
  const colour = await page.locator(selector).first().evaluate((el) => getComputedStyle(el).backgroundColor);
  const [r, g, b] = (colour.match(/\d+(\.\d+)?/g) ?? []).map(Number);
  expect(colour, `${selector} has a background`).not.toBe('rgba(0, 0, 0, 0)');
  return (r + g + b) / 3 < 110 ? 'dark' : 'light';
}

/** The shades of the page, the lessons panel, Monaco, xterm and the graph. */
async function shades(page: Page): Promise<Record<string, Shade>> {
  return {
    page: await shade(page, 'body'),
    lessons: await shade(page, '.kp-left'),
    monaco: await shade(page, '.monaco-editor .monaco-editor-background'),
    xterm: await shade(page, '.kp-terminal .xterm-scrollable-element'),
    graph: await shade(page, '.react-flow__controls-button'),
  };
}

function all(s: Shade): Record<string, Shade> {
  return { page: s, lessons: s, monaco: s, xterm: s, graph: s };
}

async function loadMonaco(page: Page): Promise<void> {
  await page.getByRole('region', { name: 'Manifest editor' }).hover();
  await page.locator('.monaco-editor').first().waitFor({ timeout: 60_000 });
}

test.describe('with a dark system theme', () => {
  test.use({ colorScheme: 'dark' });

  test('the whole page is dark; the toggle switches to light and is remembered', async ({ page }) => {
    await openApp(page);
    await loadMonaco(page);
    const toggle = page.getByRole('button', { name: 'Dark mode' });
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    expect(await shades(page)).toEqual(all('dark'));

    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await expect.poll(() => shades(page)).toEqual(all('light'));

    // Remembered over the system's preference.
    await page.reload();
    await openApp(page);
    await loadMonaco(page);
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    expect(await shades(page)).toEqual(all('light'));
  });
});

test.describe('with a light system theme', () => {
  test.use({ colorScheme: 'light' });

  test('the page is light until the toggle makes it dark', async ({ page }) => {
    await openApp(page);
    await loadMonaco(page);
    const toggle = page.getByRole('button', { name: 'Dark mode' });
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    expect(await shades(page)).toEqual(all('light'));
    await toggle.click();
    await expect.poll(() => shades(page)).toEqual(all('dark'));
  });

  test('without a choice made, the page follows the system when it changes', async ({ page }) => {
    await openApp(page);
    expect(await shade(page, 'body')).toBe('light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => shade(page, 'body')).toBe('dark');
    await expect.poll(() => shade(page, '.kp-terminal .xterm-scrollable-element')).toBe('dark');
  });
});
