/** Alpine: a busybox userland, no server. */
import type { ImageFamily } from './types';
import { BUSYBOX } from './userland';
import { ALPINE_FILES } from './files/os';

export const alpine: ImageFamily = {
  name: 'alpine',
  repositories: [
    {
      repository: 'docker.io/library/alpine',
      tags: { latest: [3641716, '3.21'], '3': [3641716, '3.21'], '3.21': [3641716, '3.21'], '3.20': [3626898, '3.20'], '3.19': [3416598, '3.19'], '3.18': [3355428, '3.18'] },
      entrypoint: [],
      cmd: ['/bin/sh'],
      binaries: BUSYBOX,
      files: ALPINE_FILES,
    },
  ],
};
