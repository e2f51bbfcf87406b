/**
 * The terminal is a shell (issue 7, item 7): pipes, loops, unknown commands and syntax errors
 * as bash prints them, `watch` redrawing in virtual time until Ctrl+C, and `read` taking a typed line.
 */
import { expect, test, type Page } from '@playwright/test';
import { openApp, promptLine, runCommand, SCREENSHOTS, setSpeed } from './helpers';

async function screenRows(page: Page): Promise<string[]> {
  const rows = await page.locator('.xterm-rows > div').allTextContents();
  return rows.map((r) => r.replace(/\u00a0/g, ' ').trimEnd());
}

test('pipes, loops, unknown commands and syntax errors', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openApp(page);
  expect(await runCommand(page, 'for i in 1 2 3; do kubectl create configmap c$i --from-literal=n=$i; done')).toBe(
    'configmap/c1 created\nconfigmap/c2 created\nconfigmap/c3 created',
  );
  expect(await runCommand(page, 'kubectl get cm -o name | sort -r')).toBe('configmap/kube-root-ca.crt\nconfigmap/c3\nconfigmap/c2\nconfigmap/c1');
  expect(await runCommand(page, "n=$(k get cm c2 -o jsonpath='{.data.n}'); echo \"c2 holds $n\"")).toBe('c2 holds 2');
  expect(await runCommand(page, 'foo --help; echo "exit $?"')).toBe('bash: foo: command not found\nexit 127');
  expect(await runCommand(page, 'kubectl delete cm c1; fi')).toBe("bash: syntax error near unexpected token `fi'");
  // Nothing of the line ran.
  expect(await runCommand(page, 'kubectl get cm c1 -o name')).toBe('configmap/c1');
  expect(await runCommand(page, 'while true; do echo x; done > /dev/null')).toContain('Stopped: this line ran 10,000 commands');
  await page.screenshot({ path: `${SCREENSHOTS}/shell-terminal.png` });
});

test('watch redraws every 2 s of virtual time until Ctrl+C', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openApp(page);
  await setSpeed(page, 10);
  await runCommand(page, 'kubectl create deployment web --image=nginx');
  await page.getByLabel('Terminal input').focus();
  await page.keyboard.type('watch kubectl get deploy');
  await page.keyboard.press('Enter');
  const header = async () => (await screenRows(page)).find((r) => r.startsWith('Every 2.0s: kubectl get deploy')) ?? '';
  await expect.poll(header).toMatch(/kubeplay: \w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4}$/);
  const first = await header();
  await expect.poll(header, { timeout: 10_000 }).not.toBe(first);
  await expect.poll(async () => (await screenRows(page)).some((r) => /^web +1\/1/.test(r)), { timeout: 30_000 }).toBe(true);
  await page.screenshot({ path: `${SCREENSHOTS}/shell-watch.png` });
  await page.keyboard.press('Control+C');
  await expect.poll(() => promptLine(page)).toBe('$');
  const after = await header();
  await page.waitForTimeout(1000);
  expect(await header()).toBe(after);
});

test('read takes a line typed while it runs', async ({ page }) => {
  await openApp(page);
  await page.getByLabel('Terminal input').focus();
  await page.keyboard.type('read name; echo "hello $name"');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Kubeplay');
  await page.keyboard.press('Enter');
  await expect.poll(() => promptLine(page)).toBe('$');
  const rows = (await screenRows(page)).filter((r) => r !== '');
  expect(rows.slice(-3, -1)).toEqual(['Kubeplay', 'hello Kubeplay']);
});
