/**
 * curlimages/curl: curl on Alpine's busybox. Its /entrypoint.sh runs `curl` with the arguments
 * when the first one is an option (`-- -s http://…`), else runs them as a command (`-- sleep
 * 3600`). Sizes are estimates of the compressed image.
 */
import type { ImageFamily } from './types';
import { BUSYBOX } from './userland';
import { ALPINE_FILES } from './files/os';

export const curl: ImageFamily = {
  name: 'curl',
  repositories: [
    {
      repository: 'docker.io/curlimages/curl',
      tags: { latest: [12163000, '8.11.1'], '8.11.1': [12163000, '8.11.1'], '8.11.0': [12101000, '8.11.0'], '8.10.1': [11935000, '8.10.1'], '8.9.1': [11230000, '8.9.1'], '8.8.0': [11010000, '8.8.0'] },
      entrypoint: ['/entrypoint.sh'],
      cmd: ['curl'],
      binaries: [...BUSYBOX, 'curl'],
      files: ALPINE_FILES,
      dashArgsRun: 'curl',
    },
  ],
};
