/**
 * kind's node containers as the host's docker daemon keeps them: each node is a
 * `kindest/node:v1.32.2` container whose kubelet lives and dies with it. `docker stop` ends the
 * container (kind's nodes ignore docker's SIGTERM-equivalent, so docker kills them after 10 s:
 * exit code 137); `docker start` runs it again and its kubelet re-registers the Node if it was
 * deleted, as on a real kind cluster.
 */
import type { Kubelet } from '../kubelet/kubelet';
import { hash32 } from '../core/rng';
import type { NodeSpec } from '../context';

export const KIND_NODE_IMAGE = 'kindest/node:v1.32.2';
/** The host port kind published the api-server on (the kubeconfig's server, kubectl/commands/config.ts). */
export const API_SERVER_PORT = 43615;
/** `docker stop` gives up waiting after 10 s and kills: 128 + SIGKILL. */
const KILLED_EXIT_CODE = 137;

export type { NodeContainerInfo as NodeContainer } from '../../shell/host/docker-containers';
import type { NodeContainerInfo as NodeContainer } from '../../shell/host/docker-containers';

export class NodeContainers {
  private readonly state = new Map<string, { since: number; exitCode: number }>();

  constructor(
    private readonly nodes: readonly NodeSpec[],
    private readonly kubelets: ReadonlyMap<string, Kubelet>,
    private readonly createdAt: number,
    private readonly now: () => number,
  ) {}

  names(): string[] {
    return this.nodes.map((n) => n.name);
  }

  has(name: string): boolean {
    return this.kubelets.has(name);
  }

  /** Containers newest first, as `docker ps` lists them (kind creates the nodes together: by name, descending). */
  list(): NodeContainer[] {
    return [...this.nodes].reverse().map((n) => {
      const k = this.kubelets.get(n.name)!;
      const s = this.state.get(n.name);
      return {
        id: hex(`container/${n.name}`, 64),
        name: n.name,
        image: KIND_NODE_IMAGE,
        command: '"/usr/local/bin/entr…"',
        createdAt: this.createdAt,
        running: k.running,
        since: s?.since ?? this.createdAt,
        exitCode: s?.exitCode ?? 0,
        ports: n.controlPlane ? `127.0.0.1:${API_SERVER_PORT}->6443/tcp` : '',
      };
    });
  }

  stop(name: string): void {
    const k = this.kubelets.get(name)!;
    if (!k.running) return;
    k.stop();
    this.state.set(name, { since: this.now(), exitCode: KILLED_EXIT_CODE });
  }

  start(name: string): void {
    const k = this.kubelets.get(name)!;
    if (k.running) return;
    this.state.set(name, { since: this.now(), exitCode: 0 });
    k.start();
  }

  restart(name: string): void {
    this.stop(name);
    this.start(name);
  }
}

function hex(seed: string, length: number): string {
  let s = '';
  for (let i = 0; s.length < length; i++) s += hash32(`${seed}#${i}`).toString(16).padStart(8, '0');
  return s.slice(0, length);
}
