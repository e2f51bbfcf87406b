/**
 * core/v1 Endpoints: the addresses behind a Service, one object named like it. The endpoints
 * controller writes them for Services with a selector; a learner writes them by hand for a
 * selector-less Service. Defaults (port protocol TCP), `ValidateEndpoints` and the printer
 * (`printEndpoints`: ready `ip:port` pairs, ≤3 then ` + N more...`).
 */
import type { EndpointPort, Endpoints, EndpointSubset } from 'kubernetes-types/core/v1';
import { goQuote } from '../../core/gostr';
import { isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidIP, isValidPortNum } from '../../core/names';
import type { KObject } from '../../core/object';
import type { FieldError } from '../../api/errors';
import type { KindStrategy } from '../strategy';
import { objects, setDefault, str } from '../util';
import { ALL_VERBS, defineKind } from '../kind';
import { AGE, ageCell, NAME, nameCell, NONE } from '../printing/cells';
import { notSupported } from './podspec-validation';
import { specialIPErrors } from './endpoint-ip';

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];

export const endpointsStrategy: KindStrategy<Endpoints & KObject> = {
  default(o) {
    for (const ss of objects(o.subsets)) for (const p of objects(ss.ports)) setDefault(p, 'protocol', 'TCP');
  },
  validate(o) {
    const errors: FieldError[] = [];
    objects(o.subsets).forEach((ss, i) => {
      const path = `subsets[${i}]`;
      const ready = objects(ss.addresses);
      const notReady = objects(ss.notReadyAddresses);
      if (ready.length === 0 && notReady.length === 0) errors.push({ type: 'Required value', field: path, detail: 'must specify `addresses` or `notReadyAddresses`' });
      ready.forEach((a, j) => errors.push(...addressErrors(a, `${path}.addresses[${j}]`)));
      notReady.forEach((a, j) => errors.push(...addressErrors(a, `${path}.notReadyAddresses[${j}]`)));
      const ports = objects(ss.ports);
      ports.forEach((p, j) => errors.push(...endpointPortErrors(p, ports.length > 1, `${path}.ports[${j}]`)));
    });
    return errors;
  },
};

function addressErrors(a: { ip?: string; hostname?: string; nodeName?: string }, path: string): FieldError[] {
  const ip = str(a.ip);
  const errors: FieldError[] = isValidIP(ip).map((detail) => ({ type: 'Invalid value', field: `${path}.ip`, value: goQuote(ip), detail }));
  if (a.hostname) for (const msg of isDNS1123Label(a.hostname)) errors.push({ type: 'Invalid value', field: `${path}.hostname`, value: goQuote(a.hostname), detail: msg });
  if (a.nodeName) for (const msg of isDNS1123Subdomain(a.nodeName)) errors.push({ type: 'Invalid value', field: `${path}.nodeName`, value: goQuote(a.nodeName), detail: msg });
  // The special-range checks run only on an address that passed the others.
  return errors.length ? errors : specialIPErrors(ip, `${path}.ip`);
}

/** `validateEndpointPort`: a name when there are several, a valid number and protocol. */
export function endpointPortErrors(p: EndpointPort, requireName: boolean, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const name = str(p.name);
  if (requireName && !name) errors.push({ type: 'Required value', field: `${path}.name` });
  else if (name) for (const msg of isDNS1123Label(name)) errors.push({ type: 'Invalid value', field: `${path}.name`, value: goQuote(name), detail: msg });
  for (const msg of isValidPortNum(p.port)) errors.push({ type: 'Invalid value', field: `${path}.port`, value: String(p.port ?? 0), detail: msg });
  if (!p.protocol) errors.push({ type: 'Required value', field: `${path}.protocol` });
  else if (!PROTOCOLS.includes(p.protocol)) errors.push(notSupported(`${path}.protocol`, p.protocol, PROTOCOLS));
  if (p.appProtocol) for (const msg of isQualifiedName(p.appProtocol)) errors.push({ type: 'Invalid value', field: `${path}.appProtocol`, value: goQuote(p.appProtocol), detail: msg });
  return errors;
}

/**
 * `formatEndpoints`: the ready `ip:port` pairs of every subset (ports named in `ports` only,
 * when given), at most three, then ` + N more...`; `<none>` when there is no subset at all.
 */
export function formatEndpoints(subsets: readonly EndpointSubset[] | undefined, ports?: ReadonlySet<string>): string {
  if (!subsets || subsets.length === 0) return NONE;
  const max = 3;
  const list: string[] = [];
  let count = 0;
  for (const ss of subsets) {
    const addresses = ss.addresses ?? [];
    if (!ss.ports || ss.ports.length === 0) {
      count += addresses.length;
      for (const a of addresses) if (list.length < max) list.push(a.ip);
      continue;
    }
    for (const port of ss.ports) {
      if (ports && !ports.has(port.name ?? '')) continue;
      count += addresses.length;
      for (const a of addresses) if (list.length < max) list.push(`${a.ip}:${port.port}`);
    }
  }
  const text = list.join(',');
  return count > max ? `${text} + ${count - max} more...` : text;
}

export const endpointsKind = defineKind<Endpoints>({
  group: '', version: 'v1', kind: 'Endpoints', plural: 'endpoints', singular: 'endpoints', shortNames: ['ep'], namespaced: true, verbs: ALL_VERBS,
  strategy: endpointsStrategy,
  printer: {
    columns: [NAME, { name: 'Endpoints' }, AGE],
    cells: (e, { now }) => [nameCell(e), formatEndpoints(e.subsets), ageCell(e, now)],
  },
  graph: { draw: 'none' },
});
