/** The pod as a probe reaches it: its IP and what listens on its ports (one network namespace). */
import type { AppContext, ServerBehaviour } from '../../images';

export interface Listener {
  server: ServerBehaviour;
  /** The listening container instance's app context at the moment of the probe. */
  ctx: AppContext;
}

export interface ProbeTarget {
  podIP: string;
  /** The server listening on `port` in the pod, if any. */
  listener(port: number): Listener | undefined;
}

/** Whether `host` names the pod itself (the default), else the probe goes elsewhere. */
export function reachesPod(host: string | undefined, target: ProbeTarget): boolean {
  return !host || host === target.podIP;
}

/** net.JoinHostPort. */
export function hostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}
