/**
 * registry.example.com/private/app: a small web app in the playground's private registry
 * (./registry-auth.ts holds its login). It pulls only with an image pull secret for that
 * registry; it listens on 8080 and answers every request with a greeting.
 */
import { text } from './http';
import type { ImageFamily, ServerBehaviour } from './types';
import { BUSYBOX } from './userland';

const server: ServerBehaviour = {
  binaries: ['app'],
  ports: [8080],
  timestampStyle: 'nginx',
  startup: (version) => [[0, `{ts} private app ${version} listening on :8080`]],
  http: () => text(200, 'Hello from a private image!\n'),
  shutdown: ['{ts} shutting down'],
  shutdownMs: 0,
};

export const privateApp: ImageFamily = {
  name: 'private-app',
  repositories: [
    {
      repository: 'registry.example.com/private/app',
      tags: { latest: [8123456, '1.1'], '1.1': [8123456, '1.1'], '1.0': [8109876, '1.0'] },
      entrypoint: ['/app'],
      cmd: [],
      binaries: [...BUSYBOX, 'app'],
      server,
    },
  ],
};
