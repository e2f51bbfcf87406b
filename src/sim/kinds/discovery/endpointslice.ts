/**
 * discovery.k8s.io/v1 EndpointSlice: a Service's endpoints in slices of at most 100 (the
 * controller's choice; the api allows 1000). Defaults (port name "" and protocol TCP), the
 * generation the registry bumps when anything but metadata changes
 * (pkg/registry/discovery/endpointslice), `ValidateEndpointSlice`
 * (pkg/apis/discovery/validation) and the printer `printEndpointSlice`.
 */
import type { Endpoint, EndpointPort, EndpointSlice } from 'kubernetes-types/discovery/v1';
import { goQuote } from '../../core/gostr';
import { isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidPortNum } from '../../core/names';
import { sameJson } from '../../core/json-equal';
import type { KObject } from '../../core/object';
import type { FieldError } from '../../api/errors';
import type { KindStrategy } from '../strategy';
import { objects, setDefault, str } from '../util';
import { ALL_VERBS, defineKind } from '../kind';
import { AGE, ageCell, NAME, nameCell } from '../printing/cells';
import { notSupported } from '../core/podspec-validation';
import { ipv4EndpointErrors } from '../core/endpoint-ip';

const ADDRESS_TYPES = ['FQDN', 'IPv4', 'IPv6'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const MAX_ENDPOINTS = 1000;
const MAX_ADDRESSES = 100;
const MAX_PORTS = 20000;

type SliceObject = EndpointSlice & KObject;

export const endpointSliceStrategy: KindStrategy<SliceObject> = {
  default(o) {
    for (const p of objects(o.ports)) {
      setDefault(p, 'name', '');
      setDefault(p, 'protocol', 'TCP');
    }
  },
  prepareCreate(o) {
    (o as KObject).metadata.generation = 1;
  },
  prepareUpdate(o, old) {
    const gen = old.metadata.generation ?? 1;
    const changed = !sameJson(withoutMeta(o), withoutMeta(old)) || !sameJson(o.metadata.labels ?? {}, old.metadata.labels ?? {});
    (o as KObject).metadata.generation = changed ? gen + 1 : gen;
  },
  validate(o) {
    const errors: FieldError[] = [];
    const type = str(o.addressType);
    if (!type) errors.push({ type: 'Required value', field: 'addressType' });
    else if (!ADDRESS_TYPES.includes(type)) errors.push(notSupported('addressType', type, ADDRESS_TYPES));
    errors.push(...endpointErrors(objects(o.endpoints), type));
    errors.push(...portErrors(objects(o.ports)));
    return errors;
  },
  validateUpdate(o, old) {
    if (o.addressType === old.addressType) return [];
    return [{ type: 'Invalid value', field: 'addressType', value: goQuote(str(o.addressType)), detail: 'field is immutable' }];
  },
};

function withoutMeta(o: SliceObject): object {
  const { metadata: _m, ...rest } = o;
  return rest;
}

function endpointErrors(endpoints: Endpoint[], addressType: string): FieldError[] {
  if (endpoints.length > MAX_ENDPOINTS) return [{ type: 'Too many', field: 'endpoints', value: String(endpoints.length), detail: `must have at most ${MAX_ENDPOINTS} items` }];
  const errors: FieldError[] = [];
  endpoints.forEach((ep, i) => {
    const path = `endpoints[${i}]`;
    const addresses = Array.isArray(ep.addresses) ? ep.addresses : [];
    if (addresses.length === 0) errors.push({ type: 'Required value', field: `${path}.addresses`, detail: 'must contain at least 1 address' });
    else if (addresses.length > MAX_ADDRESSES) errors.push({ type: 'Too many', field: `${path}.addresses`, value: String(addresses.length), detail: `must have at most ${MAX_ADDRESSES} items` });
    addresses.forEach((a, j) => {
      if (addressType === 'IPv4') errors.push(...ipv4EndpointErrors(str(a), `${path}.addresses[${j}]`));
    });
    if (ep.nodeName) for (const msg of isDNS1123Subdomain(ep.nodeName)) errors.push({ type: 'Invalid value', field: `${path}.nodeName`, value: goQuote(ep.nodeName), detail: msg });
    if (ep.hostname) for (const msg of isDNS1123Label(ep.hostname)) errors.push({ type: 'Invalid value', field: `${path}.hostname`, value: goQuote(ep.hostname), detail: msg });
  });
  return errors;
}

function portErrors(ports: EndpointPort[]): FieldError[] {
  if (ports.length > MAX_PORTS) return [{ type: 'Too many', field: 'ports', value: String(ports.length), detail: `must have at most ${MAX_PORTS} items` }];
  const errors: FieldError[] = [];
  const names = new Set<string>();
  ports.forEach((p, i) => {
    const path = `ports[${i}]`;
    const name = str(p.name);
    if (name) for (const msg of isDNS1123Label(name)) errors.push({ type: 'Invalid value', field: `${path}.name`, value: goQuote(name), detail: msg });
    if (names.has(name)) errors.push({ type: 'Duplicate value', field: `${path}.name`, value: goQuote(name) });
    names.add(name);
    if (!p.protocol) errors.push({ type: 'Required value', field: `${path}.protocol` });
    else if (!PROTOCOLS.includes(p.protocol)) errors.push(notSupported(`${path}.protocol`, p.protocol, PROTOCOLS));
    if (typeof p.port === 'number') for (const msg of isValidPortNum(p.port)) errors.push({ type: 'Invalid value', field: `${path}.port`, value: String(p.port), detail: msg });
    if (p.appProtocol) for (const msg of isQualifiedName(p.appProtocol)) errors.push({ type: 'Invalid value', field: `${path}.appProtocol`, value: goQuote(p.appProtocol), detail: msg });
  });
  return errors;
}

/** `listWithMoreString`: up to three items, ` + N more...` past them, `<unset>` for none. */
function listWithMore(items: string[], max = 3): string {
  if (items.length > max) return `${items.slice(0, max).join(',')} + ${items.length - max} more...`;
  return items.length ? items.join(',') : '<unset>';
}

/** `formatDiscoveryPorts`: each port's number, else its name, else `*`. */
export function formatSlicePorts(ports: readonly EndpointPort[] | null | undefined): string {
  return listWithMore((ports ?? []).map((p) => (p.port != null ? String(p.port) : p.name != null ? p.name : '*')));
}

/** `formatDiscoveryEndpoints`: every address of every endpoint, ready or not. */
export function formatSliceEndpoints(endpoints: readonly Endpoint[] | null | undefined): string {
  return listWithMore((endpoints ?? []).flatMap((e) => e.addresses ?? []));
}

export const endpointSliceKind = defineKind<EndpointSlice>({
  group: 'discovery.k8s.io', version: 'v1', kind: 'EndpointSlice', plural: 'endpointslices', singular: 'endpointslice', shortNames: [], namespaced: true, verbs: ALL_VERBS,
  strategy: endpointSliceStrategy,
  printer: {
    columns: [NAME, { name: 'AddressType' }, { name: 'Ports' }, { name: 'Endpoints' }, AGE],
    cells: (s, { now }) => [nameCell(s), s.addressType ?? '', formatSlicePorts(s.ports), formatSliceEndpoints(s.endpoints), ageCell(s, now)],
  },
  graph: { draw: 'none' },
});
