/**
 * `kubectl describe networkpolicy`: kubectl 1.32's describeNetworkPolicy (pkg/describe/describe.go):
 * the pod selector, what each enabled direction allows (ports, then peers; rules between
 * `----------`), and the policy types. `Created on` is metav1.Time's String() (UTC here).
 */
import type { NetworkPolicy, NetworkPolicyPeer, NetworkPolicyPort } from 'kubernetes-types/networking/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { formatSelector } from '../../sim/core/labels';
import type { KObject } from '../../sim/core/object';
import { isoLocal } from '../../sim/core/utc';
import { PrefixWriter, writeAnnotations, writeLabels } from './writer';

const INDENT = '    ';

export function describeNetworkPolicy(obj: KObject): string {
  const np = obj as NetworkPolicy & KObject;
  const spec = np.spec ?? { podSelector: {} };
  const w = new PrefixWriter();
  w.write(0, `Name:\t${obj.metadata.name}\n`);
  w.write(0, `Namespace:\t${obj.metadata.namespace}\n`);
  w.write(0, `Created on:\t${goTimeString(obj.metadata.creationTimestamp)}\n`);
  writeLabels(w, 'Labels', obj.metadata.labels);
  writeAnnotations(w, 'Annotations', obj.metadata.annotations);
  w.write(0, 'Spec:\n');
  w.write(1, 'PodSelector: ');
  const sel = spec.podSelector ?? {};
  if (Object.keys(sel.matchLabels ?? {}).length === 0 && (sel.matchExpressions ?? []).length === 0) {
    w.write(2, '<none> (Allowing the specific traffic to all pods in this namespace)\n');
  } else {
    w.write(2, `${formatSelector(sel)}\n`);
  }
  const types = spec.policyTypes ?? [];
  if (types.includes('Ingress')) {
    w.write(1, 'Allowing ingress traffic:\n');
    writeRules(w, (spec.ingress ?? []).map((r) => ({ ports: r.ports, peers: r.from })), 'ingress');
  } else {
    w.write(1, 'Not affecting ingress traffic\n');
  }
  if (types.includes('Egress')) {
    w.write(1, 'Allowing egress traffic:\n');
    writeRules(w, (spec.egress ?? []).map((r) => ({ ports: r.ports, peers: r.to })), 'egress');
  } else {
    w.write(1, 'Not affecting egress traffic\n');
  }
  w.write(1, `Policy Types: ${types.join(', ')}\n`);
  return w.toString();
}

function writeRules(w: PrefixWriter, rules: Array<{ ports?: NetworkPolicyPort[]; peers?: NetworkPolicyPeer[] }>, direction: 'ingress' | 'egress'): void {
  if (rules.length === 0) {
    w.write(0, `${INDENT}<none> (Selected pods are isolated for ${direction} connectivity)\n`);
    return;
  }
  const peerWord = direction === 'ingress' ? 'From' : 'To';
  rules.forEach((rule, i) => {
    const ports = rule.ports ?? [];
    if (ports.length === 0) w.write(0, `${INDENT}To Port: <any> (traffic allowed to all ports)\n`);
    for (const p of ports) {
      const proto = p.protocol ?? 'TCP';
      // Go's %s of an *intstr.IntOrString: the number or the name; nil prints as <nil>.
      const port = p.port === undefined || p.port === null ? '<nil>' : String(p.port);
      if (p.endPort === undefined || p.endPort === null) w.write(0, `${INDENT}To Port: ${port}/${proto}\n`);
      else w.write(0, `${INDENT}To Port Range: ${port}-${p.endPort}/${proto}\n`);
    }
    const peers = rule.peers ?? [];
    if (peers.length === 0) {
      w.write(0, `${INDENT}${peerWord}: <any> (traffic not restricted by ${direction === 'ingress' ? 'source' : 'destination'})\n`);
    }
    for (const peer of peers) {
      w.write(0, `${INDENT}${peerWord}:\n`);
      if (peer.podSelector && peer.namespaceSelector) {
        w.write(1, `${INDENT}NamespaceSelector: ${selectorText(peer.namespaceSelector)}\n`);
        w.write(1, `${INDENT}PodSelector: ${selectorText(peer.podSelector)}\n`);
      } else if (peer.podSelector) {
        w.write(1, `${INDENT}PodSelector: ${selectorText(peer.podSelector)}\n`);
      } else if (peer.namespaceSelector) {
        w.write(1, `${INDENT}NamespaceSelector: ${selectorText(peer.namespaceSelector)}\n`);
      } else if (peer.ipBlock) {
        w.write(1, `${INDENT}IPBlock:\n`);
        w.write(2, `${INDENT}CIDR: ${peer.ipBlock.cidr}\n`);
        w.write(2, `${INDENT}Except: ${(peer.ipBlock.except ?? []).join(', ')}\n`);
      }
    }
    if (i !== rules.length - 1) w.write(0, `${INDENT}----------\n`);
  });
}

/** metav1.FormatLabelSelector: `<none>` for a selector that selects everything. */
function selectorText(sel: LabelSelector): string {
  return formatSelector(sel);
}

/** Go's time.Time String() in UTC: `2026-01-01 09:00:00 +0000 UTC`. */
function goTimeString(timestamp: string | undefined): string {
  const ms = timestamp ? Date.parse(timestamp) : NaN;
  if (Number.isNaN(ms)) return '0001-01-01 00:00:00 +0000 UTC';
  return `${isoLocal(ms).replace('T', ' ')} +0000 UTC`;
}
