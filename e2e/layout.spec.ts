/**
 * Room to read (issue 5, item 3, and the header of item 9): a terminal wide enough for
 * `kubectl get pods -o wide`, resizable panels and a collapsible lessons panel that are
 * remembered, nothing spilling sideways at 1440, 1024 or a phone's width (where the panels
 * become tabs), and the inspector beside the graph with its Events in full.
 */
import { expect, test, type Page } from '@playwright/test';
import { openApp, pods, runCommand, setSpeed } from './helpers';

const SIZES = [
  { width: 1440, height: 900 },
  { width: 1024, height: 768 },
  { width: 390, height: 844 },
] as const;

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth);
}

/** The panel's box, or null when it is not shown. */
async function box(page: Page, selector: string) {
  const el = page.locator(selector).first();
  return (await el.isVisible()) ? el.boundingBox() : null;
}

test('at 1440×900 the terminal is 100+ columns wide: a `get pods -o wide` row fits on one line', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openApp(page);
  await setSpeed(page, 60);
  await runCommand(page, 'kubectl run nginx --image=nginx:1.27');
  await expect(pods(page, 'Running')).toHaveCount(1, { timeout: 30_000 });
  const output = await runCommand(page, 'kubectl get pods -o wide');
  const [header, row] = output.split('\n');
  expect(header).toMatch(/^NAME +READY +STATUS +RESTARTS +AGE +IP +NODE +NOMINATED NODE +READINESS GATES$/);

  const cols = Number(await page.locator('.kp-terminal__screen').getAttribute('data-cols'));
  expect(cols).toBeGreaterThanOrEqual(100);
  // Both lines are drawn on one terminal row each (not wrapped onto the next).
  const rows = (await page.locator('.xterm-rows > div').allTextContents()).map((r) => r.replace(/\u00a0/g, ' ').trimEnd());
  expect(rows).toContain(header);
  expect(rows).toContain(row);
});

for (const size of SIZES) {
  test(`at ${size.width}×${size.height} the lesson index keeps each lesson's progress on one line`, async ({ page }) => {
    await page.setViewportSize(size);
    await openApp(page);
    const meta = page.locator('.kp-lessons__meta').first();
    await expect(meta).toHaveText(/^0 of \d+ steps done$/);
    const lineHeight = await meta.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
    expect((await meta.boundingBox())!.height).toBeLessThan(lineHeight * 1.5);
  });

  test(`at ${size.width}×${size.height} nothing overflows sideways and every panel can be reached`, async ({ page }) => {
    await page.setViewportSize(size);
    await openApp(page);
    // Many editor tabs: every file of lesson 1 open.
    await page.getByRole('button', { name: 'Start lesson' }).first().click();
    const phone = size.width <= 700;
    const tabs = page.getByRole('navigation', { name: 'Panels' });
    for (let step = 1; step <= 6; step++) {
      if (phone) await tabs.getByRole('button', { name: 'Lesson' }).click();
      await page.getByRole('button', { name: new RegExp(`^Step ${step}:`) }).click();
      // The step changes after the worker answers: gather its buttons only once it shows.
      await expect(page.getByText(`Step ${step} of 6`, { exact: true })).toBeVisible();
      const open = page.getByRole('button', { name: /^Open in editor: / });
      for (const button of await open.all()) {
        if (phone) await tabs.getByRole('button', { name: 'Lesson' }).click();
        await button.click();
      }
    }
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

    const panels = {
      Lesson: '.kp-left',
      Cluster: '.kp-graph',
      Editor: '.kp-editor',
      Terminal: '.kp-terminal',
    } as const;
    if (!phone) {
      await expect(tabs).toBeHidden();
      const boxes = await Promise.all(Object.values(panels).map((s) => box(page, s)));
      for (const [i, b] of boxes.entries()) {
        expect(b, `${Object.keys(panels)[i]} shown`).not.toBeNull();
        expect(b!.x + b!.width).toBeLessThanOrEqual(size.width + 0.5);
        expect(b!.y + b!.height).toBeLessThanOrEqual(size.height + 0.5);
        expect(Math.min(b!.width, b!.height), `${Object.keys(panels)[i]} big enough to use`).toBeGreaterThan(150);
      }
      // The editor's Apply button stays on screen however many tabs are open.
      const apply = await page.getByRole('button', { name: 'Apply', exact: true }).boundingBox();
      expect(apply!.x + apply!.width).toBeLessThanOrEqual(size.width);
      return;
    }
    // A phone: one panel at a time, picked from the tab bar.
    for (const [name, selector] of Object.entries(panels)) {
      await tabs.getByRole('button', { name }).click();
      await expect(tabs.getByRole('button', { name })).toHaveAttribute('aria-pressed', 'true');
      await expect(page.locator(selector).first()).toBeVisible();
      for (const [other, otherSelector] of Object.entries(panels)) {
        if (other !== name) await expect(page.locator(otherSelector).first(), `${other} hidden behind ${name}`).toBeHidden();
      }
      // The graph's own nodes too (React Flow marks them visible inline): no cards drawn over a lesson.
      const cards = page.locator('.kp-graph .react-flow__node');
      if (name === 'Cluster') await expect(cards.first()).toBeVisible();
      else await expect(cards.filter({ visible: true })).toHaveCount(0);
      const b = await page.locator(selector).first().boundingBox();
      expect(b!.width).toBeGreaterThan(size.width - 20);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    }
    // A lesson's "Run" brings the terminal forward.
    await tabs.getByRole('button', { name: 'Lesson' }).click();
    await page.getByRole('button', { name: /^Step 1:/ }).click();
    await page.getByRole('button', { name: /^Run/ }).first().click();
    await expect(tabs.getByRole('button', { name: 'Terminal' })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('.kp-terminal')).toBeVisible();
  });
}

test('panels resize (keyboard and pointer), the lessons panel collapses, and both are remembered', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openApp(page);
  const lessons = page.getByRole('complementary', { name: 'Lessons' });
  const splitter = page.getByRole('separator', { name: 'Resize the lessons panel' });
  const before = Number(await splitter.getAttribute('aria-valuenow'));
  const width = async () => (await lessons.boundingBox())!.width;
  const widthBefore = await width();
  await splitter.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(splitter).toHaveAttribute('aria-valuenow', String(before + 48));
  expect(await width()).toBeCloseTo(widthBefore + 48, 0);

  // Dragging the terminal's top edge up makes the terminal taller.
  const terminal = page.getByRole('region', { name: 'Terminal' });
  const heightBefore = (await terminal.boundingBox())!.height;
  const edge = (await page.getByRole('separator', { name: 'Resize the terminal' }).boundingBox())!;
  await page.mouse.move(edge.x + 200, edge.y + edge.height / 2);
  await page.mouse.down();
  await page.mouse.move(edge.x + 200, edge.y - 100, { steps: 5 });
  await page.mouse.up();
  const heightAfter = (await terminal.boundingBox())!.height;
  expect(heightAfter).toBeCloseTo(heightBefore + 100, -1);

  await page.getByRole('button', { name: 'Lessons', expanded: true }).click();
  await expect(page.getByRole('button', { name: 'Start lesson' }).first()).toBeHidden();
  expect(await width()).toBeLessThan(60);
  await page.waitForTimeout(300); // the sizes are saved once the dragging stops

  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: 'Cluster ready' })).toBeAttached();
  await expect(page.getByRole('button', { name: 'Lessons', expanded: false })).toBeVisible();
  expect((await terminal.boundingBox())!.height).toBeCloseTo(heightAfter, 0);
  await page.getByRole('button', { name: 'Lessons', expanded: false }).click();
  await expect(page.getByRole('button', { name: 'Start lesson' }).first()).toBeVisible();
  await expect(splitter).toHaveAttribute('aria-valuenow', String(before + 48));
  expect(await width()).toBeCloseTo(widthBefore + 48, 0);
});

test('the inspector is a panel beside the graph, and its Events table is shown in full', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openApp(page);
  await setSpeed(page, 60);
  await runCommand(page, 'kubectl run nginx --image=nginx:1.27');
  await expect(pods(page, 'Running')).toHaveCount(1, { timeout: 30_000 });
  await pods(page).first().click();
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await expect(inspector).toBeVisible();
  const graph = (await page.getByTestId('graph').boundingBox())!;
  const panel = (await inspector.boundingBox())!;
  expect(panel.x, 'the inspector starts where the graph ends').toBeGreaterThanOrEqual(graph.x + graph.width - 1);
  expect(panel.x + panel.width).toBeLessThanOrEqual(1440);

  await inspector.getByRole('tab', { name: 'Events' }).click();
  const table = inspector.getByRole('table', { name: 'Events' });
  await expect(table.getByRole('row').filter({ hasText: 'Started' })).toBeVisible();
  await expect(table.getByRole('columnheader')).toHaveText(['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE']);
  // Nothing cut off: the table is no wider than its panel, every message can be read in full.
  const fits = await table.evaluate((t) => t.scrollWidth <= t.parentElement!.clientWidth);
  expect(fits).toBe(true);
  await expect(table.getByRole("cell", { name: /^Successfully assigned default\/nginx to kind-worker\d?$/ })).toBeVisible();
});

test('the header names the cluster from its nodes: "kind cluster · 1 control plane, 3 workers"', async ({ page }) => {
  await openApp(page);
  await expect(page.getByRole('banner')).toContainText('kind cluster · 1 control plane, 3 workers');
  await expect(page.getByRole('banner')).not.toContainText('kind-kind');
});

test('the top bar stays one line at 1440×900 and 1024×768 (add-ons and the cloud switch in one menu)', async ({ page }) => {
  for (const size of [
    { width: 1440, height: 900 },
    { width: 1024, height: 768 },
  ]) {
    await page.setViewportSize(size);
    await openApp(page);
    const bar = (await page.locator('.kp-topbar').boundingBox())!;
    const reset = (await page.getByRole('button', { name: 'Reset cluster' }).boundingBox())!;
    const addons = (await page.locator('.kp-addons > summary').boundingBox())!;
    // Side by side, in a bar no taller than one row of buttons.
    expect(Math.abs(addons.y - reset.y), `${size.width}×${size.height}`).toBeLessThan(4);
    expect(bar.height, `${size.width}×${size.height}`).toBeLessThan(60);
  }
});
