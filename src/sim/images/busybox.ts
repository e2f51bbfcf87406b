/** busybox: a shell and applets, no server (Docker Hub and registry.k8s.io copies). */
import type { ImageFamily } from './types';
import { BUSYBOX } from './userland';

export const busybox: ImageFamily = {
  name: 'busybox',
  repositories: [
    {
      repository: 'docker.io/library/busybox',
      tags: { latest: [2166802, '1.37.0'], '1.37': [2166802, '1.37.0'], '1.37.0': [2166802, '1.37.0'], '1.36': [2160406, '1.36.1'], '1.36.1': [2160406, '1.36.1'], '1.35': [2217435, '1.35.0'], '1.28': [727869, '1.28.4'], stable: [2166802, '1.37.0'], musl: [869839, '1.37.0'], glibc: [2166802, '1.37.0'], uclibc: [1001209, '1.37.0'] },
      entrypoint: [],
      cmd: ['sh'],
      binaries: BUSYBOX,
    },
    {
      repository: 'registry.k8s.io/busybox',
      tags: { latest: [1144547, '1.24'], '1.24': [1144547, '1.24'], '1.27.2': [1313873, '1.27.2'] },
      entrypoint: [],
      cmd: ['sh'],
      binaries: BUSYBOX,
    },
  ],
};
