/**
 * networking.k8s.io/v1 IngressClass (`pkg/registry/networking/ingressclass`): cluster-scoped,
 * names the controller that serves Ingresses of the class; `parameters.scope` defaults to
 * Cluster; the controller is immutable. No `(default)` marker in NAME before 1.35.
 */
import type { IngressClass } from 'kubernetes-types/networking/v1';
import type { FieldError } from '../../api/errors';
import { goQuote } from '../../core/gostr';
import { isDNS1123Subdomain, regexError } from '../../core/names';
import type { KObject } from '../../core/object';
import { ALL_VERBS, defineKind } from '../kind';
import { AGE, ageCell, NAME, nameCell, NONE } from '../printing/cells';
import type { KindStrategy } from '../strategy';
import { obj, setDefault, str } from '../util';

type IngressClassObject = IngressClass & KObject;

const MAX_CONTROLLER_LEN = 250;
const HTTP_PATH_FMT = "[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+";
const HTTP_PATH = new RegExp(`^${HTTP_PATH_FMT}$`);

export const ingressClassStrategy: KindStrategy<IngressClassObject> = {
  tracksGeneration: true,
  default(o) {
    const params = obj(o.spec?.parameters);
    if (params) setDefault(params, 'scope', 'Cluster');
  },
  validate(o) {
    const errors: FieldError[] = [];
    const spec = obj(o.spec) ?? {};
    const controller = str(spec.controller);
    if (controller.length > MAX_CONTROLLER_LEN) errors.push({ type: 'Too long', field: 'spec.controller', detail: `may not be more than ${MAX_CONTROLLER_LEN} bytes` });
    errors.push(...domainPrefixedPath('spec.controller', controller));
    const params = obj(spec.parameters);
    if (params) {
      if (params.apiGroup) for (const msg of isDNS1123Subdomain(params.apiGroup)) errors.push({ type: 'Invalid value', field: 'spec.parameters.apiGroup', value: goQuote(params.apiGroup), detail: msg });
      if (!params.kind) errors.push({ type: 'Required value', field: 'spec.parameters.kind', detail: 'kind is required' });
      if (!params.name) errors.push({ type: 'Required value', field: 'spec.parameters.name', detail: 'name is required' });
    }
    return errors;
  },
  validateUpdate(o, old) {
    const before = str(old.spec?.controller);
    if (str(o.spec?.controller) !== before) return [{ type: 'Invalid value', field: 'spec.controller', value: goQuote(str(o.spec?.controller)), detail: 'field is immutable' }];
    return [];
  },
};

/** apimachinery's IsDomainPrefixedPath: `example.com/path`. */
function domainPrefixedPath(field: string, value: string): FieldError[] {
  if (value.length === 0) return [{ type: 'Required value', field }];
  const slash = value.indexOf('/');
  const host = slash < 0 ? value : value.slice(0, slash);
  const path = slash < 0 ? '' : value.slice(slash + 1);
  if (slash < 0 || !host || !path) return [{ type: 'Invalid value', field, value: goQuote(value), detail: 'must be a domain-prefixed path (such as "acme.io/foo")' }];
  const errors: FieldError[] = isDNS1123Subdomain(host).map((msg) => ({ type: 'Invalid value', field, value: goQuote(host), detail: msg }));
  if (!HTTP_PATH.test(path)) errors.push({ type: 'Invalid value', field, value: goQuote(path), detail: regexError('Invalid path', HTTP_PATH_FMT) });
  return errors;
}

export const ingressClassKind = defineKind<IngressClass>({
  group: 'networking.k8s.io', version: 'v1', kind: 'IngressClass', plural: 'ingressclasses', singular: 'ingressclass', shortNames: [], namespaced: false, verbs: ALL_VERBS,
  strategy: ingressClassStrategy,
  printer: {
    columns: [NAME, { name: 'Controller' }, { name: 'Parameters' }, AGE],
    cells(c, { now }) {
      const p = c.spec?.parameters;
      const parameters = p ? `${p.kind}${p.apiGroup ? `.${p.apiGroup}` : ''}/${p.name}` : NONE;
      return [nameCell(c), c.spec?.controller ?? '', parameters, ageCell(c, now)];
    },
  },
  graph: { draw: 'none' },
});
