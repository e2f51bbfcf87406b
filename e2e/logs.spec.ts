/**
 * `kubectl logs -f` in the browser's terminal: lines appear as virtual time passes, and Ctrl+C
 * gives the prompt back while the container keeps running (issue 7, item 8).
 */
import { expect, test } from '@playwright/test';
import { openApp, pods, promptLine, runCommand, setSpeed } from './helpers';

test('logs -f follows a running container until Ctrl+C', async ({ page }) => {
  await openApp(page);
  await setSpeed(page, 10);
  // Half a virtual minute between lines: typing the next command takes a wall second (ten virtual ones).
  await runCommand(page, "kubectl run ticker --image=busybox --restart=Never -- sh -c 'echo one; sleep 30; echo two; sleep 30; echo three; sleep 3600'");
  await expect(pods(page, 'Running')).toHaveCount(1, { timeout: 30_000 });
  await page.getByLabel('Terminal input').focus();
  await page.keyboard.type('kubectl logs -f ticker');
  await page.keyboard.press('Enter');
  // `three` is written a virtual minute after `one`: it arrives while the command still runs.
  await expect.poll(() => promptLine(page)).toBe('one');
  await expect.poll(() => promptLine(page), { timeout: 30_000 }).toBe('three');
  await page.keyboard.press('Control+C');
  await expect.poll(() => promptLine(page)).toBe('$');
  expect(await runCommand(page, 'kubectl get pod ticker --no-headers -o custom-columns=STATUS:.status.phase')).toBe('Running');
});

test("the HPA walkthrough's load generator: run -it streams OK!OK!OK! as it comes; Ctrl+C ends it and --rm deletes it", async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  await setSpeed(page, 10);
  await runCommand(page, 'kubectl create deployment php-apache --image=registry.k8s.io/hpa-example');
  await runCommand(page, 'kubectl expose deployment php-apache --port=80');
  await expect(pods(page, 'Running')).toHaveCount(1, { timeout: 60_000 });
  await setSpeed(page, 1);
  await page.getByLabel('Terminal input').focus();
  await page.keyboard.type('kubectl run -i --tty load-generator --rm --image=busybox:1.28 --restart=Never -- /bin/sh -c "while sleep 0.01; do wget -q -O- http://php-apache; done"');
  await page.keyboard.press('Enter');
  // wget -q prints OK! with no newline: the attached terminal shows the stream as it grows.
  await expect.poll(() => promptLine(page), { timeout: 30_000 }).toMatch(/^(OK!){5,}/);
  await page.keyboard.press('Control+C');
  await expect.poll(() => promptLine(page), { timeout: 30_000 }).toBe('$');
  await expect.poll(() => runCommand(page, 'kubectl get pod load-generator'), { timeout: 60_000 }).toBe('Error from server (NotFound): pods "load-generator" not found');
});
