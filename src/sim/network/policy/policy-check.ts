/**
 * NetworkPolicy enforcement as a `PolicyCheck` (../types.ts), the way kindnet's
 * kube-network-policies decides a new connection on a kind node: a pod is isolated for ingress
 * (egress) once a policy of its namespace with that type selects it; then a connection passes
 * only if some rule of those policies admits the other end and the port. Both ends count: the
 * sender's egress and the receiver's ingress. Not covered, as upstream: localhost, traffic from
 * the pod's own node, and hostNetwork pods (no policy selects them).
 *
 * Kept current from the networkpolicies and namespaces informers; a namespace's policies are
 * compiled again only after one of them changed, so a check is a few selector matches.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { Node } from 'kubernetes-types/core/v1';
import type { NetworkPolicy } from 'kubernetes-types/networking/v1';
import type { KObject } from '../../core/object';
import type { Informer } from '../../informers/informer';
import type { PodEndpoint, PolicyCheck, Protocol } from '../types';
import { parseIPv4Sloppy } from './cidr';
import { compilePolicy, rulesAllow, selectsPod, type CompiledPolicy, type PeerFacts, type PortFacts } from './compile';

/** The informers the check reads (the cluster's shared ones). */
export interface PolicyInformers {
  for(resource: string): Pick<Informer, 'get' | 'list' | 'onChange' | 'size'>;
}

const NONE: CompiledPolicy[] = [];

type Informed = Pick<Informer, 'get' | 'list' | 'onChange' | 'size'>;

export class PolicyIndex {
  /** Compiled policies by namespace; a namespace missing here is compiled on its next check. */
  private readonly byNamespace = new Map<string, CompiledPolicy[]>();
  private readonly policies: Informed;
  private readonly namespaces: Informed;
  private readonly pods: Informed;
  private readonly nodes: Informed;

  constructor(informers: PolicyInformers) {
    this.policies = informers.for('networkpolicies');
    this.namespaces = informers.for('namespaces');
    this.pods = informers.for('pods');
    this.nodes = informers.for('nodes');
    this.policies.onChange((obj) => {
      this.byNamespace.delete(obj.metadata.namespace ?? '');
      this.version++;
    });
  }

  /** Bumped on every policy change: what `selected` remembers is good for one version. */
  private version = 0;
  /**
   * Which policies select a pod, by its labels object: a pod's labels stay the same object
   * until the pod changes, so repeated connections of one pod match its selectors once.
   */
  private readonly selected = new WeakMap<object, { version: number; namespace: string; ingress: CompiledPolicy[]; egress: CompiledPolicy[] }>();

  /** Whether any policy exists at all (lets the data path skip the check). */
  get empty(): boolean {
    return this.policies.size === 0;
  }

  readonly check: PolicyCheck = (from, to, port, protocol) => {
    const fromPod = 'name' in from ? from : undefined;
    const egress = fromPod ? this.isolating(fromPod.namespace, fromPod.labels, 'egress') : NONE;
    const ingress = this.isolating(to.namespace, to.labels, 'ingress');
    if (!egress.length && !ingress.length) return true;
    const toPod = this.pod(to);
    // A hostNetwork pod is its node: no policy selects it, and it sends from the node's address.
    const toHost = !!toPod?.spec?.hostNetwork;
    const fromHost = fromPod !== undefined && !!this.pod(fromPod)?.spec?.hostNetwork;
    const portFacts: PortFacts = { port, protocol, names: toPod ? portNames(toPod, port, protocol) : [] };
    if (egress.length && !fromHost) {
      const target: PeerFacts = toHost ? { ip: this.ipNumber(to.ip) } : this.facts(to);
      if (!egress.some((p) => rulesAllow(p, p.egress!, target, portFacts))) return false;
    }
    if (!ingress.length || toHost) return true;
    // The node a pod runs on always reaches it (kubelet probes, hostNetwork pods there).
    if ((!fromPod || fromHost) && from.ip === this.nodeIP(to.nodeName)) return true;
    const source: PeerFacts = fromPod && !fromHost ? this.facts(fromPod) : { ip: this.ipNumber(from.ip) };
    return ingress.some((p) => rulesAllow(p, p.ingress!, source, portFacts));
  };

  /** The policies of `namespace` that select a pod with these labels for this direction. */
  private isolating(namespace: string, labels: Readonly<Record<string, string>>, direction: 'ingress' | 'egress'): CompiledPolicy[] {
    const all = this.compiled(namespace);
    if (all.length === 0) return NONE;
    let memo = this.selected.get(labels);
    if (!memo || memo.version !== this.version || memo.namespace !== namespace) {
      memo = { version: this.version, namespace, ingress: [], egress: [] };
      for (const p of all) {
        if (!selectsPod(p, labels)) continue;
        if (p.ingress) memo.ingress.push(p);
        if (p.egress) memo.egress.push(p);
      }
      this.selected.set(labels, memo);
    }
    return memo[direction];
  }

  private compiled(namespace: string): CompiledPolicy[] {
    let list = this.byNamespace.get(namespace);
    if (!list) {
      list = this.policies.list(namespace).map((o) => compilePolicy(o as unknown as NetworkPolicy));
      this.byNamespace.set(namespace, list);
    }
    return list;
  }

  private facts(pod: PodEndpoint): PeerFacts {
    return { pod, namespaceLabels: this.namespaces.get(undefined, pod.namespace)?.metadata.labels ?? {}, ip: this.ipNumber(pod.ip) };
  }

  /** IPs as numbers, parsed once each (a cluster has a few thousand at most). */
  private readonly ips = new Map<string, number | undefined>();
  private ipNumber(ip: string): number | undefined {
    if (!this.ips.has(ip)) this.ips.set(ip, parseIPv4Sloppy(ip));
    return this.ips.get(ip);
  }

  private pod(p: PodEndpoint | { ip: string }): Pod | undefined {
    if (!('name' in p)) return undefined;
    return this.pods.get(p.namespace, p.name) as (Pod & KObject) | undefined;
  }

  private nodeIP(name: string): string | undefined {
    const node = this.nodes.get(undefined, name) as (Node & KObject) | undefined;
    return node?.status?.addresses?.find((a) => a.type === 'InternalIP')?.address;
  }
}

/** The names the receiving pod gives this port (for rules that name ports: `port: http`). */
function portNames(pod: Pod, port: number, protocol: Protocol): string[] {
  const names: string[] = [];
  for (const c of pod.spec?.containers ?? []) {
    for (const p of c.ports ?? []) if (p.name && p.containerPort === port && (p.protocol ?? 'TCP') === protocol) names.push(p.name);
  }
  return names;
}

/** The cluster's NetworkPolicy check over its shared informers. */
export function createPolicyCheck(informers: PolicyInformers): PolicyIndex {
  return new PolicyIndex(informers);
}
