/** The pod as a probe reaches it: its IP and what listens on its ports (one network namespace). */
import type { AppContext, HttpAnswer, HttpRequest, ServerBehaviour } from '../../images';

export interface Listener {
  server: ServerBehaviour;
  /** The listening container instance's app context at the moment of the probe. */
  ctx: AppContext;
  /** How the instance answers HTTP (files under a docroot, else its app); defaults to `server.http`. */
  http?: (req: HttpRequest) => HttpAnswer;
}

export interface ProbeTarget {
  podIP: string;
  /** The pod shares the node's network: the kubelet's own localhost reaches it (static pods' probes). */
  hostNetwork?: boolean;
  /** The server listening on `port` in the pod, if any. */
  listener(port: number): Listener | undefined;
}

/** Whether `host` names the pod itself (the default), else the probe goes elsewhere. */
export function reachesPod(host: string | undefined, target: ProbeTarget): boolean {
  return !host || host === target.podIP || (!!target.hostNetwork && (host === '127.0.0.1' || host === 'localhost'));
}

/** net.JoinHostPort. */
export function hostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}
