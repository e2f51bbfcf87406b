/** php-apache, the HPA walkthrough's image (registry.k8s.io/hpa-example): Apache prefork with PHP. */
import { httpdServer } from './httpd';
import { MiB } from '../metrics/usage';
import type { HttpAnswer, ImageFamily, ServerBehaviour } from './types';
import { pathOnly, toRequest } from './http';
import { DEBIAN } from './userland';

const phpApacheServer: ServerBehaviour = {
  ...httpdServer,
  binaries: ['apache2-foreground', 'apache2'],
  startup: () => [
    [0, "AH00558: apache2: Could not reliably determine the server's fully qualified domain name, using 10.244.0.0. Set the 'ServerName' directive globally to suppress this message"],
    [5, "AH00558: apache2: Could not reliably determine the server's fully qualified domain name, using 10.244.0.0. Set the 'ServerName' directive globally to suppress this message"],
    [10, '[{ts}] [mpm_prefork:notice] [pid 1] AH00163: Apache/2.4.10 (Debian) PHP/5.6.14 configured -- resuming normal operations'],
    [10, "[{ts}] [core:notice] [pid 1] AH00094: Command line: 'apache2 -D FOREGROUND'"],
  ],
  shutdown: ['[{ts}] [mpm_prefork:notice] [pid 1] AH00170: caught SIGWINCH, shutting down gracefully'],
  // Its one page is index.php, which burns some CPU and says OK! (no files served from a docroot).
  docroot: undefined,
  http: (r) => {
    const req = toRequest(r);
    return page(pathOnly(req.path), (req.headers.Host ?? '').replace(/:\d+$/, ''), req.port ?? 80);
  },
};

const HEADERS = { Server: 'Apache/2.4.10 (Debian)', 'X-Powered-By': 'PHP/5.6.14' };

/** The hpa-example's /var/www/html: index.php (`echo "OK!"` after a million square roots), and Apache's 404 for anything else. */
function page(path: string, host: string, port: number): HttpAnswer {
  if (path === '/' || path === '/index.php') return { status: 200, contentType: 'text/html', body: 'OK!', headers: HEADERS };
  const body = `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL ${path} was not found on this server.</p>\n<hr>\n<address>Apache/2.4.10 (Debian) Server at ${host} Port ${port}</address>\n</body></html>\n`;
  return { status: 404, contentType: 'text/html; charset=iso-8859-1', body, headers: { Server: 'Apache/2.4.10 (Debian)' } };
}

export const phpApache: ImageFamily = {
  name: 'php-apache',
  repositories: [
    {
      repository: 'registry.k8s.io/hpa-example',
      tags: { latest: [184856524, '1'] },
      entrypoint: [],
      cmd: ['apache2-foreground'],
      binaries: [...DEBIAN, 'apache2', 'apache2-foreground', 'php'],
      server: phpApacheServer,
      // Idle use: Apache prefork with mod_php, no requests (CPU per request: later, with the network).
      idle: { cpuMillis: 1, memoryBytes: 11 * MiB },
    },
  ],
};
