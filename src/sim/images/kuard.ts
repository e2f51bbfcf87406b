/** kuard, the Kubernetes Up and Running demo server (gcr.io/kuar-demo). */
import { MiB } from '../metrics/usage';
import { flag } from './agnhost';
import { kuardKeygen } from './kuard-keygen';
import { isMemqWorker, kuardMemqWorker } from './kuard-memq-worker';
import { kuardHttp } from './kuard-probes';
import type { ImageFamily, ServerBehaviour } from './types';

function kuardServer(liveFail = 0, readyFail = 0): ServerBehaviour {
  return {
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
      [1, `{"address":":8080","debug":false,"debug-sitedata-dir":"./sitedata","keygen":{"enable":false,"exit-code":0,"exit-on-complete":false,"memq-queue":"","memq-server":"","num-to-gen":0,"time-to-run":0},"liveness":{"fail-next":${liveFail}},"readiness":{"fail-next":${readyFail}},"tls-address":":8443","tls-dir":"/tls"}`],
      [2, '{ts} Could not find certificates to serve TLS'],
      [2, '{ts} Serving on HTTP on :8080'],
    ],
    http: kuardHttp({ '/healthy': liveFail, '/ready': readyFail }),
    // --liveness-fail-next / --readiness-fail-next (pkg/debugprobe/config.go BindConfig).
    withArgs: (args) => {
      const n = (name: string) => Number(flag(args, name) ?? 0) || 0;
      return kuardServer(n('liveness-fail-next'), n('readiness-fail-next'));
    },
    shutdown: [],
    shutdownMs: 0,
    sigtermExitCode: 2,
  };
}

export const kuard: ImageFamily = {
  name: 'kuard',
  repositories: [
    {
      repository: 'gcr.io/kuar-demo/kuard-amd64',
      tags: { blue: [11462354, 'v0.10.0-blue'], green: [11462306, 'v0.10.0-green'], purple: [11462382, 'v0.10.0-purple'], '1': [8137374, '1'], '2': [8137409, '2'], '3': [8137426, '3'], latest: [8137426, '3'] },
      entrypoint: ['/kuard'],
      cmd: [],
      binaries: ['kuard', 'sh', 'echo', 'sleep', 'cat', 'ls', 'date', 'env', 'true', 'false'],
      server: kuardServer(),
      workload: kuardKeygen,
      networkProgram: (argv, version) => (isMemqWorker(argv) ? kuardMemqWorker(version) : undefined),
      // Idle use: a small Go web server.
      idle: { cpuMillis: 0, memoryBytes: 5 * MiB + 512 * 1024 },
    },
  ],
};
