/**
 * One NetworkPolicy made ready to answer questions fast: its selectors parsed once, its CIDRs
 * turned into numbers, its ports into ranges. The semantics are the API's
 * (k8s.io/api/networking/v1 types.go), as kube-network-policies (kindnet's enforcer on kind) reads them.
 */
import type { NetworkPolicy, NetworkPolicyPeer, NetworkPolicyPort } from 'kubernetes-types/networking/v1';
import { fromLabelSelector, matchSelector, type Selector } from '../../core/labels';
import type { Protocol } from '../types';
import { cidrContains, parseCidr, type Cidr } from './cidr';

/** The other end of a connection, as a peer rule sees it. */
export interface PeerFacts {
  /** Its pod's namespace and labels; absent for an address outside the pod network (the host, a node). */
  pod?: { namespace: string; labels: Readonly<Record<string, string>> };
  /** Its namespace's labels (for namespaceSelector). */
  namespaceLabels?: Readonly<Record<string, string>>;
  /** Its IPv4 address as a number (for ipBlock), if known. */
  ip?: number;
}

/** The destination port of a connection: its number, and how the receiving pod names it. */
export interface PortFacts {
  port: number;
  protocol: Protocol;
  /** The destination pod's container port names for this number and protocol. */
  names: readonly string[];
}

interface CompiledPeer {
  pods?: Selector;
  namespaces?: Selector;
  block?: { cidr: Cidr; except: Cidr[] };
}

interface CompiledPort {
  protocol: string;
  /** undefined: every port of the protocol. */
  from?: number;
  to?: number;
  name?: string;
}

interface CompiledRule {
  /** undefined: every port. */
  ports?: CompiledPort[];
  /** undefined: every peer. */
  peers?: CompiledPeer[];
}

export interface CompiledPolicy {
  namespace: string;
  name: string;
  selects: Selector;
  /** Present when the policy isolates that direction. */
  ingress?: CompiledRule[];
  egress?: CompiledRule[];
}

export function compilePolicy(np: NetworkPolicy): CompiledPolicy {
  const spec = np.spec ?? { podSelector: {} };
  const types = spec.policyTypes?.length ? spec.policyTypes : spec.egress?.length ? ['Ingress', 'Egress'] : ['Ingress'];
  return {
    namespace: np.metadata?.namespace ?? '',
    name: np.metadata?.name ?? '',
    selects: fromLabelSelector(spec.podSelector ?? {}),
    ingress: types.includes('Ingress') ? (spec.ingress ?? []).map((r) => rule(r.ports, r.from)) : undefined,
    egress: types.includes('Egress') ? (spec.egress ?? []).map((r) => rule(r.ports, r.to)) : undefined,
  };
}

function rule(ports: NetworkPolicyPort[] | undefined, peers: NetworkPolicyPeer[] | undefined): CompiledRule {
  return {
    ports: ports?.length ? ports.map(port) : undefined,
    peers: peers?.length ? peers.map(peer) : undefined,
  };
}

function port(p: NetworkPolicyPort): CompiledPort {
  const protocol = p.protocol ?? 'TCP';
  if (typeof p.port === 'string') return { protocol, name: p.port };
  if (typeof p.port === 'number') return { protocol, from: p.port, to: p.endPort ?? p.port };
  return { protocol };
}

function peer(p: NetworkPolicyPeer): CompiledPeer {
  if (p.ipBlock) {
    const cidr = parseCidr(p.ipBlock.cidr);
    // A stored policy passed validation; an unparsable block (never expected) matches nothing.
    return cidr ? { block: { cidr, except: (p.ipBlock.except ?? []).map(parseCidr).filter((c): c is Cidr => !!c) } } : { pods: null };
  }
  return {
    pods: p.podSelector ? fromLabelSelector(p.podSelector) : undefined,
    namespaces: p.namespaceSelector ? fromLabelSelector(p.namespaceSelector) : undefined,
  };
}

/** Whether one of the rules admits this peer on this port. */
export function rulesAllow(policy: CompiledPolicy, rules: readonly CompiledRule[], other: PeerFacts, port: PortFacts): boolean {
  for (const r of rules) {
    if (r.ports && !r.ports.some((p) => portMatches(p, port))) continue;
    if (!r.peers || r.peers.some((p) => peerMatches(policy, p, other))) return true;
  }
  return false;
}

function portMatches(p: CompiledPort, c: PortFacts): boolean {
  if (p.protocol !== c.protocol) return false;
  if (p.name !== undefined) return c.names.includes(p.name);
  return p.from === undefined || (c.port >= p.from && c.port <= p.to!);
}

function peerMatches(policy: CompiledPolicy, p: CompiledPeer, other: PeerFacts): boolean {
  if (p.block) {
    if (other.ip === undefined || !cidrContains(p.block.cidr, other.ip)) return false;
    return !p.block.except.some((e) => cidrContains(e, other.ip!));
  }
  // Pod and namespace selectors only ever select pods.
  if (!other.pod) return false;
  if (p.namespaces !== undefined) {
    if (!matchSelector(p.namespaces, other.namespaceLabels ?? {})) return false;
  } else if (other.pod.namespace !== policy.namespace) {
    return false;
  }
  return p.pods === undefined || matchSelector(p.pods, other.pod.labels);
}

export function selectsPod(policy: CompiledPolicy, labels: Readonly<Record<string, string>>): boolean {
  return matchSelector(policy.selects, labels);
}
