import { describe, expect, it } from 'vitest';
import { colorFromString, kuardPage, kuardPageBase } from './kuard-page';

describe("kuard's page", () => {
  it('answers / and /-/* (and under /a, /b, /c) with the template and its page context', () => {
    expect(kuardPageBase('/')).toBe('');
    expect(kuardPageBase('/-/env')).toBe('');
    expect(kuardPageBase('/b/-/dns')).toBe('/b');
    expect(kuardPageBase('/env/api')).toBeUndefined();
    const page = kuardPage(
      { method: 'GET', path: '/', headers: { Host: 'localhost:8080', 'User-Agent': 'curl/8.5.0', Accept: '*/*' }, uptimeMs: 0, state: {}, hostname: 'kuard', addrs: ['10.244.1.5'], remoteAddr: '127.0.0.1:40000', version: 'v0.10.0-blue' },
      '',
    );
    expect(page.contentType).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('<title>KUAR Demo</title>');
    expect(page.body).toContain('<script src="built/bundle.js" type="text/javascript"></script>');
    const json = /var pageContext = (.*)\n/.exec(page.body)![1];
    expect(JSON.parse(json)).toEqual({
      urlBase: '',
      hostname: 'kuard',
      addrs: ['10.244.1.5'],
      version: 'v0.10.0-blue',
      versionColor: colorFromString('v0.10.0-blue'),
      requestDump: 'GET / HTTP/1.1\r\nHost: localhost:8080\r\nAccept: */*\r\nUser-Agent: curl/8.5.0',
      requestProto: 'HTTP/1.1',
      requestAddr: '127.0.0.1:40000',
    });
  });

  it('colours a version by its FNV-1a hash, as htmlutils.ColorFromString', () => {
    // fnv32a("") = 0x811c9dc5 = 2166136261; % 360 = 61. fnv32a("a") = 0xe40c292c = 3826002220; % 360 = 340.
    expect(colorFromString('')).toBe('hsl(61,100%,50%)');
    expect(colorFromString('a')).toBe('hsl(340,100%,50%)');
  });

  it('escapes what could end its script, as encoding/json does', () => {
    const page = kuardPage({ method: 'GET', path: '/-/x', headers: { Host: 'h', 'X-A': '</script><b>' }, uptimeMs: 0, state: {} }, '');
    expect(page.body).not.toContain('</script><b>');
    expect(page.body).toContain('\\u003c/script\\u003e\\u003cb\\u003e');
  });
});
