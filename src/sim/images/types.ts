/**
 * What an image is, as the kubelet and the container runtime see it: a parsed reference, the
 * registry's answer for a tag, and the server process an image starts by default. Each image
 * family (./<family>.ts) is an `ImageFamily`.
 */
import type { DocRoot } from './static-site';
import type { ResourceUse } from '../metrics/usage';
import type { ShellProgram } from '../../shell/interpreter';

/**
 * A program of an image that is neither a server nor a shell command: what it prints, what it
 * asks of the machine (`stress --vm-bytes 250M` wants 250 MiB), and when it exits by itself.
 */
export interface Workload {
  lines: Array<[offsetMs: number, text: string]>;
  wants: ResourceUse;
  exit?: { afterMs: number; code: number };
  /** SIGTERM as PID 1: a C program without a handler ignores it (killed at the grace period's end). */
  onSigterm: { afterMs: number; code: number } | 'ignore';
  /** How fast it reaches `wants.memoryBytes` (bytes per virtual second): when a limit bites. */
  memoryRampPerSec?: number;
  /** How `{ts}` in its lines is written (default glog's). */
  timestampStyle?: 'nginx' | 'glog';
}

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
  /**
   * Log lines written at start: [offsetMs, text]. `{ts}` is replaced by a formatted timestamp.
   * `ports` are the ports it listens on (resolved from the container when `declared`).
   */
  startup: (version: string, ports: number[]) => Array<[number, string]>;
  /** Lines written when stopped, and how long a clean shutdown takes. */
  shutdown: string[];
  /** Lines written instead when a process of the container sent SIGTERM (`kill 1`), with its PID. */
  terminated?: (fromPid: number) => string[];
  shutdownMs: number;
  /**
   * Exit code after SIGTERM (0 when unset). A Go program without a signal handler that is
   * PID 1 cannot die by the signal it re-raises and exits 2 (runtime dieFromSignal).
   */
  sigtermExitCode?: number;
  /** Container ports the server listens on (probes, later); `declared`: the container's own. */
  ports: number[] | 'declared';
  /**
   * Its health answers never change while it runs (the kube components' `/livez`): once a probe
   * of it succeeds, later runs would change nothing observable, so the kubelet skips them until
   * the container changes (idle clusters stay free of per-second probe timers).
   */
  steadyHealth?: boolean;
  /** It speaks TLS on its ports (metrics-server's 10250): an HTTPS probe reaches it, plain HTTP does not. */
  tls?: boolean;
  /**
   * How it answers an HTTP request on its ports: a bare path is a GET with no headers
   * (see ./http.ts `toRequest`); a full request carries the container's uptime and app state.
   */
  http?: (req: HttpRequest | string) => HttpAnswer;
  /** grpc.health.v1.Health/Check on `port`; undefined when nothing speaks gRPC there. */
  grpcHealth?: (service: string, req: AppContext, port: number) => GrpcHealthAnswer | undefined;
  /** A server whose behaviour depends on its arguments (agnhost's subcommands, http-echo's flags). */
  withArgs?: (args: string[]) => ServerBehaviour;
  /** A server of files: requests are answered from this folder of the container (./static-site.ts). */
  docroot?: DocRoot;
  /** `Server:` header and error-page signature (`nginx/{v}`). */
  serverName?: (version: string) => string;
  /**
   * What it prints when a port it listens on is already taken (containers of a pod share one
   * network namespace): the first `keep` startup lines, then `lines`, then exit 1 at `exitAfterMs`.
   */
  portInUse?: (port: number) => PortInUse;
  /** How `{ts}` is rendered in its log lines. */
  timestampStyle: 'nginx' | 'apache' | 'redis' | 'iso' | 'glog' | 'postgres' | 'none';
  /** What the entrypoint checks before starting it (postgres without a password): fail instead. */
  preflight?: (env: Record<string, string>) => { lines: Array<[number, string]>; exitAfterMs: number; code: number } | undefined;
}

/** A server that cannot bind its port: its output until it exits with code 1. */
export interface PortInUse {
  keep: number;
  lines: Array<[number, string]>;
  exitAfterMs: number;
}

/** What an app knows of the container instance it runs in. */
export interface AppContext {
  /** Virtual ms since the container started (apps whose answers change with time). */
  uptimeMs: number;
  /** Mutable state of this container instance (kuard's fail-next switches); fresh on each start. */
  state: AppState;
  /** The pod's hostname (serve-hostname, kuard). */
  hostname?: string;
  /** The pod's IPv4 addresses and the client's `ip:port` (Go's r.RemoteAddr), when a request came over the network (kuard's page). */
  addrs?: string[];
  remoteAddr?: string;
  /** The image's version (kuard's page shows it). */
  version?: string;
  /** Virtual ms since the epoch when the request arrived (kuard's memq stamps its messages). */
  now?: number;
}

export type AppState = Record<string, unknown>;

/** An HTTP request as an app sees it. */
export interface HttpRequest extends AppContext {
  method: string;
  /** Path with query, e.g. `/healthz` or `/echo?msg=hi`. */
  path: string;
  /** Header names as sent (Go canonical form: `User-Agent`). */
  headers: Record<string, string>;
  body?: string;
  /** Port the request arrived on. */
  port?: number;
}

/** An app's answer to an HTTP request. */
export interface HttpAnswer {
  status: number;
  contentType: string;
  body: string;
  /** Extra response headers, e.g. `Location` of a redirect. */
  headers?: Record<string, string>;
}

/** grpc.health.v1 HealthCheckResponse status, or the RPC error the server returns. */
export type GrpcHealthAnswer = 'SERVING' | 'NOT_SERVING' | 'UNKNOWN' | 'SERVICE_UNKNOWN' | { code: 'Unimplemented' | 'NotFound'; message: string };

export interface ImageInfo {
  repository: string;
  tag: string;
  /** `sha256:…`, what the kubelet reports in `imageID` (`repository@digest`). */
  digest: string;
  sizeBytes: number;
  entrypoint: string[];
  cmd: string[];
  /** Executables on PATH (basenames); a shell image has the usual coreutils. */
  binaries: ReadonlySet<string>;
  server?: ServerBehaviour;
  /** The image's files (path → content; `dir/` an empty directory). */
  files?: ReadonlyMap<string, string>;
  dashArgsRun?: string;
  /** Version string some servers print. */
  version: string;
  /** What its default app uses at rest (metrics; `kubectl top`). */
  idle?: ResourceUse;
  /** Its own programs that are workloads (`stress`), by argv: undefined when argv is not one. */
  workload?: (argv: string[], version: string) => Workload | undefined;
  /**
   * Its own program that talks to the network as it runs (kuard's memq worker), by argv:
   * undefined when argv is not one. It runs on the cluster's clock (src/sim/kubelet/live-process.ts).
   */
  networkProgram?: (argv: string[], version: string) => ShellProgram | undefined;
  /**
   * An image the playground cannot know (../generic.ts): its programs are unknown, so any
   * argv[0] outside its userland is taken to be its app.
   */
  opaque?: boolean;
}

/** One repository of an image family: its tags and what every tag runs. */
export interface ImageRepository {
  repository: string;
  tags: Record<string, [sizeBytes: number, version: string]>;
  entrypoint: string[];
  cmd: string[];
  binaries: string[];
  server?: ServerBehaviour;
  /** What its default app uses at rest (metrics; `kubectl top`). */
  idle?: ResourceUse;
  workload?: (argv: string[], version: string) => Workload | undefined;
  /**
   * Its own program that talks to the network as it runs (kuard's memq worker), by argv:
   * undefined when argv is not one. It runs on the cluster's clock (src/sim/kubelet/live-process.ts).
   */
  networkProgram?: (argv: string[], version: string) => ShellProgram | undefined;
  /** Its files (./files/): path → content, a path ending in `/` an empty directory. Default: its userland's. */
  files?: Record<string, string>;
  /** The program its entrypoint script runs when the arguments start with an option (`-s …`). */
  dashArgsRun?: string;
  /**
   * false: the catalog holds this one repository of a namespace it does not otherwise know
   * (`hashicorp/http-echo`), so the namespace's other images stay generic apps.
   */
  ownsNamespace?: boolean;
}

/**
 * The repositories that ship one image (Docker Hub's and mirrors), in one file: what a family
 * is grows here (its files, programs and app) as the world around the cluster is simulated.
 */
export interface ImageFamily {
  name: string;
  repositories: ImageRepository[];
}
