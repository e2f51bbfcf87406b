import { describe, expect, it } from 'vitest';
import { errorPage } from './error-page';
import { displayUrl, localPortOf, mediaType, resolveHref, typedUrl } from './urls';

describe('in-app browser URLs', () => {
  it('resolves links against the page, dropping fragments and what no load can follow', () => {
    expect(resolveHref('http://localhost:8080/a/b.html', 'c.html')).toBe('http://localhost:8080/a/c.html');
    expect(resolveHref('http://localhost:8080/a/', '/x?y=1#top')).toBe('http://localhost:8080/x?y=1');
    expect(resolveHref('http://localhost:8080/', 'http://nginx.org/')).toBe('http://nginx.org/');
    expect(resolveHref('http://localhost:8080/', '#top')).toBeUndefined();
    expect(resolveHref('http://localhost:8080/', 'mailto:a@b')).toBeUndefined();
    expect(resolveHref('http://localhost:8080/', 'javascript:alert(1)')).toBeUndefined();
  });

  it('shows the address as browsers do, knows forwarded ports and media types', () => {
    expect(displayUrl('http://localhost:8080/')).toBe('http://localhost:8080');
    expect(displayUrl('http://localhost:8080/x/')).toBe('http://localhost:8080/x/');
    expect(localPortOf('http://localhost:8080/x')).toBe(8080);
    expect(localPortOf('http://127.0.0.1/')).toBe(80);
    expect(localPortOf('http://172.18.0.5/')).toBeUndefined();
    expect(mediaType([['Content-Type', 'text/html; charset=utf-8']])).toBe('text/html');
    expect(mediaType([])).toBe('');
    expect(typedUrl(' localhost:8080/x ')).toBe('http://localhost:8080/x');
    expect(typedUrl('http://172.18.0.5/foo')).toBe('http://172.18.0.5/foo');
  });

  it("names each failure as Chromium's error pages do", () => {
    expect(errorPage('ECONNREFUSED', 'http://localhost:8080/')).toMatchObject({ title: 'This site can’t be reached', host: 'localhost', message: 'refused to connect.', code: 'ERR_CONNECTION_REFUSED' });
    expect(errorPage('ETIMEDOUT', 'http://10.96.0.1/').code).toBe('ERR_CONNECTION_TIMED_OUT');
    expect(errorPage('NXDOMAIN', 'http://web/')).toMatchObject({ host: 'web', code: 'DNS_PROBE_FINISHED_NXDOMAIN' });
    expect(errorPage('EMPTY_RESPONSE', 'http://localhost:9090/')).toMatchObject({ title: 'This page isn’t working', message: 'didn’t send any data.', code: 'ERR_EMPTY_RESPONSE' });
  });
});
