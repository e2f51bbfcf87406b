/**
 * Work that survives (issue 5, items 2 and 11): a reload in the middle of a lesson restores the
 * cluster (objects and virtual clock), the files, the lesson and its progress, and the terminal
 * history; unreadable storage gives a notice and a fresh cluster; Reset asks first and keeps
 * progress; a worker that dies is restarted from the saved session, and the UI says so.
 */
import { expect, test, type Page } from '@playwright/test';
import { openApp, podNames, promptLine, replaceEditorText, runCommand, setSpeed, terminalLog } from './helpers';

const lessonPanel = (page: Page) => page.getByRole('complementary', { name: 'Lessons' });
const clock = (page: Page) => page.getByLabel('Cluster time');

test('reload in the middle of a lesson restores everything', async ({ page }) => {
  test.setTimeout(240_000);
  const restored: string[] = [];
  page.on('console', (m) => m.text().startsWith('kubeplay: restored') && restored.push(m.text()));
  await openApp(page);
  await setSpeed(page, 60);
  await page.getByRole('button', { name: 'Start lesson: Pods, ReplicaSets and self-healing' }).click();
  expect(await runCommand(page, 'kubectl apply -f pod.yaml')).toBe('pod/nginx created');
  expect(await runCommand(page, 'kubectl wait --for=condition=Ready pod/nginx --timeout=60s', 60_000)).toBe('pod/nginx condition met');
  await expect(lessonPanel(page).getByRole('button', { name: 'Step 1: A Pod and its YAML (done)' })).toBeVisible({ timeout: 30_000 });
  await lessonPanel(page).getByRole('button', { name: /^Step 3:/ }).click();
  expect(await runCommand(page, 'kubectl apply -f deployment.yaml')).toBe('deployment.apps/web created');
  expect(await runCommand(page, 'kubectl rollout status deployment/web', 60_000)).toContain('successfully rolled out');
  await page.getByRole('tab', { name: /^scratch\.yaml/ }).click();
  await replaceEditorText(page, '# my notes: keep this\n');
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  const pods = await podNames(page);
  expect(pods).toHaveLength(4);
  const time = await clock(page).textContent();
  // Let the autosave see the last change.
  await page.waitForTimeout(1_000);

  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: 'Cluster ready' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  await expect.poll(() => podNames(page), { timeout: 15_000 }).toEqual(pods);
  await expect(clock(page)).toHaveText(time ?? '');
  await expect(lessonPanel(page).getByRole('heading', { name: 'A Deployment and its ReplicaSet' })).toBeVisible();
  await expect(lessonPanel(page).getByRole('button', { name: 'Step 1: A Pod and its YAML (done)' })).toBeVisible();
  await expect(lessonPanel(page).getByRole('button', { name: /^Step 3: .*\(done\)$/ })).toBeVisible();
  await expect(page.getByRole('tab', { name: /^scratch\.yaml/ })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('region', { name: 'Manifest editor' })).toContainText('# my notes: keep this');
  await expect(page.getByRole('tab', { name: /^deployment\.yaml/ })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: /session/ })).toHaveCount(0);
  // The terminal's history: ↑ brings back the last command.
  await page.getByLabel('Terminal input').focus();
  await page.keyboard.press('ArrowUp');
  await expect.poll(() => promptLine(page)).toBe('$ kubectl rollout status deployment/web');
  await page.keyboard.press('Control+C');
  // The objects are the same ones, and the cluster goes on from there.
  expect(await runCommand(page, 'kubectl get pod nginx --no-headers -o custom-columns=NAME:.metadata.name')).toBe('nginx');
  // Restored in under a second (the worker's replay of the journal).
  expect(restored).toHaveLength(1);
  const ms = Number(/in (\d+) ms/.exec(restored[0])?.[1]);
  console.log(restored[0]);
  expect(ms).toBeLessThan(1_000);
});

test('storage that cannot be read: a notice and a fresh cluster, never a blank page', async ({ page }) => {
  // Write a damaged record from the same origin before the app starts.
  await page.goto('/favicon.svg');
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('kubeplay');
        open.onupgradeneeded = () => open.result.createObjectStore('sessions');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('sessions', 'readwrite');
          tx.objectStore('sessions').put({ version: 1, cluster: { entries: 'garbage' } }, 'session');
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
  await openApp(page);
  await expect(page.getByRole('alert').filter({ hasText: 'Your saved session could not be restored (the saved data is damaged); started a fresh cluster.' })).toBeVisible();
  await expect(page.getByRole('group', { name: /^Node kind-/ })).toHaveCount(4);
  expect(await runCommand(page, 'kubectl get deployments')).toBe('No resources found in default namespace.');
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'could not be restored' })).toHaveCount(0);
});

test('Reset cluster asks first and keeps lesson progress; Start lesson over resets it', async ({ page }) => {
  test.setTimeout(180_000);
  await openApp(page);
  await setSpeed(page, 60);
  await page.getByRole('button', { name: 'Start lesson: Pods, ReplicaSets and self-healing' }).click();
  expect(await runCommand(page, 'kubectl apply -f pod.yaml')).toBe('pod/nginx created');
  await expect(lessonPanel(page).getByRole('button', { name: 'Step 1: A Pod and its YAML (done)' })).toBeVisible({ timeout: 60_000 });

  await page.getByRole('button', { name: 'Reset cluster' }).click();
  const dialog = page.getByRole('dialog', { name: 'Reset the cluster?' });
  await expect(dialog).toContainText('Objects are deleted, lesson progress is kept.');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(await runCommand(page, 'kubectl get pods --no-headers -o custom-columns=NAME:.metadata.name')).toBe('nginx');

  await page.getByRole('button', { name: 'Reset cluster' }).click();
  await dialog.getByRole('button', { name: 'Reset' }).click();
  expect(await runCommand(page, 'kubectl get pods')).toBe('No resources found in default namespace.');
  await expect(lessonPanel(page).getByRole('button', { name: 'Step 1: A Pod and its YAML (done)' })).toBeVisible();

  // Start lesson over: progress and the lesson's files back to the start, a fresh cluster.
  await page.getByRole('tab', { name: /^pod\.yaml/ }).click();
  await replaceEditorText(page, 'kind: Pod # edited\n');
  expect(await runCommand(page, 'kubectl create deployment x --image=nginx')).toBe('deployment.apps/x created');
  await lessonPanel(page).getByRole('button', { name: 'Start lesson over' }).click();
  const restart = page.getByRole('dialog', { name: 'Start the lesson over?' });
  await restart.getByRole('button', { name: 'Start over' }).click();
  await expect(lessonPanel(page).getByRole('button', { name: 'Step 1: A Pod and its YAML' , exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Manifest editor' })).not.toContainText('# edited');
  expect(await runCommand(page, 'kubectl get deployments')).toBe('No resources found in default namespace.');
});

test('a worker that dies is restarted from the saved session, and the UI says so', async ({ page }) => {
  test.setTimeout(180_000);
  await openApp(page);
  expect(await runCommand(page, 'kubectl create deployment web --image=nginx:1.27 --replicas=2')).toBe('deployment.apps/web created');
  await expect(page.getByRole('button', { name: /^Deployment web:/ })).toBeVisible();
  await page.evaluate(() => window.kubeplay?.session.stopWorkerForTest());
  await expect(page.getByRole('alert').filter({ hasText: 'The simulation stopped unexpectedly; restarted it from your saved session.' })).toBeVisible({
    timeout: 45_000, // the heartbeat's DEAD_AFTER_MS, and a loaded machine
  });
  expect(await runCommand(page, 'kubectl get deployments --no-headers -o custom-columns=NAME:.metadata.name')).toBe('web');
  await expect(page.getByRole('button', { name: /^Deployment web:/ })).toBeVisible();
  await expect(terminalLog(page)).toContainText('deployment.apps/web created');
});
