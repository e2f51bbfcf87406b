/** Fluentd, the log collector (Docker Hub, fluent/ and the fluentd-elasticsearch image). */
import { MiB } from '../metrics/usage';
import type { ImageFamily, ServerBehaviour } from './types';
import { BUSYBOX, DEBIAN } from './userland';

const fluentdServer: ServerBehaviour = {
  binaries: ['fluentd', 'tini'],
  ports: [24224],
  timestampStyle: 'iso',
  startup: (v) => [
    [0, `{ts} +0000 [info]: init supervisor logger path=nil rotate_age=nil rotate_size=nil`],
    [200, `{ts} +0000 [info]: starting fluentd-${v} pid=7 ruby="3.2.2"`],
    [400, '{ts} +0000 [info]: spawn command to main:  cmdline=["/usr/bin/ruby", "-Eascii-8bit:ascii-8bit", "/usr/bin/fluentd", "--config", "/fluentd/etc/fluent.conf", "--plugin", "/fluentd/plugins", "--under-supervisor"]'],
    [1200, '{ts} +0000 [info]: #0 fluentd worker is now running worker=0'],
  ],
  shutdown: ['{ts} +0000 [info]: Received graceful stop', '{ts} +0000 [info]: #0 fluentd worker is now stopping worker=0'],
  shutdownMs: 300,
};

export const fluentd: ImageFamily = {
  name: 'fluentd',
  repositories: [
    {
      repository: 'docker.io/library/fluentd',
      tags: { latest: [43960722, '1.16.2'], 'v1.16-1': [43960722, '1.16.2'], 'v1.17-1': [44874108, '1.17.1'] },
      entrypoint: ['tini', '--', '/bin/entrypoint.sh'],
      cmd: ['fluentd'],
      binaries: [...BUSYBOX, 'fluentd', 'tini', 'ruby'],
      server: fluentdServer,
      // Idle use: a Ruby process with its plugins loaded.
      idle: { cpuMillis: 3, memoryBytes: 62 * MiB },
    },
    {
      repository: 'docker.io/fluent/fluentd',
      tags: { latest: [43960722, '1.16.2'], 'v1.16-1': [43960722, '1.16.2'], 'v1.17-1': [44874108, '1.17.1'], 'v1.16-debian-1': [58773050, '1.16.2'] },
      entrypoint: ['tini', '--', '/bin/entrypoint.sh'],
      cmd: ['fluentd'],
      binaries: [...BUSYBOX, 'fluentd', 'tini', 'ruby'],
      server: fluentdServer,
      // Idle use: a Ruby process with its plugins loaded.
      idle: { cpuMillis: 3, memoryBytes: 62 * MiB },
    },
    {
      repository: 'quay.io/fluentd_elasticsearch/fluentd',
      tags: { 'v2.5.2': [53413262, '1.4.2'], 'v3.4.0': [68431502, '1.12.0'], latest: [68431502, '1.12.0'] },
      entrypoint: ['/run.sh'],
      cmd: [],
      binaries: [...DEBIAN, 'fluentd', 'run.sh'],
      server: { ...fluentdServer, binaries: ['run.sh', 'fluentd'] },
      // Idle use: a Ruby process with its plugins loaded.
      idle: { cpuMillis: 3, memoryBytes: 62 * MiB },
    },
  ],
};
