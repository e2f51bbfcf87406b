/**
 * The graph never overlaps itself (issue 5, item 4): many Deployments, Services and rollouts
 * keep every card apart and each ReplicaSet under its Deployment; a pod relabelled out of its
 * ReplicaSet is drawn as an orphan while a replacement comes (a `kubectl run` pod as a bare pod);
 * pod names keep their start and end; empty nodes say which taint keeps pods off, and the
 * Pending lane says what it holds.
 */
import { expect, test, type Page } from '@playwright/test';
import { boxesOfPods, graphNodeRects, openApp, overlappingNodes, podNames, pods, podTotal, replaceEditorText, runCommand, setSpeed } from './helpers';

const SHOTS = 'test-results/graph';

function workloadButton(page: Page, kind: string, name: string) {
  return page.getByRole('button', { name: new RegExp(`^${kind} ${name}:`) });
}

/** Each ReplicaSet's card on screen lies within its Deployment's column and below it. */
async function replicaSetsUnderDeployments(page: Page): Promise<string[]> {
  const rects = new Map((await graphNodeRects(page)).map((r) => [r.id, r]));
  const problems: string[] = [];
  const sets = [...rects.keys()].filter((id) => id.startsWith('replicasets:'));
  for (const id of sets) {
    const rs = rects.get(id)!;
    const deployName = id.replace(/^replicasets:default\//, '').replace(/-[a-z0-9]+$/, '');
    const d = rects.get(`deployments:default/${deployName}`);
    if (!d) problems.push(`${id}: no Deployment ${deployName}`);
    else if (rs.x < d.x - 0.5 || rs.x + rs.width > d.x + d.width + 0.5 || rs.y < d.y + d.height) problems.push(`${id} is not under ${deployName}`);
  }
  return problems;
}

test('the overlapping-Deployments case: many Deployments, Services and rollouts, no two cards overlap', async ({ page }) => {
  test.setTimeout(300_000);
  await openApp(page);
  await setSpeed(page, 60);
  const names = ['api', 'web', 'cart', 'auth', 'search', 'mail', 'billing'];
  // Seven Deployments and five Services in one manifest (as a learner pastes one), applied at once.
  const manifest = names
    .map((name, i) => {
      const deploy = `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  replicas: 1\n  selector:\n    matchLabels:\n      app: ${name}\n  template:\n    metadata:\n      labels:\n        app: ${name}\n    spec:\n      containers:\n      - name: nginx\n        image: nginx:1.27\n`;
      const svc = `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  selector:\n    app: ${name}\n  ports:\n  - port: 80\n`;
      return i < 5 ? `${deploy}---\n${svc}` : deploy;
    })
    .join('---\n');
  await replaceEditorText(page, manifest);
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Apply output' })).toContainText('deployment.apps/billing created');
  // Rollouts: web gets three ReplicaSets, cart and mail two.
  for (const [name, image] of [['web', 'nginx:1.26'], ['cart', 'nginx:1.26'], ['mail', 'nginx:1.26'], ['web', 'nginx:1.25']]) {
    expect(await runCommand(page, `kubectl set image deployment/${name} nginx=${image}`)).toBe(`deployment.apps/${name} image updated`);
  }
  await expect(page.getByRole('button', { name: /^ReplicaSet / })).toHaveCount(names.length + 4);
  await expect(page.getByRole('button', { name: /^Service / })).toHaveCount(6); // and `kubernetes`
  await expect(pods(page, 'Running')).toHaveCount(names.length, { timeout: 60_000 });

  // Portrait graph panes (one column of node boxes) at the usual sizes, a landscape one (two) on
  // a wide screen, and a phone (its Cluster tab, where the layout has one).
  for (const size of [
    { width: 1440, height: 900 },
    { width: 1024, height: 768 },
    { width: 2560, height: 900 },
    { width: 390, height: 844 },
  ]) {
    await page.setViewportSize(size);
    const clusterTab = page.getByRole('tab', { name: 'Cluster', exact: true });
    if (await clusterTab.count()) await clusterTab.click();
    const graph = await page.getByTestId('graph').boundingBox();
    if (!graph || graph.width < 100) {
      test.info().annotations.push({ type: 'skipped size', description: `${size.width}×${size.height}: the graph pane is not shown` });
      continue;
    }
    // The view refits after a resize; positions are compared in screen space either way.
    await page.waitForTimeout(600);
    const rects = await graphNodeRects(page);
    // Deployments, ReplicaSets (4 more from the rollouts), Services and their EndpointSlices (and
    // `kubernetes`'s), node boxes and the Pending lane.
    expect(rects).toHaveLength(names.length * 2 + 4 + 6 + 6 + 5);
    expect(rects.every((r) => r.width > 1 && r.height > 1)).toBe(true);
    expect(await overlappingNodes(page), `at ${size.width}×${size.height}`).toEqual([]);
    expect(await replicaSetsUnderDeployments(page), `at ${size.width}×${size.height}`).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/crowded-${size.width}x${size.height}.png` });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
  // web's three ReplicaSets stack in creation order, the live one at the bottom.
  const webSets = (await graphNodeRects(page)).filter((r) => r.id.startsWith('replicasets:default/web-')).sort((a, b) => a.y - b.y);
  expect(webSets).toHaveLength(3);
  const live = await page.getByRole('button', { name: /^ReplicaSet web-.*· nginx:1\.25$/ }).getAttribute('aria-label');
  expect(webSets[2].id).toBe(`replicasets:default/${/^ReplicaSet (\S+):/.exec(live ?? '')?.[1]}`);
});

test('a pod relabelled out of its ReplicaSet is drawn as an orphan, and a replacement comes', async ({ page }) => {
  await openApp(page);
  await setSpeed(page, 60);
  expect(await runCommand(page, 'kubectl create deployment web --image=nginx:1.27 --replicas=3')).toBe('deployment.apps/web created');
  await expect(pods(page, 'Running')).toHaveCount(3, { timeout: 30_000 });
  await expect(page.locator('[data-orphan]')).toHaveCount(0);

  // Names are shortened from the middle: the owner's name and the random suffix both stay.
  const [victim] = await podNames(page, 'Running');
  const card = pods(page).filter({ has: page.locator(`text=${victim.slice(-5)}`) }).first();
  const shown = (await card.locator('.kp-pod-name').textContent()) ?? '';
  expect(victim.length).toBeGreaterThan(shown.length);
  expect(shown).toMatch(/…/);
  const [head, tail] = shown.split('…');
  expect(victim.startsWith(head) && head.startsWith('web-') && head.length > 'web-'.length).toBe(true);
  expect(victim.endsWith(tail) && tail === victim.slice(victim.lastIndexOf('-'))).toBe(true);

  expect(await runCommand(page, `kubectl label pod ${victim} app=other --overwrite`)).toBe(`pod/${victim} labeled`);
  const orphan = page.getByRole('button', { name: `Pod ${victim}: Running (no owner)`, exact: true });
  await expect(orphan).toBeVisible();
  await expect(orphan).toHaveAttribute('title', /Orphan/);
  await expect(orphan).toHaveAttribute('data-orphan', 'orphan');
  // The ReplicaSet makes a replacement: three owned pods again, plus the orphan.
  await expect(pods(page, 'Running')).toHaveCount(4, { timeout: 30_000 });
  await expect(page.locator('[data-orphan]')).toHaveCount(1);
  await expect(page.getByRole('button', { name: /^ReplicaSet web-.*: 3\/3 ready/ })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/orphan.png` });

  // Labelled back, it is adopted again (and the ReplicaSet, now one over, removes a pod).
  expect(await runCommand(page, `kubectl label pod ${victim} app=web --overwrite`)).toBe(`pod/${victim} labeled`);
  await expect(page.locator('[data-orphan]')).toHaveCount(0, { timeout: 30_000 });
  await expect(pods(page, 'Running')).toHaveCount(3, { timeout: 30_000 });
});

test('empty nodes say which taint keeps pods off; the Pending lane says what it holds', async ({ page }) => {
  await openApp(page);
  await setSpeed(page, 60);
  const controlPlane = page.getByRole('group', { name: 'Node kind-control-plane', exact: true });
  const lane = page.getByRole('group', { name: /^Pending pods/ });
  await expect(controlPlane).toContainText('No pods: tainted node-role.kubernetes.io/control-plane:NoSchedule');
  await expect(lane).toContainText('pods not yet bound to a node');
  // Workers carry no taint: nothing to explain.
  await expect(page.getByRole('group', { name: 'Node kind-worker3', exact: true })).not.toContainText('No pods');

  // The note is read off each Node: taint every worker, and a new pod has nowhere to go.
  const tainted = await runCommand(page, 'kubectl taint nodes kind-worker kind-worker2 kind-worker3 demo=yes:NoSchedule');
  expect(tainted.split('\n')).toEqual(['node/kind-worker tainted', 'node/kind-worker2 tainted', 'node/kind-worker3 tainted']);
  await expect(page.getByRole('group', { name: 'Node kind-worker3', exact: true })).toContainText('No pods: tainted demo=yes:NoSchedule');
  expect(await runCommand(page, 'kubectl run lonely --image=nginx:1.27')).toBe('pod/lonely created');
  await expect(pods(page, 'Pending')).toHaveCount(1);
  // Made by `kubectl run`, it never had an owner: a bare pod, not an orphan.
  await expect(pods(page, 'Pending')).toHaveAttribute('data-orphan', 'bare');
  // The lane holds exactly the pods with no node: this one.
  expect(await runCommand(page, "kubectl get pod lonely -o jsonpath='{.spec.nodeName}'")).toBe('');
  expect(await boxesOfPods(page, 'Pending')).toEqual([expect.stringMatching(/^Pending pods/)]);
  await expect(lane).toContainText('1 pod');
  await page.screenshot({ path: `${SHOTS}/tainted.png` });

  // The control plane's taint removed: its note goes, and the pod is scheduled there.
  expect(await runCommand(page, 'kubectl taint nodes kind-control-plane node-role.kubernetes.io/control-plane:NoSchedule-')).toBe('node/kind-control-plane untainted');
  await expect(controlPlane).not.toContainText('No pods', { timeout: 30_000 });
  await expect(pods(page, 'Running')).toHaveCount(1, { timeout: 60_000 });
  expect(await boxesOfPods(page)).toEqual(['Node kind-control-plane']);
  await expect(lane).toContainText('0 pods');
});

test("kind's own pods are left out until asked for, then drawn in their node boxes", async ({ page }) => {
  await openApp(page);
  // A fresh kind cluster: 4 static pods, kube-proxy and kindnet on each of 4 nodes, 2 CoreDNS, local-path.
  const show = page.getByRole('button', { name: 'Show system pods (15)' });
  await expect(show).toBeVisible();
  expect(await podTotal(page)).toBe(0);
  await show.click();
  const hide = page.getByRole('button', { name: 'Hide system pods' });
  await expect(hide).toHaveAttribute('aria-pressed', 'true');
  await expect(pods(page, 'Running')).toHaveCount(15, { timeout: 30_000 });
  expect(await podNames(page)).toContain('etcd-kind-control-plane');
  const inControlPlane = (await boxesOfPods(page)).filter((b) => b === 'Node kind-control-plane').length;
  expect(inControlPlane).toBe(4 + 2 + 2 + 1);
  await page.screenshot({ path: `${SHOTS}/system-pods.png` });
  // The choice is a preference: it survives a reload.
  await page.reload();
  await expect(page.getByRole('button', { name: 'Hide system pods' })).toBeVisible();
  await page.getByRole('button', { name: 'Hide system pods' }).click();
  await expect(pods(page)).toHaveCount(0);
});
