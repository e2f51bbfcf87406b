/**
 * registry.k8s.io/goproxy:0.1, the probe task's TCP example: elazarl/goproxy listening on 8080.
 * A plain (non-proxy) request gets goproxy's NonproxyHandler answer.
 */
import { text } from './http';
import type { ImageFamily } from './types';

export const goproxy: ImageFamily = {
  name: 'goproxy',
  repositories: [
    {
      repository: 'registry.k8s.io/goproxy',
      tags: { '0.1': [2467432, '0.1'] },
      entrypoint: ['/goproxy'],
      cmd: [],
      binaries: ['goproxy'],
      server: {
        binaries: ['goproxy'],
        ports: [8080],
        timestampStyle: 'none',
        startup: () => [],
        http: () => text(500, 'This is a proxy server. Does not respond to non-proxy requests.\n'),
        shutdown: [],
        shutdownMs: 0,
        sigtermExitCode: 2,
      },
    },
  ],
};
