/**
 * Requests drawn on the graph (issue 8, item 7): `kubectl exec client -- wget -qO- web` lights the
 * client, the Service, its EndpointSlice and the pod kube-proxy chose; repeated calls light
 * several pods (load balancing); failures look apart; a request from the host shows it entering.
 * Screenshots of steady traffic at 1440×900, 1024×768 and a phone.
 */
import { expect, test, type Page } from '@playwright/test';
import { openApp, pods, runCommand, setSpeed } from './helpers';

const SHOTS = 'test-results/traffic';

/** Records every traffic class that appears in the graph from now on (pulses last about a second). */
async function recordTraffic(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { seen: string[]; observer?: MutationObserver };
    w.observer?.disconnect();
    w.seen = [];
    const note = (el: Element) => {
      const cls = typeof el.className === 'string' ? el.className : el.getAttribute('class') ?? '';
      if (!cls.includes('kp-traffic')) return;
      const id = el.getAttribute('data-id') ?? el.getAttribute('aria-label') ?? el.textContent ?? '';
      w.seen.push(`${id} ${cls.split(' ').filter((c) => c.startsWith('kp-traffic')).join(' ')}`);
    };
    w.observer = new MutationObserver((records) => {
      for (const r of records) {
        if (r.type === 'attributes' && r.target instanceof Element) note(r.target);
        for (const n of r.addedNodes) if (n instanceof Element) [n, ...n.querySelectorAll('*')].forEach(note);
      }
    });
    w.observer.observe(document.querySelector('[data-testid="graph"]')!, { subtree: true, childList: true, attributes: true, attributeFilter: ['class'] });
  });
}

async function seen(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { seen: string[] }).seen);
}

/** Starts a line that runs until Ctrl+C (a request every ~0.3 s of virtual time). */
async function startLoop(page: Page, line: string): Promise<void> {
  await page.getByLabel('Terminal input').focus();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
}

test('a request from a client pod lights the Service, its slice and the chosen pod; many light several pods', async ({ page }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await openApp(page);
  await setSpeed(page, 60);
  expect(await runCommand(page, 'kubectl create deployment web --image=nginx:1.27 --replicas=3')).toBe('deployment.apps/web created');
  expect(await runCommand(page, 'kubectl expose deployment web --port=80')).toBe('service/web exposed');
  expect(await runCommand(page, 'kubectl run client --image=busybox:1.37 -- sleep 3600')).toBe('pod/client created');
  await expect(pods(page, 'Running')).toHaveCount(4, { timeout: 60_000 });
  await expect(page.locator('.react-flow__edge.edge-endpoint')).toHaveCount(3, { timeout: 30_000 });
  await setSpeed(page, 1);

  // One request: client → Service → EndpointSlice → one web pod.
  await recordTraffic(page);
  expect(await runCommand(page, 'kubectl exec client -- wget -qO- web')).toContain('Welcome to nginx!');
  await expect.poll(() => seen(page)).toContainEqual(expect.stringMatching(/^services:default\/web kp-traffic kp-traffic-ok kp-traffic-[ab] kp-traffic-hop2$/));
  const one = await seen(page);
  expect(one).toContainEqual(expect.stringMatching(/^endpointslices:default\/web-\w+ kp-traffic kp-traffic-ok/));
  expect(one).toContainEqual(expect.stringMatching(/^Pod client: Running \(no owner\) kp-traffic kp-traffic-ok kp-traffic-[ab] kp-traffic-hop0 kp-traffic-client$/));
  expect(one).toContainEqual(expect.stringMatching(/^owns:services:default\/web->endpointslices:default\/web-\w+ kp-traffic/));
  const chosen = new Set(one.flatMap((s) => /^Pod (web-\S+): Running kp-traffic kp-traffic-ok kp-traffic-[ab] kp-traffic-hop4$/.exec(s)?.[1] ?? []));
  expect(chosen.size).toBe(1);
  await expect(page.getByTestId('traffic-caption')).toContainText(/client → svc\/web → web-/);
  // A pulse is brief: after it, nothing is lit and the caption goes.
  await expect(page.locator('.kp-traffic')).toHaveCount(0, { timeout: 5_000 });
  await expect(page.getByTestId('traffic-caption')).toHaveCount(0);

  // Twelve requests: kube-proxy spreads them, and more than one pod lights up.
  await recordTraffic(page);
  await runCommand(page, 'for i in $(seq 1 12); do kubectl exec client -- wget -qO- web >/dev/null; done');
  await expect
    .poll(async () => new Set((await seen(page)).flatMap((s) => /^Pod (web-\S+): Running kp-traffic kp-traffic-ok/.exec(s)?.[1] ?? [])).size)
    .toBeGreaterThan(1);

  // Failures look apart: an unknown name (the client alone), a Service with no endpoint (refused).
  await recordTraffic(page);
  expect(await runCommand(page, 'kubectl exec client -- wget -qO- nope')).toContain("wget: bad address 'nope'");
  await expect.poll(() => seen(page)).toContainEqual(expect.stringMatching(/^Pod client: Running \(no owner\) kp-traffic kp-traffic-nxdomain/));
  await expect(page.getByTestId('traffic-caption')).toContainText('client · unknown name (NXDOMAIN)');
  expect(await runCommand(page, 'kubectl create service clusterip empty --tcp=80:80')).toBe('service/empty created');
  await recordTraffic(page);
  expect(await runCommand(page, 'kubectl exec client -- wget -qO- empty')).toContain('Connection refused');
  await expect.poll(() => seen(page)).toContainEqual(expect.stringMatching(/^services:default\/empty kp-traffic kp-traffic-refused/));
  await expect(page.getByTestId('traffic-caption')).toContainText('client → svc/empty · connection refused');
  await page.screenshot({ path: `${SHOTS}/traffic-refused.png` });

  // From the host, through the NodePort: "your machine" lights as the request enters.
  expect(await runCommand(page, 'kubectl expose deployment web --name=web-np --type=NodePort --port=80')).toBe('service/web-np exposed');
  await recordTraffic(page);
  const port = await runCommand(page, "kubectl get svc web-np -o jsonpath='{.spec.ports[0].nodePort}'");
  expect(await runCommand(page, `curl -s 172.18.0.3:${port} | grep title`)).toBe('<title>Welcome to nginx!</title>');
  await expect.poll(() => seen(page)).toContainEqual(expect.stringMatching(/^your machine kp-traffic-host kp-traffic kp-traffic-ok/));
  await expect.poll(() => seen(page)).toContainEqual(expect.stringMatching(/^services:default\/web-np kp-traffic kp-traffic-ok/));

  // Steady traffic, for the eye: a request every 0.3 s from the client and from the host.
  await startLoop(page, `while true; do kubectl exec client -- wget -qO- web >/dev/null; curl -s 172.18.0.3:${port} >/dev/null; sleep 0.3; done`);
  for (const size of [
    { width: 1440, height: 900 },
    { width: 1024, height: 768 },
    { width: 390, height: 844 },
  ]) {
    await page.setViewportSize(size);
    const clusterTab = page.getByRole('navigation', { name: 'Panels' }).getByRole('button', { name: 'Cluster', exact: true });
    if (await clusterTab.isVisible()) await clusterTab.click();
    await page.waitForTimeout(900);
    await expect(page.locator('.react-flow__node.kp-traffic').first()).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/traffic-${size.width}x${size.height}.png` });
  }

  // With reduced motion: no animation, a steady ring while a request shows.
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const lit = page.locator('.react-flow__node.kp-traffic .kp-workload').first();
  await expect(lit).toBeVisible();
  expect(await lit.evaluate((el) => getComputedStyle(el).animationName)).toBe('none');
  await page.screenshot({ path: `${SHOTS}/traffic-reduced-motion.png` });
});

test('hundreds of requests a second light the graph without redrawing it', async ({ page }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await openApp(page);
  await setSpeed(page, 60);
  expect(await runCommand(page, 'kubectl create deployment web --image=nginx:1.27 --replicas=30')).toBe('deployment.apps/web created');
  expect(await runCommand(page, 'kubectl expose deployment web --port=80')).toBe('service/web exposed');
  expect(await runCommand(page, 'kubectl run client --image=busybox:1.37 -- sleep 3600')).toBe('pod/client created');
  await expect(pods(page, 'Running')).toHaveCount(31, { timeout: 120_000 });
  // Thirty endpoints: the slice draws one edge per node box, with a count.
  await expect(page.locator('.react-flow__edge.edge-endpoint.edge-aggregate')).toHaveCount(3, { timeout: 30_000 });
  await setSpeed(page, 1);
  await page.waitForTimeout(500);

  // The drawn nodes, and the main thread's long tasks, from now on.
  await page.evaluate(() => {
    const w = window as unknown as { kept: Element[]; longTasks: number[] };
    w.kept = [...document.querySelectorAll('.kp-graph .react-flow__node, .kp-graph .kp-pod')];
    w.longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push(e.duration))).observe({ type: 'longtask', buffered: false });
  });
  await recordTraffic(page);
  // Five bursts of a hundred requests, 0.2 s apart: about 500 requests a second.
  await runCommand(page, 'for j in 1 2 3 4 5; do for i in $(seq 1 100); do kubectl exec client -- wget -qO- web >/dev/null; done; sleep 0.2; done', 60_000);
  const lit = await seen(page);
  expect(lit).toContainEqual(expect.stringMatching(/^endpoint:endpointslices:default\/web-\w+->box:kind-worker\d? kp-traffic kp-traffic-ok/));
  expect(new Set(lit.flatMap((s) => /^Pod (web-\S+): Running kp-traffic kp-traffic-ok/.exec(s)?.[1] ?? [])).size).toBeGreaterThan(10);
  const after = await page.evaluate(() => {
    const w = window as unknown as { kept: Element[]; longTasks: number[] };
    return { detached: w.kept.filter((el) => !el.isConnected).length, kept: w.kept.length, longTasks: w.longTasks };
  });
  // Classes on the same elements: not one node or pod cell was drawn anew.
  expect(after.kept).toBeGreaterThan(30);
  expect(after.detached).toBe(0);
  test.info().annotations.push({ type: 'long tasks (ms)', description: JSON.stringify(after.longTasks.map(Math.round)) });
  expect(Math.max(0, ...after.longTasks)).toBeLessThan(200);
  await page.screenshot({ path: `${SHOTS}/traffic-many.png` });
});

test('a request to an Ingress address lights the Ingress, its edge to the Service, and on to a pod (dark theme)', async ({ page }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await openApp(page);
  await setSpeed(page, 60);
  expect(await runCommand(page, 'kubectl create deployment web --image=nginx:1.27 --replicas=2')).toBe('deployment.apps/web created');
  expect(await runCommand(page, 'kubectl expose deployment web --port=80')).toBe('service/web exposed');
  expect(await runCommand(page, 'kubectl create ingress site --rule="/*=web:80"')).toBe('ingress.networking.k8s.io/site created');
  await expect(pods(page, 'Running')).toHaveCount(2, { timeout: 60_000 });
  const address = async () => runCommand(page, "kubectl get ingress site -o jsonpath='{.status.loadBalancer.ingress[0].ip}'");
  await expect.poll(address, { timeout: 60_000 }).toMatch(/^172\.18\.0\.\d+$/);
  const ip = await address();
  await setSpeed(page, 1);
  await page.getByRole('button', { name: 'Dark' }).click();

  await recordTraffic(page);
  expect(await runCommand(page, `curl -s ${ip}/ | grep title`)).toBe('<title>Welcome to nginx!</title>');
  await expect.poll(() => seen(page)).toContainEqual(expect.stringMatching(/^ingresses:default\/site kp-traffic kp-traffic-ok kp-traffic-[ab] kp-traffic-hop1$/));
  const lit = await seen(page);
  expect(lit).toContainEqual(expect.stringMatching(/^routes:ingresses:default\/site->services:default\/web kp-traffic kp-traffic-ok/));
  expect(lit).toContainEqual(expect.stringMatching(/^Pod web-\S+: Running kp-traffic kp-traffic-ok/));
  await expect(page.getByTestId('traffic-caption')).toContainText(/→ ing\/site → svc\/web → web-\S+ · 200/);

  await startLoop(page, `while true; do curl -s ${ip}/ >/dev/null; curl -s ${ip}/nope >/dev/null; sleep 0.3; done`);
  await page.waitForTimeout(900);
  await page.screenshot({ path: `${SHOTS}/traffic-ingress-dark.png` });
});

test("a client pod's own loop lights the graph on the cluster's clock, with nothing typed", async ({ page }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await openApp(page);
  await setSpeed(page, 60);
  expect(await runCommand(page, 'kubectl create deployment web --image=nginx:1.27 --replicas=3')).toBe('deployment.apps/web created');
  expect(await runCommand(page, 'kubectl expose deployment web --port=80')).toBe('service/web exposed');
  await expect(pods(page, 'Running')).toHaveCount(3, { timeout: 60_000 });
  await setSpeed(page, 1);
  await recordTraffic(page);
  // The pod's main process is the client: its requests go out as virtual time passes.
  expect(await runCommand(page, "kubectl run client --image=busybox:1.37 -- sh -c 'while true; do wget -qO- web >/dev/null; sleep 0.5; done'")).toBe('pod/client created');
  await expect
    .poll(async () => new Set((await seen(page)).flatMap((s) => /^Pod (web-\S+): Running kp-traffic kp-traffic-ok/.exec(s)?.[1] ?? [])).size, { timeout: 30_000 })
    .toBeGreaterThan(1);
  expect(await seen(page)).toContainEqual(expect.stringMatching(/^Pod client: Running \(no owner\) kp-traffic kp-traffic-ok .*kp-traffic-client$/));
  await page.screenshot({ path: `${SHOTS}/traffic-client-loop.png` });
});
