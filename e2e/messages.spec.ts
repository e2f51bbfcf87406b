/** Honest messages: what a learner reads after Apply names the real problem, once, at its line. */
import { expect, test, type Page } from '@playwright/test';
import { openApp, replaceEditorText, runCommand } from './helpers';

const PRIORITY_CLASS = `apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata:
  name: high-priority
value: 1000000
globalDefault: false
`;

const TABBED = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: tabbed\n';

const COMPOSE = `version: "3.8"
services:
  web:
    image: nginx
    ports:
      - "8080:80"
`;

function aliasBomb(): string {
  const lines = ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: bomb', 'data:', '  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (const [prev, name] of ['ab', 'bc', 'cd', 'de', 'ef', 'fg', 'gh', 'hi']) lines.push(`  ${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
  return `${lines.join('\n')}\n`;
}

async function apply(page: Page, text: string) {
  await replaceEditorText(page, text);
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  return page.getByRole('status', { name: 'Apply output' });
}

/** The text of the editor line a squiggle sits on (by geometry: Monaco draws them in layers). */
async function squiggledLines(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const lines = [...document.querySelectorAll('.monaco-editor .view-line')].map((el) => ({ text: el.textContent ?? '', r: el.getBoundingClientRect() }));
    return [...document.querySelectorAll('.monaco-editor .squiggly-error')].map((s) => {
      const y = s.getBoundingClientRect().top + s.getBoundingClientRect().height / 2;
      return lines.find((l) => y >= l.r.top && y <= l.r.bottom)?.text.replace(/\u00a0/g, ' ').trim() ?? '';
    });
  });
}

test('a kind 1.32 serves but the playground does not simulate is named as such; a typo keeps the real message', async ({ page }) => {
  await openApp(page);
  const output = await apply(page, PRIORITY_CLASS);
  await expect(output).toContainText(
    'resource mapping not found for name: "high-priority" namespace: "" from "scratch.yaml": kind PriorityClass (scheduling.k8s.io/v1) is part of Kubernetes 1.32 but this playground does not simulate it yet; it simulates: ClusterRole, ClusterRoleBinding, ComponentStatus, ConfigMap, ControllerRevision,',
  );
  await expect(output).not.toContainText('ensure CRDs are installed first');

  await apply(page, PRIORITY_CLASS.replace('kind: PriorityClass', 'kind: PriortyClass'));
  await expect(output).toContainText('no matches for kind "PriortyClass" in version "scheduling.k8s.io/v1"');
  await expect(output).toContainText('ensure CRDs are installed first');
  expect(await runCommand(page, 'kubectl get priorityclasses')).toContain('PriorityClass (scheduling.k8s.io/v1) is part of Kubernetes 1.32 but this playground does not simulate it yet');
});

test('a tab gets the parser message and a plain hint, once, at the line the marker shows; editing clears it', async ({ page }) => {
  await openApp(page);
  const output = await apply(page, TABBED);
  await expect(output).toContainText('yaml: line 4: found character that cannot start any token');
  await expect(output).toContainText('YAML does not allow tabs for indentation — line 4');
  // Shown once: no second list repeating the message under the editor.
  await expect(page.getByText('YAML does not allow tabs for indentation')).toHaveCount(1);
  await expect(page.getByRole('list', { name: 'Apply problems' })).toHaveCount(0);
  // The marker sits on line 4 and says the same.
  await expect.poll(() => squiggledLines(page)).toContain('name: tabbed');
  await page.locator('.monaco-editor .view-line', { hasText: 'name: tabbed' }).hover({ position: { x: 40, y: 5 } });
  await expect(page.locator('.monaco-hover').filter({ hasText: 'YAML does not allow tabs for indentation — line 4' }).first()).toBeVisible();
  await page.screenshot({ path: 'test-results/messages-tab.png' });

  // Any edit makes the message stale: it goes, and so does the marker.
  await page.mouse.move(0, 0);
  await page.keyboard.press('Escape');
  await page.locator('.monaco-editor .view-line', { hasText: 'name: tabbed' }).click();
  await page.keyboard.press('End');
  await page.keyboard.insertText(' ');
  await expect(output).toHaveCount(0);
  await expect(page.getByText('YAML does not allow tabs for indentation').filter({ visible: true })).toHaveCount(0);
  // The line keeps the editor's own YAML marker (monaco-yaml), not the stale apply message.
  await page.locator('.monaco-editor .view-line', { hasText: 'name: tabbed' }).hover({ position: { x: 40, y: 5 } });
  const hover = page.locator('.monaco-hover').filter({ visible: true }).first();
  await expect(hover).toContainText('Tabs are not allowed as indentation');
  await expect(hover).not.toContainText('YAML does not allow tabs for indentation');
});

test('a docker-compose file is named as one, with kompose as the way on', async ({ page }) => {
  await openApp(page);
  const output = await apply(page, COMPOSE);
  await expect(output).toContainText('error validating data: [apiVersion not set, kind not set]');
  await expect(output).toContainText('This is a docker-compose file, not a Kubernetes manifest');
  await expect(output).toContainText('kompose convert');
  await expect.poll(() => squiggledLines(page)).toContain('version: "3.8"');
});

test('an alias bomb gets go-yaml\'s answer at once and the playground stays alive', async ({ page }) => {
  await openApp(page);
  await replaceEditorText(page, aliasBomb());
  const started = Date.now();
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  const output = page.getByRole('status', { name: 'Apply output' });
  // Before: a minute of a growing heap, then a dead worker. The parser answers in milliseconds
  // (manifests.test.ts); this bound leaves room for a busy machine.
  await expect(output).toContainText('error parsing scratch.yaml: error converting YAML to JSON: yaml: document contains excessive aliasing', { timeout: 10_000 });
  expect(Date.now() - started).toBeLessThan(10_000);
  const configMaps = await runCommand(page, 'kubectl get configmaps');
  expect(configMaps).toContain('kube-root-ca.crt');
  expect(configMaps).not.toContain('bomb');
});
