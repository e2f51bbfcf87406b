/** Debian: bash and coreutils, no server. */
import type { ImageFamily } from './types';
import { DEBIAN } from './userland';

export const debian: ImageFamily = {
  name: 'debian',
  repositories: [
    {
      repository: 'docker.io/library/debian',
      tags: { latest: [48476160, '12'], '12': [48476160, '12'], bookworm: [48476160, '12'], 'bookworm-slim': [28227259, '12'], '11': [55075936, '11'], bullseye: [55075936, '11'] },
      entrypoint: [],
      cmd: ['bash'],
      binaries: DEBIAN,
    },
  ],
};
