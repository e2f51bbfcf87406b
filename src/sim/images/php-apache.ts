/** php-apache, the HPA walkthrough's image (registry.k8s.io/hpa-example): Apache prefork with PHP. */
import { httpdServer } from './httpd';
import { MiB } from '../metrics/usage';
import type { ImageFamily, ServerBehaviour } from './types';
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
};

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
