import { describe, expect, it } from 'vitest';
import { phpApache } from './php-apache';

const http = phpApache.repositories[0].server!.http!;
const get = (path: string) => http({ method: 'GET', path, headers: { Host: 'php-apache' }, port: 80, uptimeMs: 0, state: {} });

describe('php-apache (hpa-example)', () => {
  it('answers OK! from index.php at / and /index.php', () => {
    expect(get('/')).toMatchObject({ status: 200, body: 'OK!', contentType: 'text/html', headers: { 'X-Powered-By': 'PHP/5.6.14' } });
    expect(get('/index.php?x=1').body).toBe('OK!');
  });

  it("gives Apache's 404 page, naming the host, for anything else", () => {
    const a = get('/nope');
    expect(a.status).toBe(404);
    expect(a.body).toContain('<p>The requested URL /nope was not found on this server.</p>');
    expect(a.body).toContain('<address>Apache/2.4.10 (Debian) Server at php-apache Port 80</address>');
  });
});
