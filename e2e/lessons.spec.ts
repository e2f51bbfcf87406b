/**
 * Lesson flow (issue 5, items 1 and 9): each lesson has its own files, in the workspace the
 * moment the lesson starts; lesson 1 then lesson 2 in one session, both completed with their
 * solutions' commands; the lesson index with each lesson's progress; tabs that close and rename.
 */
import { expect, test, type Page } from '@playwright/test';
import { openApp, podNames, runCommand, setSpeed, terminalLog } from './helpers';

const lessonPanel = (page: Page) => page.getByRole('complementary', { name: 'Lessons' });

/** Clicks a lesson code block's ▶ Run for `line` and waits for the command's output. */
async function runFromLesson(page: Page, line: string, expected: string | RegExp): Promise<void> {
  await lessonPanel(page).getByRole('button', { name: `Run ${line}`, exact: true }).first().click();
  await expect(terminalLog(page)).toContainText(expected, { timeout: 60_000 });
}

async function stepComplete(page: Page): Promise<void> {
  await expect(lessonPanel(page).getByText(/^(Step complete|Lesson complete)/)).toBeVisible({ timeout: 60_000 });
}

async function nextStep(page: Page): Promise<void> {
  await stepComplete(page);
  await lessonPanel(page).getByRole('button', { name: 'Next step →' }).click();
}

test('lesson 1 then lesson 2 in one session, each with its own files', async ({ page }) => {
  test.setTimeout(300_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await openApp(page);
  await setSpeed(page, 60);
  await page.getByRole('button', { name: 'Start lesson: Pods, ReplicaSets and self-healing' }).click();

  // The lesson's files are tabs (and in the workspace) at once: the very first Run works.
  await expect(page.getByRole('tab', { name: /^pod\.yaml/ })).toBeVisible();
  await expect(page.getByRole('tab', { name: /^deployment\.yaml/ })).toBeVisible();
  await expect(page.getByRole('tab', { name: /^scratch\.yaml/ })).toBeVisible();
  await runFromLesson(page, 'kubectl apply -f pod.yaml', 'pod/nginx created');
  expect(await runCommand(page, 'kubectl wait --for=condition=Ready pod/nginx --timeout=60s', 60_000)).toBe('pod/nginx condition met');
  await nextStep(page);

  expect(await runCommand(page, 'kubectl delete pod nginx', 60_000)).toBe('pod "nginx" deleted');
  await nextStep(page);

  await runFromLesson(page, 'kubectl apply -f deployment.yaml', 'deployment.apps/web created');
  expect(await runCommand(page, 'kubectl rollout status deployment/web', 60_000)).toContain('successfully rolled out');
  await nextStep(page);

  const [victim] = await podNames(page, 'Running');
  expect(await runCommand(page, `kubectl delete pod ${victim}`, 60_000)).toBe(`pod "${victim}" deleted`);
  expect(await runCommand(page, 'kubectl rollout status deployment/web', 60_000)).toContain('successfully rolled out');
  await nextStep(page);

  await runFromLesson(page, 'kubectl scale deployment web --replicas=5', 'deployment.apps/web scaled');
  expect(await runCommand(page, 'kubectl rollout status deployment/web', 60_000)).toContain('successfully rolled out');
  await nextStep(page);

  const [labelled] = await podNames(page, 'Running');
  expect(await runCommand(page, `kubectl label pod ${labelled} tier=frontend`)).toBe(`pod/${labelled} labeled`);
  await stepComplete(page);
  await expect(lessonPanel(page).getByText('Lesson complete. Well done!')).toBeVisible();

  // Next lesson: lesson 2's deployment.yaml is lesson 2's (hello), not lesson 1's (web).
  await lessonPanel(page).getByRole('button', { name: /^Next lesson →/ }).click();
  await expect(lessonPanel(page).getByRole('heading', { name: 'Four replicas of nginx 1.26' })).toBeVisible();
  await expect(page.getByRole('tab', { name: /^pod\.yaml/ })).toHaveCount(0);
  await expect(page.getByRole('tab', { name: /^deployment\.yaml/ })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('region', { name: 'Manifest editor' })).toContainText('name: hello');
  await runFromLesson(page, 'kubectl apply -f deployment.yaml', 'deployment.apps/hello created');
  expect(await runCommand(page, 'kubectl rollout status deployment/hello', 60_000)).toContain('successfully rolled out');
  await nextStep(page);

  expect(await runCommand(page, 'kubectl set image deployment/hello nginx=nginx:1.27')).toBe('deployment.apps/hello image updated');
  expect(await runCommand(page, 'kubectl rollout status deployment/hello', 60_000)).toContain('successfully rolled out');
  await nextStep(page);

  expect(await runCommand(page, 'kubectl set image deployment/hello nginx=nginx:1.99')).toBe('deployment.apps/hello image updated');
  expect(await runCommand(page, 'kubectl rollout status deployment/hello --timeout=60s', 60_000)).toMatch(/error: (timed out waiting for the condition|deployment "hello" exceeded its progress deadline)/);
  await nextStep(page);

  expect(await runCommand(page, 'kubectl rollout undo deployment/hello')).toBe('deployment.apps/hello rolled back');
  expect(await runCommand(page, 'kubectl rollout status deployment/hello', 60_000)).toContain('successfully rolled out');
  await stepComplete(page);
  await expect(lessonPanel(page).getByText('Lesson complete. Well done!')).toBeVisible();

  // The index shows both lessons done.
  await lessonPanel(page).getByRole('button', { name: '← All lessons' }).click();
  const index = lessonPanel(page).getByRole('list', { name: 'All lessons' });
  await expect(index.getByText('✓ Done · 6 steps')).toBeVisible();
  await expect(index.getByText('✓ Done · 4 steps')).toBeVisible();
  await expect(index.getByRole('button', { name: 'Review lesson: Pods, ReplicaSets and self-healing' })).toBeVisible();

  // Back in lesson 1: its own files again, progress kept.
  await index.getByRole('button', { name: 'Review lesson: Pods, ReplicaSets and self-healing' }).click();
  await expect(page.getByRole('tab', { name: /^pod\.yaml/ })).toBeVisible();
  await page.getByRole('tab', { name: /^deployment\.yaml/ }).click();
  await expect(page.getByRole('region', { name: 'Manifest editor' })).toContainText('name: web');
  await expect(lessonPanel(page).getByRole('button', { name: /^Step 6: .*\(done\)$/ })).toBeVisible();
  expect(pageErrors).toEqual([]);
});

test('tabs close and rename; the learner\'s files are kept apart from the lesson\'s', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Start lesson: Pods, ReplicaSets and self-healing' }).click();
  const podTab = page.getByRole('tab', { name: /^pod\.yaml/ });
  await expect(podTab).toBeVisible();

  // Closing a lesson file's tab hides it; "Open in editor" brings it back; kubectl still reads it.
  await podTab.focus();
  await page.keyboard.press('Delete');
  await expect(podTab).toHaveCount(0);
  expect(await runCommand(page, 'kubectl apply -f pod.yaml --dry-run=client')).toBe('pod/nginx created (dry run)');
  await lessonPanel(page).getByRole('button', { name: 'Open in editor: pod.yaml' }).click();
  await expect(podTab).toHaveAttribute('aria-selected', 'true');

  // A new file of the learner's, renamed; lesson file names are taken.
  await page.getByRole('button', { name: 'New file' }).click();
  const untitled = page.getByRole('tab', { name: /^untitled-1\.yaml/ });
  await expect(untitled).toHaveAttribute('aria-selected', 'true');
  await untitled.dblclick();
  const field = page.getByLabel('New name for untitled-1.yaml');
  await field.fill('deployment.yaml');
  await expect(page.locator('#kp-filetab-rename-error')).toHaveText('There is already a file named deployment.yaml.');
  await field.fill('my pod.yaml');
  await expect(page.locator('#kp-filetab-rename-error')).toContainText('no spaces or slashes');
  await field.fill('mine.yaml');
  await field.press('Enter');
  const mine = page.getByRole('tab', { name: /^mine\.yaml/ });
  await expect(mine).toHaveAttribute('aria-selected', 'true');
  await mine.click({ button: 'middle' });
  await expect(mine).toHaveCount(0);
  await expect(page.getByRole('tab', { name: /^scratch\.yaml/ })).toBeVisible();
});

test('the issue 7 lessons are in the picker, and lesson 4 starts with its own files', async ({ page }) => {
  test.setTimeout(120_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await openApp(page);
  const index = lessonPanel(page).getByRole('list', { name: 'All lessons' });
  for (const title of ['Health checks', 'Resources and QoS', 'Multi-container pods']) {
    await expect(index.getByRole('button', { name: `Start lesson: ${title}` })).toBeVisible();
  }
  await index.getByRole('button', { name: 'Start lesson: Resources and QoS' }).click();
  await expect(lessonPanel(page).getByRole('heading', { name: 'Requests, limits and QoS classes' })).toBeVisible();
  await expect(page.getByRole('tab', { name: /^qos\.yaml/ })).toBeVisible();
  await expect(page.getByRole('tab', { name: /^memory-demo-2\.yaml/ })).toBeVisible();
  await runFromLesson(page, 'kubectl apply -f qos.yaml', 'pod/besteffort created');
  await stepComplete(page);
  expect(await runCommand(page, 'kubectl get pod guaranteed -o jsonpath={.status.qosClass}')).toBe('Guaranteed');
  expect(pageErrors).toEqual([]);
});
