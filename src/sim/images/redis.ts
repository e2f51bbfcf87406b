/** Redis. */
import { MiB } from '../metrics/usage';
import type { ImageFamily, ServerBehaviour } from './types';
import { DEBIAN } from './userland';
import { DEBIAN_FILES } from './files/os';

const redisServer: ServerBehaviour = {
  binaries: ['redis-server'],
  ports: [6379],
  timestampStyle: 'redis',
  startup: (v) => [
    [0, '1:C {ts} * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo'],
    [0, `1:C {ts} * Redis version=${v}, bits=64, commit=00000000, modified=0, pid=1, just started`],
    [0, '1:C {ts} # Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf'],
    [1, '1:M {ts} * monotonic clock: POSIX clock_gettime'],
    [1, '1:M {ts} * Running mode=standalone, port=6379.'],
    [2, '1:M {ts} * Server initialized'],
    [2, '1:M {ts} * Ready to accept connections tcp'],
  ],
  // `bind * -::*`: the IPv4 wildcard fails first and initListeners aborts.
  portInUse: (port) => ({
    keep: 4,
    lines: [
      [1, `1:M {ts} # Warning: Could not create server TCP listening socket *:${port}: bind: Address already in use`],
      [1, `1:M {ts} # Failed listening on port ${port} (tcp), aborting.`],
    ],
    exitAfterMs: 1,
  }),
  shutdown: ['1:signal-handler ({ts}) Received SIGTERM scheduling shutdown...', '1:M {ts} * User requested shutdown...', '1:M {ts} * Saving the final RDB snapshot before exiting.', '1:M {ts} * DB saved on disk', '1:M {ts} # Redis is now ready to exit, bye bye...'],
  shutdownMs: 100,
};

export const redis: ImageFamily = {
  name: 'redis',
  repositories: [
    {
      repository: 'docker.io/library/redis',
      tags: { latest: [45006802, '7.4.1'], '7': [45006802, '7.4.1'], '7.4': [45006802, '7.4.1'], '7.4.1': [45006802, '7.4.1'], '7.2': [43433025, '7.2.6'], '6': [40177331, '6.2.16'], '6.2': [40177331, '6.2.16'], alpine: [17231016, '7.4.1'], '7-alpine': [17231016, '7.4.1'] },
      entrypoint: ['docker-entrypoint.sh'],
      cmd: ['redis-server'],
      binaries: [...DEBIAN, 'redis-server', 'redis-cli', 'docker-entrypoint.sh'],
      // WORKDIR /data, where it saves dump.rdb.
      files: { ...DEBIAN_FILES, '/data/': '' },
      server: redisServer,
      // Idle use: an empty redis: serverCron ticks at 10 Hz.
      idle: { cpuMillis: 2, memoryBytes: 3 * MiB + 600 * 1024 },
    },
  ],
};
