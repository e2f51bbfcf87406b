/**
 * The in-app browser (issue 8, item 3) and the cloud-provider switch (item 5): `kubectl
 * port-forward` offers "Open localhost:8080", the panel shows the app's page as the learner's
 * machine loads it (nginx's welcome page, kuard's), follows its links without leaving the
 * simulation, and shows the refused connection once Ctrl+C ends the forward. Screenshots at
 * 1440×900, 1024×768 and a phone go to e2e/screenshots.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { SCREENSHOTS, openAddons, openApp, runCommand, setSpeed, terminalLog } from './helpers';

async function runningPod(page: Page, name: string, image: string): Promise<void> {
  await runCommand(page, `kubectl run ${name} --image=${image}`);
  await expect.poll(async () => runCommand(page, `kubectl get pod ${name} --no-headers -o custom-columns=S:.status.phase`), { timeout: 60_000 }).toBe('Running');
}

/** Starts a port-forward and leaves it running in the terminal. */
async function portForward(page: Page, line: string, local: number): Promise<void> {
  await page.getByLabel('Terminal input').focus();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
  await expect(terminalLog(page)).toContainText(`Forwarding from 127.0.0.1:${local}`);
}

const browser = (page: Page) => page.getByRole('dialog', { name: 'Browser' });
const shown = (page: Page) => page.frameLocator('.kp-browser-page');

test("opens a port-forward in the in-app browser: nginx's welcome page, its links, the refused page after Ctrl+C", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openApp(page);
  await setSpeed(page, 30);
  await runningPod(page, 'web', 'nginx:1.27.3');
  await expect(page.getByRole('button', { name: /^Open localhost/ })).toHaveCount(0);
  await portForward(page, 'kubectl port-forward pod/web 8080:80', 8080);

  await expect(page.getByRole('button', { name: 'Open localhost:8080' })).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/browser-offer-1440x900.png` });
  await page.getByRole('button', { name: 'Open localhost:8080' }).click();
  await expect(browser(page)).toBeVisible();
  await expect(shown(page).getByRole('heading', { name: 'Welcome to nginx!' })).toBeVisible();
  await expect(browser(page).getByLabel('Address')).toHaveValue('http://localhost:8080');
  await expect(browser(page)).toContainText('Welcome to nginx!');
  await expect(terminalLog(page)).toContainText('Handling connection for 8080');
  // The page's own style applies inside the frame (nginx centres a 35em body), none of it outside.
  const width = await shown(page).locator('body').evaluate((b) => getComputedStyle(b).width);
  expect(parseFloat(width)).toBeGreaterThan(400);
  expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).not.toContain('Tahoma');

  for (const [w, h, name] of [[1440, 900, 'desktop'], [1024, 768, 'laptop'], [390, 844, 'phone']] as const) {
    await page.setViewportSize({ width: w, height: h });
    await expect(shown(page).getByRole('heading', { name: 'Welcome to nginx!' })).toBeVisible();
    await page.screenshot({ path: `${SCREENSHOTS}/browser-nginx-${name}-${w}x${h}.png` });
  }
  await page.setViewportSize({ width: 1440, height: 900 });

  // A link leaves for the internet, which the learner's simulated machine cannot resolve.
  await shown(page).getByRole('link', { name: 'nginx.org' }).first().click();
  await expect(shown(page).getByRole('heading', { name: 'This site can’t be reached' })).toBeVisible();
  await expect(shown(page).locator('body')).toContainText('nginx.org’s server IP address could not be found.');
  await expect(shown(page).locator('body')).toContainText('DNS_PROBE_FINISHED_NXDOMAIN');
  await browser(page).getByRole('button', { name: 'Back' }).click();
  await expect(shown(page).getByRole('heading', { name: 'Welcome to nginx!' })).toBeVisible();

  // Typed addresses load too: a path nginx does not have.
  await browser(page).getByLabel('Address').fill('localhost:8080/nope');
  await browser(page).getByLabel('Address').press('Enter');
  await expect(shown(page).getByRole('heading', { name: '404 Not Found' })).toBeVisible();
  await expect(browser(page).getByRole('button', { name: 'Back' })).toBeEnabled();

  // Ctrl+C ends the forward: the button goes, the page shows the refused connection.
  await page.getByLabel('Terminal input').focus();
  await page.keyboard.press('Control+C');
  await expect(shown(page).locator('body')).toContainText('localhost refused to connect.');
  await expect(shown(page).locator('body')).toContainText('ERR_CONNECTION_REFUSED');
  await page.screenshot({ path: `${SCREENSHOTS}/browser-refused-1440x900.png` });
  await browser(page).getByRole('button', { name: 'Close the browser' }).click();
  await expect(browser(page)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Open localhost:8080' })).toHaveCount(0);
});

test("a page's own stylesheet and SVG load through the forward; its scripts do not run; remote images are text", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openApp(page);
  await setSpeed(page, 30);
  await runningPod(page, 'web', 'nginx:1.27.3');
  const html = '/usr/share/nginx/html';
  await runCommand(page, `kubectl exec web -- sh -c "echo 'h1{color:rgb(1,2,3)}' > ${html}/s.css"`);
  await runCommand(page, `kubectl exec web -- sh -c "echo '<svg xmlns=\\"http://www.w3.org/2000/svg\\" width=\\"20\\" height=\\"20\\"><rect width=\\"20\\" height=\\"20\\" fill=\\"red\\"/></svg>' > ${html}/dot.svg"`);
  await runCommand(page, `kubectl exec web -- sh -c "echo '<title>Test</title><link rel=stylesheet href=s.css><h1>Hi</h1><script>parent.document.title=1;document.body.remove()</script><img src=http://example.com/x.png alt=remote><img src=dot.svg alt=dot><a href=s.css>the css</a>' > ${html}/t.html"`);
  await portForward(page, 'kubectl port-forward pod/web 8080:80', 8080);
  const title = await page.title();
  await page.getByRole('button', { name: 'Open localhost:8080' }).click();
  await browser(page).getByLabel('Address').fill('localhost:8080/t.html');
  await browser(page).getByLabel('Address').press('Enter');
  await expect(shown(page).getByRole('heading', { name: 'Hi' })).toHaveCSS('color', 'rgb(1, 2, 3)');
  await expect(shown(page).getByRole('img', { name: 'dot' })).toHaveAttribute('src', /^data:image\/svg\+xml,/);
  expect(await shown(page).getByRole('img', { name: 'dot' }).evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(20);
  await expect(shown(page).locator('body')).toContainText('[remote]');
  await expect(shown(page).locator('script')).toHaveCount(0);
  expect(await page.title()).toBe(title);
  await expect(browser(page)).toContainText('Test');
  // A link to text shows it as browsers do.
  await shown(page).getByRole('link', { name: 'the css' }).click();
  await expect(shown(page).locator('pre')).toHaveText('h1{color:rgb(1,2,3)}\n');
  // Escape closes the window (focus is in it), and the offer is back.
  await browser(page).getByLabel('Address').focus();
  await page.keyboard.press('Escape');
  await expect(browser(page)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Open localhost:8080' })).toBeVisible();
});

test("shows kuard's page as its bundle draws it", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openApp(page);
  await setSpeed(page, 30);
  await runningPod(page, 'kuard', 'gcr.io/kuar-demo/kuard-amd64:blue');
  await portForward(page, 'kubectl port-forward pod/kuard 8080:8080', 8080);
  await page.getByRole('button', { name: 'Open localhost:8080' }).click();
  await expect(shown(page).getByText('Demo application version v0.10.0-blue')).toBeVisible();
  await expect(shown(page).getByRole('heading', { name: 'kuard' })).toBeVisible();
  await expect(shown(page).locator('body')).toContainText(/Serving on 10\.244\.\d+\.\d+/);
  await expect(shown(page).locator('body')).toContainText('Client addr: 127.0.0.1:');
  await expect(browser(page)).toContainText('KUAR Demo');
  await page.screenshot({ path: `${SCREENSHOTS}/browser-kuard-1440x900.png` });
  // The browser's own controls (the page inside is the app's, as served) have no serious problems.
  const { violations } = await new AxeBuilder({ page }).include('.kp-browser').exclude('.kp-browser-page').analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await shown(page).getByRole('link', { name: 'Server Env' }).click();
  await expect(browser(page).getByLabel('Address')).toHaveValue('http://localhost:8080/-/env');
  await expect(shown(page).locator('body')).toContainText('runs no scripts');
});

test('the cloud-provider-kind switch: off, a LoadBalancer stays <pending> (also after a reload); on, it gets an address', async ({ page }) => {
  await openApp(page);
  await setSpeed(page, 30);
  // The switch lives in the top bar's Add-ons menu.
  await openAddons(page);
  const toggle = page.getByRole('button', { name: 'cloud-provider-kind' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await runCommand(page, 'kubectl create service loadbalancer lb --tcp=80:80');
  await page.waitForTimeout(1_000); // 30 virtual seconds
  expect(await runCommand(page, 'kubectl get svc lb --no-headers')).toMatch(/LoadBalancer\s+10\.96\.\d+\.\d+\s+<pending>\s+80:\d+\/TCP/);
  await page.waitForTimeout(1_500); // the session is saved
  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: 'Cluster ready' })).toBeVisible();
  await openAddons(page);
  await expect(page.getByRole('button', { name: 'cloud-provider-kind' })).toHaveAttribute('aria-pressed', 'false');
  expect(await runCommand(page, 'kubectl get svc lb --no-headers')).toMatch(/<pending>/);
  await page.getByRole('button', { name: 'cloud-provider-kind' }).click();
  await expect(page.getByRole('button', { name: 'cloud-provider-kind' })).toHaveAttribute('aria-pressed', 'true');
  await setSpeed(page, 30);
  await expect.poll(async () => runCommand(page, 'kubectl get svc lb --no-headers'), { timeout: 30_000 }).toMatch(/LoadBalancer\s+10\.96\.\d+\.\d+\s+172\.18\.0\.\d+\s+80:\d+\/TCP/);
});
