/** Ubuntu: a Debian userland with bash, no server. */
import type { ImageFamily } from './types';
import { DEBIAN } from './userland';
import { UBUNTU_FILES } from './files/os';

export const ubuntu: ImageFamily = {
  name: 'ubuntu',
  repositories: [
    {
      repository: 'docker.io/library/ubuntu',
      tags: { latest: [29754422, '24.04'], '24.04': [29754422, '24.04'], noble: [29754422, '24.04'], '22.04': [29534055, '22.04'], jammy: [29534055, '22.04'], '20.04': [27514545, '20.04'], focal: [27514545, '20.04'] },
      entrypoint: [],
      cmd: ['/bin/bash'],
      binaries: DEBIAN,
      files: UBUNTU_FILES,
    },
  ],
};
