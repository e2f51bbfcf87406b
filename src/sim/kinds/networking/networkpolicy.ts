/**
 * networking.k8s.io/v1 NetworkPolicy: defaults (pkg/apis/networking/v1/defaults.go: TCP for a
 * port without protocol, policyTypes from the rules), validation (ValidateNetworkPolicySpec in
 * pkg/apis/networking/validation) and its table (POD-SELECTOR). Who enforces it: ../../network/policy.
 */
import type { NetworkPolicy, NetworkPolicyPeer, NetworkPolicyPort, NetworkPolicySpec } from 'kubernetes-types/networking/v1';
import type { FieldError } from '../../api/errors';
import { goQuote } from '../../core/gostr';
import { formatSelector } from '../../core/labels';
import { isValidPortName, isValidPortNum } from '../../core/names';
import type { KObject } from '../../core/object';
import { parseCidr, strictSubset } from '../../network/policy/cidr';
import { notSupported } from '../core/podspec-validation';
import { ALL_VERBS, defineKind } from '../kind';
import { AGE, ageCell, NAME, nameCell } from '../printing/cells';
import { validateLabelSelector } from '../selector';
import type { KindStrategy } from '../strategy';
import { child, obj, objects } from '../util';

const PROTOCOLS = ['TCP', 'UDP', 'SCTP'];
const POLICY_TYPES = ['Ingress', 'Egress'];
const CIDR_EXAMPLE = 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)';

type NetworkPolicyObject = NetworkPolicy & KObject;

export const networkPolicyStrategy: KindStrategy<NetworkPolicyObject> = {
  tracksGeneration: true,
  default(o) {
    const spec = child(o, 'spec');
    spec.podSelector ??= {};
    for (const rule of [...objects(spec.ingress), ...objects(spec.egress)]) {
      for (const p of objects(rule.ports)) p.protocol ??= 'TCP';
    }
    // Any policy that does not say its types is at least Ingress (and Egress when it has egress rules).
    if (!spec.policyTypes?.length) spec.policyTypes = objects(spec.egress).length ? ['Ingress', 'Egress'] : ['Ingress'];
  },
  validate(o) {
    return validateSpec(obj(o.spec) ?? { podSelector: {} });
  },
};

function validateSpec(spec: NetworkPolicySpec): FieldError[] {
  const errors = validateLabelSelector(spec.podSelector, 'spec.podSelector');
  const rules = (list: Array<{ ports?: NetworkPolicyPort[] }> | undefined, kind: 'ingress' | 'egress', peers: 'from' | 'to') => {
    objects(list).forEach((rule, i) => {
      const path = `spec.${kind}[${i}]`;
      objects(rule.ports).forEach((p, j) => errors.push(...validatePort(p, `${path}.ports[${j}]`)));
      objects((rule as Record<string, NetworkPolicyPeer[] | undefined>)[peers]).forEach((peer, j) => errors.push(...validatePeer(peer, `${path}.${peers}[${j}]`)));
    });
  };
  rules(spec.ingress, 'ingress', 'from');
  rules(spec.egress, 'egress', 'to');
  const types = spec.policyTypes ?? [];
  if (types.length > POLICY_TYPES.length) {
    errors.push({ type: 'Invalid value', field: 'spec.policyTypes', value: `[]networking.PolicyType{${types.map((t) => goQuote(String(t))).join(', ')}}`, detail: 'may not specify more than two policyTypes' });
    return errors;
  }
  types.forEach((t, i) => {
    if (!POLICY_TYPES.includes(t)) errors.push(notSupported(`spec.policyTypes[${i}]`, t, POLICY_TYPES));
  });
  return errors;
}

function validatePort(p: NetworkPolicyPort, path: string): FieldError[] {
  const errors: FieldError[] = [];
  if (p.protocol !== undefined && !PROTOCOLS.includes(p.protocol)) errors.push(notSupported(`${path}.protocol`, p.protocol, PROTOCOLS));
  const end = p.endPort;
  if (typeof p.port === 'number') {
    for (const msg of isValidPortNum(p.port)) errors.push({ type: 'Invalid value', field: `${path}.port`, value: String(p.port), detail: msg });
    if (end !== undefined && end !== null) {
      if (end < p.port) errors.push({ type: 'Invalid value', field: `${path}.endPort`, value: String(end), detail: 'must be greater than or equal to `port`' });
      for (const msg of isValidPortNum(end)) errors.push({ type: 'Invalid value', field: `${path}.endPort`, value: String(end), detail: msg });
    }
  } else if (typeof p.port === 'string') {
    if (end !== undefined && end !== null) errors.push({ type: 'Invalid value', field: `${path}.endPort`, value: String(end), detail: 'may not be specified when `port` is non-numeric' });
    for (const msg of isValidPortName(p.port)) errors.push({ type: 'Invalid value', field: `${path}.port`, value: goQuote(p.port), detail: msg });
  } else if (end !== undefined && end !== null) {
    errors.push({ type: 'Invalid value', field: `${path}.endPort`, value: String(end), detail: 'may not be specified when `port` is not specified' });
  }
  return errors;
}

function validatePeer(peer: NetworkPolicyPeer, path: string): FieldError[] {
  const errors: FieldError[] = [];
  let count = 0;
  if (peer.podSelector) {
    count++;
    errors.push(...validateLabelSelector(peer.podSelector, `${path}.podSelector`));
  }
  if (peer.namespaceSelector) {
    count++;
    errors.push(...validateLabelSelector(peer.namespaceSelector, `${path}.namespaceSelector`));
  }
  if (peer.ipBlock) {
    count++;
    errors.push(...validateIPBlock(peer.ipBlock.cidr, Array.isArray(peer.ipBlock.except) ? peer.ipBlock.except.map(String) : [], `${path}.ipBlock`));
  }
  if (count === 0) errors.push({ type: 'Required value', field: path, detail: 'must specify a peer' });
  else if (count > 1 && peer.ipBlock) errors.push({ type: 'Forbidden', field: path, detail: 'may not specify both ipBlock and another peer' });
  return errors;
}

function validateIPBlock(cidrText: string | undefined, except: string[], path: string): FieldError[] {
  if (!cidrText) return [{ type: 'Required value', field: `${path}.cidr` }];
  const cidr = parseCidr(cidrText);
  if (!cidr) return [{ type: 'Invalid value', field: `${path}.cidr`, value: goQuote(cidrText), detail: CIDR_EXAMPLE }];
  const errors: FieldError[] = [];
  except.forEach((text, i) => {
    const field = `${path}.except[${i}]`;
    const inner = parseCidr(String(text));
    if (!inner) errors.push({ type: 'Invalid value', field, value: goQuote(String(text)), detail: CIDR_EXAMPLE });
    else if (!strictSubset(cidr, inner)) errors.push({ type: 'Invalid value', field, value: goQuote(String(text)), detail: 'must be a strict subset of `cidr`' });
  });
  return errors;
}

export const networkPolicyKind = defineKind<NetworkPolicy>({
  group: 'networking.k8s.io', version: 'v1', kind: 'NetworkPolicy', plural: 'networkpolicies', singular: 'networkpolicy', shortNames: ['netpol'], namespaced: true, verbs: ALL_VERBS,
  strategy: networkPolicyStrategy,
  printer: {
    columns: [NAME, { name: 'Pod-Selector' }, AGE],
    cells: (np, { now }) => [nameCell(np), formatSelector(np.spec?.podSelector), ageCell(np, now)],
  },
  graph: { draw: 'none' },
});
