/**
 * A learner's first session (the issue's steps 1–4): the cluster's four nodes, lesson 1's
 * Deployment applied from the editor, self-healing, scaling, a rolling update and its undo,
 * all seen on the graph and in the terminal, with the lesson's checks turning green.
 */
import { expect, test } from '@playwright/test';
import { boxesOfPods, openApp, podNames, pods, promptLine, runCommand, SCREENSHOTS, setSpeed, terminalLog } from './helpers';

test('lesson 1: apply a Deployment, heal, scale, roll out and undo', async ({ page }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await openApp(page);

  // 1. The cluster: kind's control plane and three workers, as boxes on the graph.
  await expect(page.getByRole('group', { name: /^Node kind-/ })).toHaveCount(4);
  for (const name of ['kind-control-plane', 'kind-worker', 'kind-worker2', 'kind-worker3']) {
    await expect(page.getByRole("group", { name: `Node ${name}`, exact: true })).toBeVisible();
  }
  await page.screenshot({ path: `${SCREENSHOTS}/01-empty-cluster.png` });

  // 2. Lesson 1, step 3: open its manifest and Apply it.
  await page.getByRole('button', { name: 'Start lesson' }).first().click();
  await page.getByRole('button', { name: /^Step 3:/ }).click();
  await page.getByRole('button', { name: 'Open in editor: deployment.yaml' }).click();
  await expect(page.getByRole('tab', { name: /deployment\.yaml/ })).toBeVisible();
  await setSpeed(page, 60);
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Apply output' })).toHaveText('deployment.apps/web created');

  // A ReplicaSet and three pods appear and go Running inside worker boxes, with edges.
  await expect(page.getByRole('button', { name: /^Deployment web:/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /^ReplicaSet web-[a-z0-9]+:/ })).toHaveCount(1);
  await expect(pods(page, 'Running')).toHaveCount(3, { timeout: 30_000 });
  const boxes = await boxesOfPods(page);
  expect(boxes.every((b) => /^Node kind-worker\d?$/.test(b)), `pods sit in worker boxes: ${boxes.join(', ')}`).toBe(true);
  await expect(page.locator('.react-flow__edge')).toHaveCount(4); // Deployment→RS, RS→3 pods
  const stepChecks = page.getByRole('list').filter({ hasText: '3 web Pods are Running' });
  await expect(stepChecks.getByText(/^Passed: /)).toHaveCount(6, { timeout: 15_000 });
  await page.screenshot({ path: `${SCREENSHOTS}/02-deployment-running.png` });

  // 3. The terminal: get pods -o wide, then delete one and watch a replacement come.
  const wide = await runCommand(page, 'kubectl get pods -o wide');
  expect(wide).toMatch(/NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+IP\s+NODE\s+NOMINATED NODE\s+READINESS GATES/);
  expect(wide.match(/web-[a-z0-9]+-[a-z0-9]{5}\s+1\/1\s+Running/g)).toHaveLength(3);
  const before = await podNames(page, 'Running');
  const victim = before[0];
  expect(await runCommand(page, `kubectl delete pod ${victim}`)).toBe(`pod "${victim}" deleted`);
  await expect(pods(page, 'Running')).toHaveCount(3, { timeout: 30_000 });
  await expect.poll(async () => (await podNames(page, 'Running')).includes(victim)).toBe(false);
  const healed = await podNames(page, 'Running');
  expect(healed.filter((n) => !before.includes(n))).toHaveLength(1);

  // Step 4 of the lesson (self-healing) is checked by the worker as it happens.
  await page.getByRole('button', { name: /^Step 4:/ }).click();
  await expect(page.getByRole('listitem').filter({ hasText: /Passed: / }).first()).toBeVisible({ timeout: 15_000 });
  await page.screenshot({ path: `${SCREENSHOTS}/03-self-healed.png` });

  // 4. Scale to 5.
  expect(await runCommand(page, 'kubectl scale deployment web --replicas=5')).toBe('deployment.apps/web scaled');
  await expect(pods(page, 'Running')).toHaveCount(5, { timeout: 30_000 });
  await page.getByRole('button', { name: /^Step 5:/ }).click();
  await expect(page.getByRole('listitem').filter({ hasText: /Not yet: / })).toHaveCount(0, { timeout: 15_000 });

  // A rolling update to another image: a second ReplicaSet takes over.
  expect(await runCommand(page, 'kubectl set image deployment/web nginx=nginx:1.26')).toBe('deployment.apps/web image updated');
  await expect(page.getByRole('button', { name: /^ReplicaSet web-[a-z0-9]+:/ })).toHaveCount(2);
  const status = await runCommand(page, 'kubectl rollout status deployment/web', 90_000);
  expect(status).toContain('deployment "web" successfully rolled out');
  await expect(page.getByRole('button', { name: /^ReplicaSet web-.*5\/5 ready · nginx:1\.26$/ })).toBeVisible();
  await expect(pods(page, 'Running')).toHaveCount(5, { timeout: 30_000 });
  await page.screenshot({ path: `${SCREENSHOTS}/04-rolled-out.png` });

  // …and back.
  expect(await runCommand(page, 'kubectl rollout undo deployment/web')).toBe('deployment.apps/web rolled back');
  await expect(page.getByRole('button', { name: /^ReplicaSet web-.*5\/5 ready · nginx:1\.27$/ })).toBeVisible({ timeout: 60_000 });

  // The inspector shows the clicked object's YAML, describe output and events.
  await page.getByRole('button', { name: /^Deployment web:/ }).click();
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await expect(inspector.getByRole('tabpanel')).toContainText('kind: Deployment');
  await inspector.getByRole('tab', { name: 'Describe' }).click();
  await expect(inspector.getByRole('tabpanel')).toContainText('RollingUpdateStrategy:');
  await inspector.getByRole('tab', { name: 'Events' }).click();
  await expect(inspector.getByRole('tabpanel')).toContainText('ScalingReplicaSet');
  await page.screenshot({ path: `${SCREENSHOTS}/05-inspector.png` });

  expect(pageErrors).toEqual([]);
});

test('Tab completes a kubectl line from the cluster', async ({ page }) => {
  await openApp(page);
  await page.getByLabel('Terminal input').focus();
  await page.keyboard.type('kubectl get depl');
  await page.keyboard.press('Tab');
  await expect.poll(() => promptLine(page)).toBe('$ kubectl get deployments');
  // Like bash, a finished word gets its space.
  await page.keyboard.type('-n kube-sy');
  await page.keyboard.press('Tab');
  await expect.poll(() => promptLine(page)).toBe('$ kubectl get deployments -n kube-system');
  await page.keyboard.press('Enter');
  // kind's CoreDNS runs there, two replicas on the control plane.
  await expect(terminalLog(page)).toContainText(/coredns\s+2\/2\s+2\s+2/);
});

test('time controls pause, step and resume the virtual clock', async ({ page }) => {
  await openApp(page);
  const clock = page.getByLabel('Cluster time');
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  const paused = await clock.textContent();
  await page.waitForTimeout(1500);
  expect(await clock.textContent()).toBe(paused);
  await page.getByRole('button', { name: 'Step' }).click();
  await expect(clock).not.toHaveText(paused ?? '');
  // While paused, `rollout status` waits forever (the controller has not even seen the
  // Deployment: nothing runs while paused), and says so; Ctrl+C gives the prompt back.
  expect(await runCommand(page, 'kubectl create deployment w --image=nginx:1.27')).toBe('deployment.apps/w created');
  await page.getByLabel('Terminal input').focus();
  await page.keyboard.type('kubectl rollout status deployment/w');
  await page.keyboard.press('Enter');
  await expect(terminalLog(page)).toContainText('Waiting for deployment spec update to be observed...');
  await expect(terminalLog(page)).toContainText('The clock is paused: this command waits for virtual time.');
  await page.keyboard.press('Control+C');
  expect(await runCommand(page, 'kubectl get deployment w --no-headers -o custom-columns=NAME:.metadata.name')).toBe('w');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await page.getByRole('button', { name: 'Reset cluster' }).click();
  await page.getByRole('dialog', { name: 'Reset the cluster?' }).getByRole('button', { name: 'Reset' }).click();
  await expect(page.getByRole('button', { name: /^Deployment w:/ })).toHaveCount(0);
  await expect(page.getByRole('group', { name: /^Node kind-/ })).toHaveCount(4);
});
