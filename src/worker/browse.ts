/**
 * The in-app browser's page loads (src/ui/browser): the learner's machine doing one HTTP GET, the
 * same path the host shell's `curl` takes (sim/network/request.ts) — `localhost:8080` reaches the
 * pod behind `kubectl port-forward` (which says "Handling connection for 8080"), a node IP its
 * NodePorts, a LoadBalancer or Ingress address its backends. Nothing leaves the simulation.
 */
import type { Cluster } from '../sim/cluster';
import type { ClusterNetwork } from '../sim/network/cluster-network';
import type { HostPorts, PortForwardTarget } from '../sim/network/host-ports';
import { request } from '../sim/network/request';

/** Why a page did not load, as the browser's error page names it. */
export type BrowseError = 'ECONNREFUSED' | 'ETIMEDOUT' | 'EHOSTUNREACH' | 'NXDOMAIN' | 'EMPTY_RESPONSE' | 'INVALID_URL';

export type BrowsePage =
  | { url: string; status: number; reason: string; headers: Array<[string, string]>; body: string }
  | { url: string; error: BrowseError };

/** A forwarded local port, as the UI offers it ("Open localhost:8080"). */
export interface ForwardView extends PortForwardTarget {
  localPort: number;
}

/** What the UI shows of the learner's machine: its forwarded ports and whether cloud-provider-kind runs. */
export interface HostView {
  forwards: ForwardView[];
  cloudProvider: boolean;
}

/** `url` as a browser completes what was typed: a scheme when it has none. */
export function normalizeUrl(typed: string): string {
  const t = typed.trim();
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(t) ? t : `http://${t}`;
}

/** GET `url` from the host. */
export function browse(network: ClusterNetwork, url: string, now: () => number): BrowsePage {
  const full = normalizeUrl(url);
  if (!/^http:\/\/[^/:?#]+(:\d{1,5})?([/?#]|$)/i.test(full)) return { url: full, error: 'INVALID_URL' };
  const res = request(network, { kind: 'host' }, full.replace(/#.*$/, ''), now, { headers: [['User-Agent', BROWSER_AGENT], ['Accept', 'text/html,application/xhtml+xml,*/*;q=0.8']] });
  if (typeof res === 'string') return { url: full, error: res };
  // A connection closed before any answer (a forward whose pod listens on nothing).
  if (res.status === 0) return { url: full, error: 'EMPTY_RESPONSE' };
  return { url: full, status: res.status, reason: res.reason, headers: res.headers, body: res.body };
}

export function hostView(hostPorts: HostPorts, cloudProvider: boolean): HostView {
  return { forwards: hostPorts.list().map(([localPort, t]) => ({ localPort, ...t })).sort((a, b) => a.localPort - b.localPort), cloudProvider };
}

/** The host view last sent to the UI: `update` answers only when it changed since. */
export class SentHostView {
  private sent = '';

  view(cluster: Pick<Cluster, 'hostPorts' | 'cloudProvider'>): HostView {
    const view = hostView(cluster.hostPorts, cluster.cloudProvider.running);
    this.sent = JSON.stringify(view);
    return view;
  }

  update(cluster: Pick<Cluster, 'hostPorts' | 'cloudProvider'>): { host?: HostView } {
    const view = hostView(cluster.hostPorts, cluster.cloudProvider.running);
    const json = JSON.stringify(view);
    if (json === this.sent) return {};
    this.sent = json;
    return { host: view };
  }
}

const BROWSER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
