/** Apache httpd. */
import { MiB } from '../metrics/usage';
import type { ImageFamily, ServerBehaviour } from './types';
import { DEBIAN } from './userland';
import { DEBIAN_FILES } from './files/os';
import { HTTPD_FILES } from './files/httpd';

export const httpdServer: ServerBehaviour = {
  binaries: ['httpd-foreground', 'httpd'],
  ports: [80],
  timestampStyle: 'apache',
  startup: (v) => [
    [0, "AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using 10.244.0.0. Set the 'ServerName' directive globally to suppress this message"],
    [5, "AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using 10.244.0.0. Set the 'ServerName' directive globally to suppress this message"],
    [10, `[{ts}] [mpm_event:notice] [pid 1:tid 1] AH00489: Apache/${v} (Unix) configured -- resuming normal operations`],
    [10, "[{ts}] [core:notice] [pid 1:tid 1] AH00094: Command line: 'httpd -D FOREGROUND'"],
  ],
  // The first config pass opens the listeners ([::] first) and gives up: no second AH00558.
  portInUse: (port) => ({
    keep: 1,
    lines: [
      [5, `(98)Address already in use: AH00072: make_sock: could not bind to address [::]:${port}`],
      [5, `(98)Address already in use: AH00072: make_sock: could not bind to address 0.0.0.0:${port}`],
      [5, 'no listening sockets available, shutting down'],
      [5, 'AH00015: Unable to open logs'],
    ],
    exitAfterMs: 5,
  }),
  // The It works! page dates from 2007 (ETag "2d-432a5e4a73a80").
  docroot: { root: '/usr/local/apache2/htdocs', style: 'apache', builtAt: 1_181_587_994_000 },
  serverName: (v) => `Apache/${v} (Unix)`,
  shutdown: ['[{ts}] [mpm_event:notice] [pid 1:tid 1] AH00492: caught SIGWINCH, shutting down gracefully'],
  shutdownMs: 200,
};

export const httpd: ImageFamily = {
  name: 'httpd',
  repositories: [
    {
      repository: 'docker.io/library/httpd',
      tags: { latest: [58208232, '2.4.62'], '2': [58208232, '2.4.62'], '2.4': [58208232, '2.4.62'], '2.4.62': [58208232, '2.4.62'], alpine: [23149871, '2.4.62'], '2.4-alpine': [23149871, '2.4.62'] },
      entrypoint: [],
      cmd: ['httpd-foreground'],
      binaries: [...DEBIAN, 'httpd', 'httpd-foreground', 'apachectl'],
      server: httpdServer,
      // Idle use: httpd's event MPM, three idle children.
      idle: { cpuMillis: 1, memoryBytes: 6 * MiB + 400 * 1024 },
      files: { ...DEBIAN_FILES, ...HTTPD_FILES },
    },
  ],
};
