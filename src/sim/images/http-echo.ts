/**
 * hashicorp/http-echo: answers every request with `-text` and a newline, on `-listen`
 * (default :5678); it logs its address at start (main.go).
 */
import { flag } from './agnhost';
import { text } from './http';
import type { ImageFamily, ServerBehaviour } from './types';

function echoServer(args: string[]): ServerBehaviour {
  const listen = flag(args, 'listen') ?? ':5678';
  const port = Number(listen.slice(listen.lastIndexOf(':') + 1)) || 5678;
  const body = flag(args, 'text');
  return {
    binaries: ['http-echo'],
    ports: [port],
    timestampStyle: 'nginx',
    // Without -text the real binary prints `Missing -text option!` and exits 127 (not simulated).
    startup: () => [[0, `{ts} [INFO] server is listening on ${listen}`]],
    http: () => text(200, `${body ?? ''}\n`),
    withArgs: echoServer,
    shutdown: ['{ts} [INFO] server is shutting down'],
    shutdownMs: 0,
  };
}

export const httpEcho: ImageFamily = {
  name: 'http-echo',
  repositories: [
    {
      repository: 'docker.io/hashicorp/http-echo',
      tags: { latest: [3486523, '1.0.0'], '1.0': [3486523, '1.0.0'], '1.0.0': [3486523, '1.0.0'], '0.2.3': [3010176, '0.2.3'] },
      entrypoint: ['/http-echo'],
      cmd: [],
      binaries: ['http-echo'],
      server: echoServer([]),
      ownsNamespace: false,
    },
  ],
};
