/** MySQL: initializes its data directory before it accepts connections. */
import { MiB } from '../metrics/usage';
import type { ImageFamily, ServerBehaviour } from './types';
import { DEBIAN } from './userland';

const mysqlServer: ServerBehaviour = {
  binaries: ['mysqld'],
  ports: [3306],
  timestampStyle: 'iso',
  startup: (v) => [
    [0, `{ts}+00:00 [Note] [Entrypoint]: Entrypoint script for MySQL Server ${v}-1.el9 started.`],
    [300, `{ts}+00:00 [Note] [Entrypoint]: Switching to dedicated user 'mysql'`],
    [400, `{ts}+00:00 [Note] [Entrypoint]: Entrypoint script for MySQL Server ${v}-1.el9 started.`],
    [800, '{ts}+00:00 [Note] [Entrypoint]: Initializing database files'],
    [9000, '{ts}+00:00 [Note] [Entrypoint]: Database files initialized'],
    [9500, '{ts}+00:00 [Note] [Entrypoint]: Starting temporary server'],
    [12000, '{ts}+00:00 [Note] [Entrypoint]: Temporary server started.'],
    [14000, '{ts}+00:00 [Note] [Entrypoint]: Stopping temporary server'],
    [16000, '{ts}+00:00 [Note] [Entrypoint]: Temporary server stopped'],
    [16000, '{ts}+00:00 [Note] [Entrypoint]: MySQL init process done. Ready for start up.'],
    [18000, `{ts}Z 0 [System] [MY-015015] [Server] MySQL Server - start.`],
    [19000, `{ts}Z 0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '${v}'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL.`],
  ],
  shutdown: [`{ts}Z 0 [System] [MY-013172] [Server] Received SHUTDOWN from user <via user signal>. Shutting down mysqld (Version: 8.4.3).`, `{ts}Z 0 [System] [MY-010910] [Server] /usr/sbin/mysqld: Shutdown complete (mysqld 8.4.3)  MySQL Community Server - GPL.`],
  shutdownMs: 2000,
};

export const mysql: ImageFamily = {
  name: 'mysql',
  repositories: [
    {
      repository: 'docker.io/library/mysql',
      tags: { latest: [172986946, '9.1.0'], '9': [172986946, '9.1.0'], '8': [172640546, '8.4.3'], lts: [172640546, '8.4.3'], '8.4': [172640546, '8.4.3'], '8.0': [173108738, '8.0.40'], '5.7': [137909886, '5.7.44'] },
      entrypoint: ['docker-entrypoint.sh'],
      cmd: ['mysqld'],
      binaries: [...DEBIAN, 'mysqld', 'mysql', 'docker-entrypoint.sh'],
      server: mysqlServer,
      // Idle use: mysqld with its default 128M InnoDB buffer pool and performance_schema.
      idle: { cpuMillis: 5, memoryBytes: 412 * MiB },
    },
  ],
};
