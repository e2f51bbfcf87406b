/** nginx: the web server most examples run (STOPSIGNAL SIGQUIT: a graceful shutdown). */
import { MiB } from '../metrics/usage';
import type { ImageFamily, PortInUse, ServerBehaviour } from './types';
import { DEBIAN } from './userland';
import { DEBIAN_FILES } from './files/os';
import { NGINX_FILES } from './files/nginx';

const nginxServer: ServerBehaviour = {
  binaries: ['nginx', 'nginx-debug'],
  ports: [80],
  timestampStyle: 'nginx',
  startup: (v) => [
    [0, '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration'],
    [0, '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/'],
    [0, '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh'],
    [5, '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf'],
    [10, '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf'],
    [10, '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh'],
    [10, '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh'],
    [15, '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh'],
    [15, '/docker-entrypoint.sh: Configuration complete; ready for start up'],
    [20, '{ts} [notice] 1#1: using the "epoll" event method'],
    [20, `{ts} [notice] 1#1: nginx/${v}`],
    [20, '{ts} [notice] 1#1: built by gcc 12.2.0 (Debian 12.2.0-14) '],
    [20, '{ts} [notice] 1#1: OS: Linux 6.8.0-49-generic'],
    [20, '{ts} [notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576'],
    [20, '{ts} [notice] 1#1: start worker processes'],
    [20, '{ts} [notice] 1#1: start worker process 29'],
  ],
  portInUse: (port) => bindFailure(port),
  // 1.27.3's pages were built 2024-11-26T15:55:00Z (ETag "6745ef54-267").
  docroot: { root: '/usr/share/nginx/html', style: 'nginx', builtAt: 1_732_636_500_000 },
  serverName: (v) => `nginx/${v}`,
  // nginx's STOPSIGNAL is SIGQUIT: a graceful shutdown.
  shutdown: ['{ts} [notice] 1#1: signal 3 (SIGQUIT) received, shutting down', '{ts} [notice] 29#29: gracefully shutting down', '{ts} [notice] 29#29: exiting', '{ts} [notice] 29#29: exit', '{ts} [notice] 1#1: signal 17 (SIGCHLD) received from 29', '{ts} [notice] 1#1: worker process 29 exited with code 0', '{ts} [notice] 1#1: exit'],
  shutdownMs: 100,
  // SIGTERM is nginx's fast shutdown (ngx_signal_handler names the sender).
  terminated: (from) => [`{ts} [notice] 1#1: signal 15 (SIGTERM) received from ${from}, exiting`, '{ts} [notice] 29#29: exiting', '{ts} [notice] 29#29: exit', '{ts} [notice] 1#1: signal 17 (SIGCHLD) received from 29', '{ts} [notice] 1#1: worker process 29 exited with code 0', '{ts} [notice] 1#1: exit'],
};

/**
 * ngx_open_listening_sockets: 5 tries 500 ms apart over every listener (the image's default.conf
 * listens on 0.0.0.0 and, the entrypoint enabled it, [::]); an emerg line goes to the error log
 * (/dev/stderr) and again to stderr as `nginx: [emerg]`; then `still could not bind()`, exit 1.
 * It fails inside ngx_init_cycle, before the event module logs its `using the "epoll"` notice.
 */
function bindFailure(port: number): PortInUse {
  const lines: Array<[number, string]> = [];
  const emerg = (at: number, msg: string) => lines.push([at, `{ts} [emerg] 1#1: ${msg}`], [at, `nginx: [emerg] ${msg}`]);
  let at = 20;
  for (let tries = 5; tries; tries--, at += 500) {
    for (const addr of [`0.0.0.0:${port}`, `[::]:${port}`]) emerg(at, `bind() to ${addr} failed (98: Address already in use)`);
    lines.push([at, '{ts} [notice] 1#1: try again to bind() after 500ms']);
  }
  emerg(at, 'still could not bind()');
  return { keep: 9, lines, exitAfterMs: at };
}

export const nginx: ImageFamily = {
  name: 'nginx',
  repositories: [
    {
      repository: 'docker.io/library/nginx',
      tags: {
        latest: [72099410, '1.27.3'], mainline: [72099410, '1.27.3'], '1': [72099410, '1.27.3'], '1.27': [72099410, '1.27.3'], '1.27.3': [72099410, '1.27.3'],
        '1.27.2': [71026652, '1.27.2'], '1.27.1': [71027698, '1.27.1'], '1.27.0': [71010466, '1.27.0'], stable: [71007294, '1.26.2'], '1.26': [71007294, '1.26.2'],
        '1.26.2': [71007294, '1.26.2'], '1.25': [70544635, '1.25.5'], '1.25.5': [70544635, '1.25.5'], '1.24': [56863950, '1.24.0'], '1.23': [56747620, '1.23.4'],
        alpine: [20506211, '1.27.3'], '1.27-alpine': [20506211, '1.27.3'], 'stable-alpine': [19995233, '1.26.2'], '1.25-alpine': [18946297, '1.25.5'],
      },
      entrypoint: ['/docker-entrypoint.sh'],
      cmd: ['nginx', '-g', 'daemon off;'],
      binaries: [...DEBIAN, 'nginx', 'nginx-debug', 'curl'],
      server: nginxServer,
      // Idle use: nginx master and one worker per CPU, at rest.
      idle: { cpuMillis: 0, memoryBytes: 3 * MiB + 270 * 1024 },
      files: { ...DEBIAN_FILES, ...NGINX_FILES },
    },
  ],
};

/** The Kubernetes docs' nginx (StatefulSet Basics): a small Debian with nginx, the same server. */
export const nginxSlim: ImageFamily = {
  name: 'nginx-slim',
  repositories: [
    {
      repository: 'registry.k8s.io/nginx-slim',
      tags: { '0.21': [31478345, '1.25.3'], '0.22': [31501236, '1.25.3'], '0.23': [31529772, '1.25.3'], '0.24': [31548901, '1.27.0'], '0.26': [31569032, '1.27.0'], '0.27': [31571884, '1.27.2'] },
      entrypoint: [],
      cmd: ['nginx', '-g', 'daemon off;'],
      binaries: [...DEBIAN, 'nginx', 'curl'],
      server: nginxServer,
      idle: { cpuMillis: 0, memoryBytes: 3 * MiB + 270 * 1024 },
      files: { ...DEBIAN_FILES, ...NGINX_FILES },
    },
  ],
};
