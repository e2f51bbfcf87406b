/**
 * A StatefulSet on the graph (issue 10, items 1 and 6): its card says how many of its replicas are
 * ready, its pods appear one at a time in ordinal order (OrderedReady), each with a claim card of
 * its own, and a pod deleted by hand comes back under the same name.
 */
import { expect, test } from '@playwright/test';
import { openApp, podNames, pods, replaceEditorText, runCommand, setSpeed } from './helpers';

const SHOTS = 'test-results/statefulsets';

const WEB = `apiVersion: v1
kind: Service
metadata:
  name: nginx
spec:
  clusterIP: None
  selector:
    app: nginx
  ports:
  - port: 80
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: nginx
  replicas: 3
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: registry.k8s.io/nginx-slim:0.21
        volumeMounts:
        - name: www
          mountPath: /usr/share/nginx/html
  volumeClaimTemplates:
  - metadata:
      name: www
    spec:
      accessModes: [ReadWriteOnce]
      resources:
        requests:
          storage: 1Gi
`;

test('a StatefulSet starts web-0, web-1, web-2 in order, each with its own claim; a deleted pod returns as itself', async ({ page }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await openApp(page);
  await setSpeed(page, 5);
  await replaceEditorText(page, WEB);
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  const card = page.getByRole('button', { name: /^StatefulSet web:/ });
  await expect(card).toBeVisible();
  // OrderedReady: each pod appears only once the one before it is Running.
  const seen: Map<string, string>[] = [];
  await expect
    .poll(async () => {
      const labels = await pods(page).evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
      const status = new Map(labels.map((l) => /^Pod (web-\d+): (\S+)/.exec(l)).filter((m) => m !== null).map((m) => [m![1], m![2]]));
      seen.push(status);
      return [...status.keys()].sort();
    }, { timeout: 120_000 })
    .toEqual(['web-0', 'web-1', 'web-2']);
  for (const status of seen) {
    for (const n of [1, 2]) if (status.has(`web-${n}`)) expect(status.get(`web-${n - 1}`)).toBe('Running');
  }
  await expect(card).toHaveAccessibleName(/3\/3 ready/, { timeout: 60_000 });
  for (const claim of ['www-web-0', 'www-web-1', 'www-web-2']) await expect(page.getByRole('button', { name: new RegExp(`^PersistentVolumeClaim ${claim}:`) })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/ordered.png` });

  expect(await runCommand(page, 'kubectl delete pod web-1 --wait=false')).toContain('pod "web-1" deleted');
  await expect.poll(async () => (await podNames(page, 'Running')).filter((n) => n.startsWith('web-')), { timeout: 120_000 }).toEqual(['web-0', 'web-1', 'web-2']);
  expect(await runCommand(page, 'kubectl get pvc www-web-1 -o jsonpath={.status.phase}')).toBe('Bound');
});
