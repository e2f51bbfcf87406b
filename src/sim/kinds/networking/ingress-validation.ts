/**
 * networking/v1 Ingress validation, word for word as `pkg/apis/networking/validation`
 * (ValidateIngressSpec and the rules, paths and backends under it) reports it.
 */
import type { HTTPIngressPath, IngressBackend, IngressSpec } from 'kubernetes-types/networking/v1';
import type { FieldError } from '../../api/errors';
import { goQuote } from '../../core/gostr';
import { isDNS1035Label, isDNS1123Subdomain, isValidPortName, isValidPortNum, parseIPv4, regexError } from '../../core/names';
import { notSupported } from '../core/podspec-validation';
import { obj, objects, str } from '../util';

export const PATH_TYPES = ['Exact', 'ImplementationSpecific', 'Prefix'];
const INVALID_PATH_SEQUENCES = ['//', '/./', '/../', '%2f', '%2F'];
const INVALID_PATH_SUFFIXES = ['/..', '/.'];

const WILDCARD_FMT = '\\*\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*';
const WILDCARD_RE = new RegExp(`^${WILDCARD_FMT}$`);

/** apimachinery's IsWildcardDNS1123Subdomain (`*.example.com`: one leading label). */
export function isWildcardDNS1123Subdomain(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 253) errs.push('must be no more than 253 characters');
  if (!WILDCARD_RE.test(value)) {
    errs.push(regexError("a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character", WILDCARD_FMT, '*.example.com'));
  }
  return errs;
}

const invalid = (field: string, value: string, detail: string): FieldError => ({ type: 'Invalid value', field, value, detail });

export function validateIngressSpec(spec: IngressSpec): FieldError[] {
  const errors: FieldError[] = [];
  const rules = objects(spec.rules);
  const defaultBackend = obj(spec.defaultBackend);
  if (rules.length === 0 && !defaultBackend) {
    const value = Array.isArray(spec.rules) ? '[]networking.IngressRule{}' : '[]networking.IngressRule(nil)';
    errors.push(invalid('spec', value, 'either `defaultBackend` or `rules` must be specified'));
  }
  if (defaultBackend) errors.push(...validateBackend(defaultBackend, 'spec.defaultBackend'));
  rules.forEach((rule, i) => {
    const path = `spec.rules[${i}]`;
    const host = str(rule.host);
    if (host) {
      if (parseIPv4(host) !== undefined) errors.push(invalid(`${path}.host`, goQuote(host), 'must be a DNS name, not an IP address'));
      const msgs = host.includes('*') ? isWildcardDNS1123Subdomain(host) : isDNS1123Subdomain(host);
      for (const msg of msgs) errors.push(invalid(`${path}.host`, goQuote(host), msg));
    }
    const http = obj(rule.http);
    if (!http) return;
    const paths = objects(http.paths);
    if (paths.length === 0) errors.push({ type: 'Required value', field: `${path}.http.paths` });
    paths.forEach((p, j) => errors.push(...validatePath(p, `${path}.http.paths[${j}]`)));
  });
  objects(spec.tls).forEach((tls, i) => {
    (tls.hosts ?? []).forEach((host, j) => {
      const h = str(host);
      const msgs = h.includes('*') ? isWildcardDNS1123Subdomain(h) : isDNS1123Subdomain(h);
      for (const msg of msgs) errors.push(invalid(`spec.tls[${i}].hosts[${j}]`, goQuote(h), msg));
    });
    const secret = str(tls.secretName);
    if (secret) for (const msg of isDNS1123Subdomain(secret)) errors.push(invalid(`spec.tls[${i}].secretName`, goQuote(secret), msg));
  });
  const className = spec.ingressClassName;
  if (typeof className === 'string') {
    for (const msg of isDNS1123Subdomain(className)) errors.push(invalid('spec.ingressClassName', goQuote(className), msg));
  }
  return errors;
}

function validatePath(p: HTTPIngressPath, field: string): FieldError[] {
  const pathType = p.pathType;
  if (pathType === undefined || pathType === null || (pathType as unknown) === '') {
    return [{ type: 'Required value', field: `${field}.pathType`, detail: 'pathType must be specified' }];
  }
  const errors: FieldError[] = [];
  const path = str(p.path);
  if (pathType === 'Exact' || pathType === 'Prefix') {
    if (!path.startsWith('/')) errors.push(invalid(`${field}.path`, goQuote(path), 'must be an absolute path'));
    for (const seq of INVALID_PATH_SEQUENCES) if (path.includes(seq)) errors.push(invalid(`${field}.path`, goQuote(path), `must not contain '${seq}'`));
    for (const suffix of INVALID_PATH_SUFFIXES) if (path.endsWith(suffix)) errors.push(invalid(`${field}.path`, goQuote(path), `cannot end with '${suffix}'`));
  } else if (pathType === 'ImplementationSpecific') {
    if (path && !path.startsWith('/')) errors.push(invalid(`${field}.path`, goQuote(path), 'must be an absolute path'));
  } else {
    errors.push(notSupported(`${field}.pathType`, pathType, PATH_TYPES));
  }
  errors.push(...validateBackend(obj(p.backend) ?? {}, `${field}.backend`));
  return errors;
}

function validateBackend(backend: IngressBackend, field: string): FieldError[] {
  const service = obj(backend.service);
  const resource = obj(backend.resource);
  if (service && resource) return [invalid(field, '""', 'cannot set both resource and service backends')];
  const errors: FieldError[] = [];
  if (resource) {
    if (!resource.kind) errors.push({ type: 'Required value', field: `${field}.resource.kind`, detail: 'kind is required' });
    if (!resource.name) errors.push({ type: 'Required value', field: `${field}.resource.name`, detail: 'name is required' });
    return errors;
  }
  if (!service) return [invalid(field, '""', 'resource or service backend is required')];
  const name = str(service.name);
  if (!name) errors.push({ type: 'Required value', field: `${field}.service.name` });
  // ValidateServiceName: a Service's name is a DNS-1035 label.
  else for (const msg of isDNS1035Label(name)) errors.push(invalid(`${field}.service.name`, goQuote(name), msg));
  const port = obj(service.port) ?? {};
  const portName = str(port.name);
  const portNumber = typeof port.number === 'number' ? port.number : 0;
  if (portName && portNumber) errors.push(invalid(field, '""', 'cannot set both port name & port number'));
  else if (portName) for (const msg of isValidPortName(portName)) errors.push(invalid(`${field}.service.port.name`, goQuote(portName), msg));
  else if (portNumber) for (const msg of isValidPortNum(portNumber)) errors.push(invalid(`${field}.service.port.number`, String(portNumber), msg));
  else errors.push({ type: 'Required value', field, detail: 'port name or number is required' });
  return errors;
}
