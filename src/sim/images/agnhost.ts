/**
 * agnhost, Kubernetes' e2e test image (registry.k8s.io/e2e-test-images/agnhost): one binary
 * whose subcommand picks the app (test/images/agnhost). The probe task uses `liveness`
 * (/healthz answers 200 for the first 10 s, then 500); the docs also use `netexec`,
 * `serve-hostname`, `grpc-health-checking` and `pause`.
 */
import { NOT_FOUND, goDurationString, pathOnly, queryParam, text, toRequest } from './http';
import type { HttpAnswer, HttpRequest, ImageFamily, ServerBehaviour } from './types';

const base = { binaries: ['agnhost'], shutdown: [], shutdownMs: 0, timestampStyle: 'nginx' as const };

/** `--name=value` or `--name value` from Go flags (pflag accepts both). */
export function flag(args: string[], name: string): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i].replace(/^--?/, '-');
    if (a === `-${name}`) return args[i + 1];
    if (a.startsWith(`-${name}=`)) return a.slice(name.length + 2);
  }
  return undefined;
}

function port(args: string[], name: string, dflt: number): number {
  const v = Number(flag(args, name));
  return Number.isInteger(v) && v > 0 ? v : dflt;
}

/** liveness/server.go: /healthz is 200 "ok" up to 10 s after start, then 500 `error: <seconds>`. */
function liveness(raw: HttpRequest | string): HttpAnswer {
  const req = toRequest(raw);
  const secs = req.uptimeMs / 1000;
  switch (pathOnly(req.path)) {
    case '/started':
      return text(200, goDurationString(req.uptimeMs));
    case '/healthz':
      return secs > 10 ? text(500, `error: ${secs}`) : text(200, 'ok');
    case '/redirect': {
      const loc = queryParam(req.path, 'loc') ?? '';
      return { status: 302, contentType: 'text/html; charset=utf-8', body: `<a href="${loc}">Found</a>.\n\n`, headers: { Location: loc } };
    }
    default:
      return NOT_FOUND;
  }
}

/** netexec/netexec.go: the endpoints the Service docs call. */
function netexec(raw: HttpRequest | string): HttpAnswer {
  const req = toRequest(raw);
  switch (pathOnly(req.path)) {
    case '/echo':
      return text(200, queryParam(req.path, 'msg') ?? '');
    case '/hostname':
      return text(200, req.hostname ?? '');
    case '/healthz':
      return text(200, '');
    default:
      return NOT_FOUND;
  }
}

function withArgs(args: string[]): ServerBehaviour {
  const sub = args[0];
  const rest = args.slice(1);
  switch (sub) {
    case 'liveness':
      return { ...base, ports: [8080], startup: () => [], http: liveness, sigtermExitCode: 2 };
    case 'netexec': {
      const http = port(rest, 'http-port', 8080);
      const udp = port(rest, 'udp-port', 8081);
      return { ...base, ports: [http], startup: () => [[0, `{ts} Started HTTP server on port ${http}`], [0, `{ts} Started UDP server on port ${udp}`]], http: netexec };
    }
    case 'serve-hostname': {
      const p = port(rest, 'port', 9376);
      return { ...base, ports: [p], startup: () => [[0, `{ts} Serving on port ${p}.`]], http: (r) => text(200, toRequest(r).hostname ?? '') };
    }
    case 'grpc-health-checking': {
      const grpc = port(rest, 'port', 5000);
      const http = port(rest, 'http-port', 8080);
      return {
        ...base,
        ports: [grpc, http],
        startup: () => [[0, `{ts} gRPC server starting to listen on :${grpc}`], [0, `{ts} HTTP server starting to listen on :${http}`]],
        // /make-serving and /make-not-serving flip the health service's answer.
        http: (raw) => {
          const req = toRequest(raw);
          const p = pathOnly(req.path);
          if (p === '/make-serving') req.state.notServing = false;
          else if (p === '/make-not-serving') req.state.notServing = true;
          else return NOT_FOUND;
          return text(200, '');
        },
        grpcHealth: (_service, ctx, at) => (at !== grpc ? undefined : ctx.state.notServing ? 'NOT_SERVING' : 'SERVING'),
      };
    }
    default:
      // `pause` (the image's CMD) and subcommands not simulated: a process that waits.
      return { ...base, ports: [], startup: () => (sub === 'pause' || sub === undefined ? [[0, 'Paused']] : []) };
  }
}

const SIZE = 51_271_522;
const tags: Record<string, [number, string]> = {};
for (const t of ['2.21', '2.32', '2.33', '2.35', '2.36', '2.39', '2.40', '2.43', '2.45', '2.47', '2.48', '2.50', '2.52', '2.53']) tags[t] = [SIZE + Math.round((Number(t) - 2) * 100_000), t];

export const agnhost: ImageFamily = {
  name: 'agnhost',
  repositories: [
    {
      repository: 'registry.k8s.io/e2e-test-images/agnhost',
      tags,
      entrypoint: ['/agnhost'],
      cmd: ['pause'],
      binaries: ['agnhost', 'sh', 'ash', 'cat', 'echo', 'ls', 'sleep', 'env', 'hostname', 'true', 'false', 'ps', 'wget', 'nc'],
      server: { ...base, ports: [], startup: () => [], withArgs },
    },
  ],
};
