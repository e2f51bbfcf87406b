/**
 * Time that really stops (issue 5, item 5): while paused nothing happens, not even what takes no
 * virtual time; Step runs one action and says which; Shift+Step runs on to the next second; a
 * command that waits on the paused clock says so, and finishes after Play.
 */
import { expect, test, type Page } from '@playwright/test';
import { openApp, pods, promptLine, runCommand, setSpeed, terminalLog } from './helpers';

/** The note under the time controls (a live region, present but hidden until a step). */
function stepNote(page: Page) {
  return page.getByRole('status', { name: 'What the step did', includeHidden: true });
}

/** Clicks Step and waits for the note of that very step; returns its text. */
async function step(page: Page, options: { shift?: boolean } = {}): Promise<string> {
  const note = stepNote(page);
  const before = (await note.getAttribute('data-step')) ?? '0';
  await page.getByRole('button', { name: 'Step', exact: true }).click({ modifiers: options.shift ? ['Shift'] : [] });
  await expect(note).not.toHaveAttribute('data-step', before);
  await expect(note).toBeVisible();
  return (await note.textContent()) ?? '';
}

/** Steps until the note says what `pattern` matches; returns every note on the way. */
async function stepUntil(page: Page, pattern: RegExp, max = 12): Promise<string[]> {
  const notes: string[] = [];
  for (let i = 0; i < max; i++) {
    notes.push(await step(page));
    if (pattern.test(notes[notes.length - 1])) return notes;
  }
  throw new Error(`no step said ${pattern}:\n${notes.join('\n')}`);
}

test('paused apply creates nothing until Step, and Step walks the chain one action at a time', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();

  expect(await runCommand(page, 'kubectl create deployment web --image=nginx --replicas=2')).toBe('deployment.apps/web created');
  await expect(page.getByRole('button', { name: /^Deployment web:/ })).toBeVisible();
  // Nothing reacts while paused, however long we wait: no ReplicaSet, no pods.
  await page.waitForTimeout(1500);
  await expect(page.getByRole('button', { name: /^ReplicaSet / })).toHaveCount(0);
  await expect(pods(page)).toHaveCount(0);
  expect(await runCommand(page, 'kubectl get rs,pods')).toBe('No resources found in default namespace.');

  // Deployment → ReplicaSet: one step, said by the controller that did it.
  const first = await step(page);
  expect(first).toMatch(/deployment-controller created ReplicaSet web-[a-z0-9]+/);
  await expect(page.getByRole('button', { name: /^ReplicaSet web-[a-z0-9]+:/ })).toHaveCount(1);
  await expect(pods(page)).toHaveCount(0);

  // ReplicaSet → Pods.
  const second = await step(page);
  expect(second).toMatch(/replicaset-controller created Pod web-[a-z0-9]+-[a-z0-9]{5}/);
  await expect(pods(page)).toHaveCount(2);
  await page.screenshot({ path: 'test-results/time-step-pods.png' });

  // Pod → scheduled → pulling → pulled, created, started: each step says which component did what.
  const bound = (await stepUntil(page, /default-scheduler bound Pod/)).pop()!;
  expect(bound).toMatch(/default-scheduler bound Pod web-[a-z0-9]+-[a-z0-9]{5} to kind-worker\d?/);
  expect((await stepUntil(page, /pulling image "nginx"/)).pop()).toMatch(/kubelet \(kind-worker\d?\) pulling image "nginx" \(Pod web-/);
  await expect(pods(page, 'Running')).toHaveCount(0);
  const started = (await stepUntil(page, /started container nginx/)).pop()!;
  expect(started).toMatch(/kubelet \(kind-worker\d?\) successfully pulled image "nginx"/);
  expect(started).toMatch(/kubelet \(kind-worker\d?\) created container nginx/);
  await expect(pods(page, 'Running')).toHaveCount(1);
  await page.screenshot({ path: 'test-results/time-step-started.png' });

  // Shift+Step runs on to the next whole second, everything due on the way.
  const second2 = await step(page, { shift: true });
  expect(second2).toMatch(/^Ran on to \d\d:\d\d:\d\d\.000/);

  // Play: the note goes, time runs, the second pod starts too.
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(stepNote(page)).toBeHidden();
  await setSpeed(page, 60);
  await expect(pods(page, 'Running')).toHaveCount(2, { timeout: 30_000 });
});

test('holding Step runs on to the next second; Shift+Enter does it from the keyboard', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Pause' }).click();
  const stepButton = page.getByRole('button', { name: 'Step', exact: true });
  const note = stepNote(page);

  await stepButton.hover();
  await page.mouse.down();
  await expect(note).toContainText(/^Ran on to \d\d:\d\d:\d\d\.000/, { timeout: 3000 });
  const held = await note.getAttribute('data-step');
  await page.mouse.up();
  // The click that ends the long press does not step again.
  await page.waitForTimeout(300);
  await expect(note).toHaveAttribute('data-step', held!);

  await stepButton.focus();
  await page.keyboard.press('Enter');
  await expect(note).toContainText(/^Step · /);
  await page.keyboard.press('Shift+Enter');
  await expect(note).toContainText(/^Ran on to /);
});

test('a paused rollout status says it waits for the clock, and finishes after Play', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Pause' }).click();
  expect(await runCommand(page, 'kubectl create deployment web --image=nginx --replicas=2')).toBe('deployment.apps/web created');

  const log = terminalLog(page);
  await page.getByLabel('Terminal input').focus();
  await page.keyboard.type('kubectl rollout status deployment/web');
  await page.keyboard.press('Enter');
  await expect(log).toContainText('The clock is paused: this command waits for virtual time. Press Play, or Step to go one action at a time.');
  expect(await promptLine(page)).not.toBe('$');
  await page.screenshot({ path: 'test-results/time-paused-wait.png' });

  await setSpeed(page, 60);
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(log).toContainText('deployment "web" successfully rolled out', { timeout: 30_000 });
  await expect.poll(() => promptLine(page)).toBe('$');
  // Said once, however many waits the command went through.
  expect(((await log.textContent()) ?? '').split('The clock is paused').length - 1).toBe(1);
});

test.describe('the step note fits', () => {
  for (const [width, height] of [
    [1440, 900],
    [1024, 768],
    [390, 844],
  ] as const) {
    test(`at ${width}×${height}`, async ({ page }) => {
      await page.setViewportSize({ width, height });
      await openApp(page);
      await page.getByRole('button', { name: 'Pause' }).click();
      // On a phone the terminal is one of the panel tabs.
      if (width <= 700) await page.getByRole('navigation', { name: 'Panels' }).getByRole('button', { name: 'Terminal' }).click();
      await runCommand(page, 'kubectl create deployment web --image=nginx --replicas=2');
      await step(page);
      await step(page);
      const box = (await stepNote(page).boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(width);
      await page.screenshot({ path: `test-results/time-note-${width}.png` });
    });
  }
});
