/**
 * The simulated image registry: which images and tags exist, how big they are (what the
 * kubelet prints in `Pulled … Image size: N bytes.`), their ENTRYPOINT/CMD, the executables on
 * their PATH, and how their default server process behaves (startup log lines, stop signal).
 */
import { hash32 } from '../rng';

export interface ImageRef {
  /** As written in the pod spec. */
  raw: string;
  /** `docker.io/library/nginx` */
  repository: string;
  /** `latest` when neither tag nor digest was given. */
  tag?: string;
  digest?: string;
  /** `docker.io/library/nginx:1.27` (what containerd reports as `image`). */
  normalized: string;
}

/** A long-running server an image starts by default. */
export interface ServerBehaviour {
  /** Executables (basename) that start the server, e.g. `nginx`, `httpd-foreground`. */
  binaries: string[];
  /** Log lines written at start: [offsetMs, text]. `{ts}` is replaced by a formatted timestamp. */
  startup: (version: string) => Array<[number, string]>;
  /** Lines written when stopped, and how long a clean shutdown takes. */
  shutdown: string[];
  shutdownMs: number;
  /** Container ports the server listens on (probes, later). */
  ports: number[];
  /** How `{ts}` is rendered in its log lines. */
  timestampStyle: 'nginx' | 'apache' | 'redis' | 'iso' | 'none';
}

export interface ImageInfo {
  repository: string;
  tag: string;
  sizeBytes: number;
  entrypoint: string[];
  cmd: string[];
  /** Executables on PATH (basenames); a shell image has the usual coreutils. */
  binaries: ReadonlySet<string>;
  server?: ServerBehaviour;
  /** Version string some servers print. */
  version: string;
}

const COREUTILS = ['sh', 'echo', 'sleep', 'cat', 'touch', 'rm', 'ls', 'date', 'env', 'printenv', 'true', 'false', 'mkdir', 'test', '[', 'hostname', 'head', 'tail', 'grep', 'wc', 'seq', 'yes', 'tee', 'kill', 'ps', 'id', 'pwd', 'uname'];
const BUSYBOX = [...COREUTILS, 'wget', 'nslookup', 'ping', 'nc', 'top', 'vi', 'ash', 'timeout'];
const DEBIAN = [...COREUTILS, 'bash', 'dash', 'apt-get', 'perl'];

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
  // nginx's STOPSIGNAL is SIGQUIT: a graceful shutdown.
  shutdown: ['{ts} [notice] 1#1: signal 3 (SIGQUIT) received, shutting down', '{ts} [notice] 29#29: gracefully shutting down', '{ts} [notice] 29#29: exiting', '{ts} [notice] 29#29: exit', '{ts} [notice] 1#1: signal 17 (SIGCHLD) received from 29', '{ts} [notice] 1#1: worker process 29 exited with code 0', '{ts} [notice] 1#1: exit'],
  shutdownMs: 100,
};

const httpdServer: ServerBehaviour = {
  binaries: ['httpd-foreground', 'httpd'],
  ports: [80],
  timestampStyle: 'apache',
  startup: (v) => [
    [0, "AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using 10.244.0.0. Set the 'ServerName' directive globally to suppress this message"],
    [5, "AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using 10.244.0.0. Set the 'ServerName' directive globally to suppress this message"],
    [10, `[{ts}] [mpm_event:notice] [pid 1:tid 1] AH00489: Apache/${v} (Unix) configured -- resuming normal operations`],
    [10, "[{ts}] [core:notice] [pid 1:tid 1] AH00094: Command line: 'httpd -D FOREGROUND'"],
  ],
  shutdown: ['[{ts}] [mpm_event:notice] [pid 1:tid 1] AH00492: caught SIGWINCH, shutting down gracefully'],
  shutdownMs: 200,
};

const phpApacheServer: ServerBehaviour = {
  ...httpdServer,
  binaries: ['apache2-foreground', 'apache2'],
  startup: () => [
    [0, "AH00558: apache2: Could not reliably determine the server's fully qualified domain name, using 10.244.0.0. Set the 'ServerName' directive globally to suppress this message"],
    [5, "AH00558: apache2: Could not reliably determine the server's fully qualified domain name, using 10.244.0.0. Set the 'ServerName' directive globally to suppress this message"],
    [10, '[{ts}] [mpm_prefork:notice] [pid 1] AH00163: Apache/2.4.10 (Debian) PHP/5.6.14 configured -- resuming normal operations'],
    [10, "[{ts}] [core:notice] [pid 1] AH00094: Command line: 'apache2 -D FOREGROUND'"],
  ],
  shutdown: ['[{ts}] [mpm_prefork:notice] [pid 1] AH00170: caught SIGWINCH, shutting down gracefully'],
};

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
  shutdown: ['1:signal-handler ({ts}) Received SIGTERM scheduling shutdown...', '1:M {ts} * User requested shutdown...', '1:M {ts} * Saving the final RDB snapshot before exiting.', '1:M {ts} * DB saved on disk', '1:M {ts} # Redis is now ready to exit, bye bye...'],
  shutdownMs: 100,
};

const kuardServer: ServerBehaviour = {
  binaries: ['kuard'],
  ports: [8080],
  timestampStyle: 'nginx',
  startup: (v) => [
    [0, `{ts} Starting kuard version: ${v}`],
    [0, '{ts} **********************************************************************'],
    [0, '{ts} * WARNING: This server may expose sensitive'],
    [0, '{ts} * and secret information. Be careful.'],
    [0, '{ts} **********************************************************************'],
    [1, '{ts} Config: '],
    [1, '{"address":":8080","debug":false,"debug-sitedata-dir":"./sitedata","keygen":{"enable":false,"exit-code":0,"exit-on-complete":false,"memq-queue":"","memq-server":"","num-to-gen":0,"time-to-run":0},"liveness":{"fail-next":0},"readiness":{"fail-next":0},"tls-address":":8443","tls-dir":"/tls"}'],
    [2, '{ts} Could not find certificates to serve TLS'],
    [2, '{ts} Serving on HTTP on :8080'],
  ],
  shutdown: [],
  shutdownMs: 10,
};

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

const mongoServer: ServerBehaviour = {
  binaries: ['mongod'],
  ports: [27017],
  timestampStyle: 'iso',
  startup: (v) => [
    [0, `{"t":{"$date":"{ts}.000+00:00"},"s":"I",  "c":"CONTROL",  "id":23285,   "ctx":"main","msg":"Automatically disabling TLS 1.0, to force-enable TLS 1.0 specify --sslDisabledProtocols 'none'"}`],
    [100, `{"t":{"$date":"{ts}.100+00:00"},"s":"I",  "c":"CONTROL",  "id":4615611, "ctx":"initandlisten","msg":"MongoDB starting","attr":{"pid":1,"port":27017,"dbPath":"/data/db","architecture":"64-bit","host":"mongo"}}`],
    [150, `{"t":{"$date":"{ts}.150+00:00"},"s":"I",  "c":"CONTROL",  "id":23403,   "ctx":"initandlisten","msg":"Build Info","attr":{"buildInfo":{"version":"${v}"}}}`],
    [900, `{"t":{"$date":"{ts}.900+00:00"},"s":"I",  "c":"NETWORK",  "id":23016,   "ctx":"listener","msg":"Waiting for connections","attr":{"port":27017,"ssl":"off"}}`],
  ],
  shutdown: [`{"t":{"$date":"{ts}.000+00:00"},"s":"I",  "c":"CONTROL",  "id":23377,   "ctx":"SignalHandler","msg":"Received signal","attr":{"signal":15,"error":"Terminated"}}`],
  shutdownMs: 500,
};

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

interface RepoSpec {
  repository: string;
  tags: Record<string, [sizeBytes: number, version: string]>;
  entrypoint: string[];
  cmd: string[];
  binaries: string[];
  server?: ServerBehaviour;
}

const REPOS: RepoSpec[] = [
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
  },
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
  {
    repository: 'gcr.io/kuar-demo/kuard-amd64',
    tags: { blue: [11462354, 'v0.10.0-blue'], green: [11462306, 'v0.10.0-green'], purple: [11462382, 'v0.10.0-purple'], '1': [8137374, '1'], '2': [8137409, '2'], '3': [8137426, '3'], latest: [8137426, '3'] },
    entrypoint: ['/kuard'],
    cmd: [],
    binaries: ['kuard', 'sh', 'echo', 'sleep', 'cat', 'ls', 'date', 'env', 'true', 'false'],
    server: kuardServer,
  },
  {
    repository: 'docker.io/library/httpd',
    tags: { latest: [58208232, '2.4.62'], '2': [58208232, '2.4.62'], '2.4': [58208232, '2.4.62'], '2.4.62': [58208232, '2.4.62'], alpine: [23149871, '2.4.62'], '2.4-alpine': [23149871, '2.4.62'] },
    entrypoint: [],
    cmd: ['httpd-foreground'],
    binaries: [...DEBIAN, 'httpd', 'httpd-foreground', 'apachectl'],
    server: httpdServer,
  },
  {
    repository: 'docker.io/library/redis',
    tags: { latest: [45006802, '7.4.1'], '7': [45006802, '7.4.1'], '7.4': [45006802, '7.4.1'], '7.4.1': [45006802, '7.4.1'], '7.2': [43433025, '7.2.6'], '6': [40177331, '6.2.16'], '6.2': [40177331, '6.2.16'], alpine: [17231016, '7.4.1'], '7-alpine': [17231016, '7.4.1'] },
    entrypoint: ['docker-entrypoint.sh'],
    cmd: ['redis-server'],
    binaries: [...DEBIAN, 'redis-server', 'redis-cli', 'docker-entrypoint.sh'],
    server: redisServer,
  },
  {
    repository: 'docker.io/library/ubuntu',
    tags: { latest: [29754422, '24.04'], '24.04': [29754422, '24.04'], noble: [29754422, '24.04'], '22.04': [29534055, '22.04'], jammy: [29534055, '22.04'], '20.04': [27514545, '20.04'], focal: [27514545, '20.04'] },
    entrypoint: [],
    cmd: ['/bin/bash'],
    binaries: DEBIAN,
  },
  {
    repository: 'docker.io/library/alpine',
    tags: { latest: [3641716, '3.21'], '3': [3641716, '3.21'], '3.21': [3641716, '3.21'], '3.20': [3626898, '3.20'], '3.19': [3416598, '3.19'], '3.18': [3355428, '3.18'] },
    entrypoint: [],
    cmd: ['/bin/sh'],
    binaries: BUSYBOX,
  },
  {
    repository: 'docker.io/library/debian',
    tags: { latest: [48476160, '12'], '12': [48476160, '12'], bookworm: [48476160, '12'], 'bookworm-slim': [28227259, '12'], '11': [55075936, '11'], bullseye: [55075936, '11'] },
    entrypoint: [],
    cmd: ['bash'],
    binaries: DEBIAN,
  },
  {
    repository: 'docker.io/library/mysql',
    tags: { latest: [172986946, '9.1.0'], '9': [172986946, '9.1.0'], '8': [172640546, '8.4.3'], lts: [172640546, '8.4.3'], '8.4': [172640546, '8.4.3'], '8.0': [173108738, '8.0.40'], '5.7': [137909886, '5.7.44'] },
    entrypoint: ['docker-entrypoint.sh'],
    cmd: ['mysqld'],
    binaries: [...DEBIAN, 'mysqld', 'mysql', 'docker-entrypoint.sh'],
    server: mysqlServer,
  },
  {
    repository: 'docker.io/library/mongo',
    tags: { latest: [288520524, '8.0.3'], '8': [288520524, '8.0.3'], '8.0': [288520524, '8.0.3'], '7': [256770154, '7.0.15'], '7.0': [256770154, '7.0.15'], '6': [248372052, '6.0.19'], '6.0': [248372052, '6.0.19'] },
    entrypoint: ['docker-entrypoint.sh'],
    cmd: ['mongod'],
    binaries: [...DEBIAN, 'mongod', 'mongosh', 'docker-entrypoint.sh'],
    server: mongoServer,
  },
  {
    repository: 'registry.k8s.io/hpa-example',
    tags: { latest: [184856524, '1'] },
    entrypoint: [],
    cmd: ['apache2-foreground'],
    binaries: [...DEBIAN, 'apache2', 'apache2-foreground', 'php'],
    server: phpApacheServer,
  },
  {
    repository: 'docker.io/library/fluentd',
    tags: { latest: [43960722, '1.16.2'], 'v1.16-1': [43960722, '1.16.2'], 'v1.17-1': [44874108, '1.17.1'] },
    entrypoint: ['tini', '--', '/bin/entrypoint.sh'],
    cmd: ['fluentd'],
    binaries: [...BUSYBOX, 'fluentd', 'tini', 'ruby'],
    server: fluentdServer,
  },
  {
    repository: 'docker.io/fluent/fluentd',
    tags: { latest: [43960722, '1.16.2'], 'v1.16-1': [43960722, '1.16.2'], 'v1.17-1': [44874108, '1.17.1'], 'v1.16-debian-1': [58773050, '1.16.2'] },
    entrypoint: ['tini', '--', '/bin/entrypoint.sh'],
    cmd: ['fluentd'],
    binaries: [...BUSYBOX, 'fluentd', 'tini', 'ruby'],
    server: fluentdServer,
  },
  {
    repository: 'quay.io/fluentd_elasticsearch/fluentd',
    tags: { 'v2.5.2': [53413262, '1.4.2'], 'v3.4.0': [68431502, '1.12.0'], latest: [68431502, '1.12.0'] },
    entrypoint: ['/run.sh'],
    cmd: [],
    binaries: [...DEBIAN, 'fluentd', 'run.sh'],
    server: { ...fluentdServer, binaries: ['run.sh', 'fluentd'] },
  },
];

const BY_REPO = new Map(REPOS.map((r) => [r.repository, r]));

// Docker's reference grammar (distribution/reference), restricted to what kubelet accepts.
const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*';
const DOMAIN = '(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?';
const REFERENCE = new RegExp(`^((?:${DOMAIN}/)?${COMPONENT}(?:/${COMPONENT})*)(?::([\\w][\\w.-]{0,127}))?(?:@(sha256:[a-f0-9]{64}))?$`);

export class InvalidImageName extends Error {}

/**
 * Parses and normalizes an image reference as the kubelet does (`nginx` →
 * `docker.io/library/nginx:latest`). Throws InvalidImageName with the kubelet's message.
 */
export function parseImageRef(raw: string): ImageRef {
  const m = REFERENCE.exec(raw);
  if (!m) {
    const lower = raw.toLowerCase();
    const why = lower !== raw && REFERENCE.test(lower)
      ? `invalid reference format: repository name (${familiarPath(raw)}) must be lowercase`
      : 'invalid reference format';
    throw new InvalidImageName(`Failed to apply default image tag "${raw}": couldn't parse image name "${raw}": ${why}`);
  }
  const [, name, tag, digest] = m;
  const repository = normalizeRepository(name);
  const effectiveTag = tag ?? (digest ? undefined : 'latest');
  let normalized = repository;
  if (effectiveTag) normalized += `:${effectiveTag}`;
  if (digest) normalized += `@${digest}`;
  return { raw, repository, tag: effectiveTag, digest, normalized };
}

function familiarPath(raw: string): string {
  const name = raw.split(/[:@]/)[0];
  const first = name.split('/')[0];
  const hasDomain = name.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  if (hasDomain) return name.slice(first.length + 1);
  return name.includes('/') ? name : `library/${name}`;
}

function normalizeRepository(name: string): string {
  const slash = name.indexOf('/');
  const first = slash < 0 ? '' : name.slice(0, slash);
  if (slash >= 0 && (first.includes('.') || first.includes(':') || first === 'localhost')) {
    return first === 'index.docker.io' ? `docker.io/${name.slice(slash + 1)}` : name;
  }
  return slash < 0 ? `docker.io/library/${name}` : `docker.io/${name}`;
}

/** The image the registry holds for `ref`, or undefined (not found / no such tag). */
export function lookupImage(ref: ImageRef): ImageInfo | undefined {
  const repo = BY_REPO.get(ref.repository);
  if (!repo) return undefined;
  let entry: [number, string] | undefined;
  let tag = ref.tag;
  if (tag !== undefined) entry = Object.hasOwn(repo.tags, tag) ? repo.tags[tag] : undefined;
  else {
    // Digest-only: any digest of a known repository resolves (we cannot know real digests).
    tag = 'latest';
    entry = repo.tags.latest ?? Object.values(repo.tags)[0];
  }
  if (!entry) return undefined;
  return {
    repository: repo.repository,
    tag,
    sizeBytes: entry[0],
    version: entry[1],
    entrypoint: repo.entrypoint,
    cmd: repo.cmd,
    binaries: new Set(repo.binaries),
    server: repo.server,
  };
}

/** Stable fake digest of an image (for imageID `repo@sha256:…`). */
export function imageDigest(repository: string, tag: string): string {
  let hex = '';
  for (let i = 0; hex.length < 64; i++) hex += hash32(`${repository}:${tag}#${i}`).toString(16).padStart(8, '0');
  return `sha256:${hex.slice(0, 64)}`;
}

/** The CRI error of a failed pull, as the kubelet prints it after `Failed to pull image "x": `. */
export function pullErrorMessage(ref: ImageRef): string {
  const n = ref.normalized;
  if (!BY_REPO.has(ref.repository)) {
    return `rpc error: code = Unknown desc = failed to pull and unpack image "${n}": failed to resolve reference "${n}": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`;
  }
  return `rpc error: code = NotFound desc = failed to pull and unpack image "${n}": failed to resolve reference "${n}": ${n}: not found`;
}

/** Known repositories (for tests and lesson authors). */
export function knownRepositories(): string[] {
  return REPOS.map((r) => r.repository);
}
