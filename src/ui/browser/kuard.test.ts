import { describe, expect, it } from 'vitest';
import { kuardPage } from '../../sim/images/kuard-page';
import { kuardBody, kuardContext } from './kuard';

const served = kuardPage(
  { method: 'GET', path: '/', headers: { Host: 'localhost:8080', Accept: 'text/html' }, uptimeMs: 0, state: {}, hostname: 'kuard', addrs: ['10.244.2.3'], remoteAddr: '127.0.0.1:41000', version: 'v0.10.0-blue' },
  '',
).body;

describe("kuard's page in the in-app browser", () => {
  it('reads the page context out of the served template', () => {
    expect(kuardContext(served)).toMatchObject({ hostname: 'kuard', addrs: ['10.244.2.3'], version: 'v0.10.0-blue', requestAddr: '127.0.0.1:41000' });
    expect(kuardContext('<html><body>hi</body></html>')).toBeUndefined();
  });

  it('draws what the bundle draws: the title band, the navigation, the request details', () => {
    const body = kuardBody(kuardContext(served)!, '/');
    expect(body).toContain('<h2><samp>kuard</samp></h2>');
    expect(body).toContain('Demo application version <i>v0.10.0-blue</i>');
    expect(body).toContain('Serving on <span>10.244.2.3</span>');
    expect(body).toContain('<a class="nav-item active" href="/">Request Details</a>');
    expect(body).toContain('<b>Client addr:</b> <samp>127.0.0.1:41000</samp>');
    expect(body).toContain('<pre>GET / HTTP/1.1\r\nHost: localhost:8080\r\nAccept: text/html</pre>');
  });

  it('marks the route it is on, and escapes what it shows', () => {
    const body = kuardBody({ hostname: '<x>', urlBase: '/a' }, '/a/-/env');
    expect(body).toContain('<a class="nav-item active" href="/a/-/env">Server Env</a>');
    expect(body).toContain('&#60;x&#62;');
    expect(body).toContain('runs no scripts');
  });
});
