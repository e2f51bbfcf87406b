import { describe, expect, it } from 'vitest';
import { MemoryFs } from '../../shell/memory-fs';
import { serveFile, type DocRoot } from './static-site';

const NGINX: DocRoot = { root: '/usr/share/nginx/html', style: 'nginx', builtAt: 1_732_636_500_000 };
const APACHE: DocRoot = { root: '/usr/local/apache2/htdocs', style: 'apache', builtAt: 1_181_587_994_000 };
const NOW = 1_767_258_000_000; // 2026-01-01T09:00:00Z
const get = (path: string) => ({ method: 'GET', host: 'localhost', port: 80, path, headers: [] as Array<[string, string]> });

describe('serving files', () => {
  const fs = new MemoryFs([['/usr/share/nginx/html/index.html', 'x'.repeat(615)], ['/usr/local/apache2/htdocs/index.html', '<html><body><h1>It works!</h1></body></html>\n']]);

  it('answers as nginx: the image page’s ETag, Last-Modified, and its 404 page in CRLF lines', () => {
    const ok = serveFile(NGINX, 'nginx/1.27.3', fs, get('/'), NOW);
    expect(ok.headers).toEqual([['Server', 'nginx/1.27.3'], ['Date', 'Thu, 01 Jan 2026 09:00:00 GMT'], ['Content-Type', 'text/html'], ['Content-Length', '615'], ['Last-Modified', 'Tue, 26 Nov 2024 15:55:00 GMT'], ['Connection', 'keep-alive'], ['ETag', '"6745ef54-267"'], ['Accept-Ranges', 'bytes']]);
    const missing = serveFile(NGINX, 'nginx/1.27.3', fs, get('/nope'), NOW);
    expect(missing.status).toBe(404);
    expect(missing.body).toBe('<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx/1.27.3</center>\r\n</body>\r\n</html>\r\n');
    expect(missing.headers).toContainEqual(['Content-Length', '153']);
  });

  it('answers as Apache: It works! with its 2007 ETag', () => {
    const ok = serveFile(APACHE, 'Apache/2.4.62 (Unix)', fs, get('/'), NOW);
    expect(ok.body).toBe('<html><body><h1>It works!</h1></body></html>\n');
    expect(ok.headers).toContainEqual(['ETag', '"2d-432a5e4a73a80"']);
    expect(ok.headers).toContainEqual(['Last-Modified', 'Mon, 11 Jun 2007 18:53:14 GMT']);
    expect(serveFile(APACHE, 'Apache/2.4.62 (Unix)', fs, get('/nope'), NOW).headers).toContainEqual(['Content-Length', '196']);
  });
});
