/**
 * PostgreSQL (the official image, Debian bookworm): docker-entrypoint.sh refuses to initialise
 * without POSTGRES_PASSWORD (docker_verify_minimum_env, exit 1), else runs initdb, a temporary
 * server, then postgres, which accepts connections on 5432 a few seconds after the start.
 * Sizes are the kubelet's `Image size` for tags seen pulled (17.6, latest, 15- and 14-alpine);
 * the others are estimates.
 */
import type { ImageFamily, ServerBehaviour } from './types';
import { DEBIAN } from './userland';

const MISSING_PASSWORD = [
  'Error: Database is uninitialized and superuser password is not specified.',
  '       You must specify POSTGRES_PASSWORD to a non-empty value for the',
  '       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".',
  '',
  '       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all',
  '       connections without a password. This is *not* recommended.',
  '',
  '       See PostgreSQL documentation about "trust":',
  '       https://www.postgresql.org/docs/current/auth-trust.html',
];

const postgresServer: ServerBehaviour = {
  binaries: ['postgres'],
  ports: [5432],
  timestampStyle: 'postgres',
  preflight: (env) => (env.POSTGRES_PASSWORD || env.POSTGRES_HOST_AUTH_METHOD === 'trust' ? undefined : { lines: MISSING_PASSWORD.map((t) => [40, t]), exitAfterMs: 40, code: 1 }),
  startup: (v) => [
    [0, 'The files belonging to this database system will be owned by user "postgres".'],
    [0, 'This user must also own the server process.'],
    [0, ''],
    [0, 'The database cluster will be initialized with locale "en_US.utf8".'],
    [0, 'The default database encoding has accordingly been set to "UTF8".'],
    [0, 'The default text search configuration will be set to "english".'],
    [0, ''],
    [0, 'Data page checksums are disabled.'],
    [0, ''],
    [10, 'fixing permissions on existing directory /var/lib/postgresql/data ... ok'],
    [20, 'creating subdirectories ... ok'],
    [30, 'selecting dynamic shared memory implementation ... posix'],
    [60, 'selecting default "max_connections" ... 100'],
    [90, 'selecting default "shared_buffers" ... 128MB'],
    [100, 'selecting default time zone ... Etc/UTC'],
    [110, 'creating configuration files ... ok'],
    [600, 'running bootstrap script ... ok'],
    [1800, 'performing post-bootstrap initialization ... ok'],
    [1900, 'syncing data to disk ... ok'],
    [1900, ''],
    [1900, ''],
    [1900, 'Success. You can now start the database server using:'],
    [1900, ''],
    [1900, '    pg_ctl -D /var/lib/postgresql/data -l logfile start'],
    [1900, ''],
    [1900, 'initdb: warning: enabling "trust" authentication for local connections'],
    [1900, 'initdb: hint: You can change this by editing pg_hba.conf or using the option -A, or --auth-local and --auth-host, the next time you run initdb.'],
    [2000, `waiting for server to start....{ts} [48] LOG:  starting PostgreSQL ${v} (Debian ${v}-1.pgdg120+1) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit`],
    [2000, '{ts} [48] LOG:  listening on Unix socket "/var/run/postgresql/.s.PGSQL.5432"'],
    [2100, '{ts} [51] LOG:  database system was shut down at {tss}'],
    [2100, '{ts} [48] LOG:  database system is ready to accept connections'],
    [2200, ' done'],
    [2200, 'server started'],
    [2300, ''],
    [2300, '/usr/local/bin/docker-entrypoint.sh: ignoring /docker-entrypoint-initdb.d/*'],
    [2300, ''],
    [2300, 'waiting for server to shut down....{ts} [48] LOG:  received fast shutdown request'],
    [2300, '{ts} [48] LOG:  aborting any active transactions'],
    [2300, '{ts} [48] LOG:  background worker "logical replication launcher" (PID 54) exited with exit code 1'],
    [2300, '{ts} [49] LOG:  shutting down'],
    [2400, '{ts} [48] LOG:  database system is shut down'],
    [2500, ' done'],
    [2500, 'server stopped'],
    [2500, ''],
    [2500, 'PostgreSQL init process complete; ready for start up.'],
    [2500, ''],
    [2600, `{ts} [1] LOG:  starting PostgreSQL ${v} (Debian ${v}-1.pgdg120+1) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit`],
    [2600, '{ts} [1] LOG:  listening on IPv4 address "0.0.0.0", port 5432'],
    [2600, '{ts} [1] LOG:  listening on IPv6 address "::", port 5432'],
    [2600, '{ts} [1] LOG:  listening on Unix socket "/var/run/postgresql/.s.PGSQL.5432"'],
    [2700, '{ts} [64] LOG:  database system was shut down at {tss}'],
    [2700, '{ts} [1] LOG:  database system is ready to accept connections'],
  ],
  shutdown: ['{ts} [1] LOG:  received fast shutdown request', '{ts} [1] LOG:  aborting any active transactions', '{ts} [1] LOG:  background worker "logical replication launcher" (PID 67) exited with exit code 1', '{ts} [62] LOG:  shutting down', '{ts} [1] LOG:  database system is shut down'],
  shutdownMs: 300,
};

export const postgres: ImageFamily = {
  name: 'postgres',
  repositories: [
    {
      repository: 'docker.io/library/postgres',
      tags: {
        latest: [161430709, '17.2'], '17': [161430709, '17.2'], '17.2': [161430709, '17.2'], '17.6': [160049290, '17.6'], '16': [158950000, '16.6'], '16.6': [158950000, '16.6'], '15': [155210000, '15.10'],
        '14': [153980000, '14.15'], '13': [150620000, '13.18'], alpine: [112690000, '17.2'], '17-alpine': [112690000, '17.2'], '16-alpine': [110820000, '16.6'], '15-alpine': [109148447, '15.10'], '14-alpine': [108556583, '14.15'],
      },
      entrypoint: ['docker-entrypoint.sh'],
      cmd: ['postgres'],
      binaries: [...DEBIAN, 'postgres', 'psql', 'pg_ctl', 'initdb', 'docker-entrypoint.sh'],
      server: postgresServer,
    },
  ],
};
