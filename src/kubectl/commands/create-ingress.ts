/**
 * `kubectl create ingress NAME --rule=host/path=service:port[,tls[=secret]]` as kubectl 1.32's
 * `create_ingress.go` builds it: a path ending in `*` is Prefix (the `*` dropped), any other
 * Exact; rules of one host share its rule; `,tls` adds the host to the TLS entry of its secret
 * (each host once); `--default-backend svc:port`, `--class`, `--annotation k=v`.
 */
import type { HTTPIngressPath, IngressBackend, IngressRule, IngressSpec, IngressTLS } from 'kubernetes-types/networking/v1';
import type { KObject } from '../../sim/core/object';
import { CliError } from '../errors';
import { CREATE_GENERATOR_FLAGS } from '../flags';
import type { CommandModule } from '../types';
import { createGenerated, exactlyOneName } from './generators';

// kubectl's regexHostPathSvc + regexTLS (unanchored at the end, as there).
const RULE = /^([\w*\-.]*)(\/.*)=([\w-]+):([\w-]+)(,(tls)=?([\w-]+)?)?/;

export const createIngress: CommandModule = {
  name: 'ingress',
  short: 'Create an ingress with the specified name',
  flags: [
    { name: 'class', type: 'string', usage: 'Ingress Class to be used' },
    { name: 'rule', type: 'stringArray', usage: "Rule in format host/path=service:port[,tls=secretname]. Paths containing the leading character '*' are considered pathType=Prefix. tls argument is optional." },
    { name: 'default-backend', type: 'string', usage: 'Default service for backend, in format of svcname:port' },
    { name: 'annotation', type: 'stringArray', usage: 'Annotation to insert in the ingress object, in the format annotation=value' },
    ...CREATE_GENERATOR_FLAGS,
  ],
  run(ctx, args) {
    exactlyOneName(ctx, args);
    const name = args.args[0];
    const rules = args.strings('rule');
    const defaultBackend = args.string('default-backend');
    const annotations = args.strings('annotation');
    if (!defaultBackend && rules.length === 0) {
      throw new CliError('not enough information provided: every ingress has to either specify a default-backend (which catches all traffic) or a list of rules (which catch specific paths)');
    }
    for (const rule of rules) if (!RULE.test(rule)) throw new CliError(`rule ${rule} is invalid and should be in format host/path=svcname:svcport[,tls[=secret]]`);
    for (const a of annotations) if (!a.includes('=')) throw new CliError(`annotation ${a} is invalid and should be in format key=[value]`);
    if (defaultBackend && defaultBackend.split(':').length !== 2) throw new CliError('default-backend should be in format servicename:serviceport');

    const spec: IngressSpec = {};
    const className = args.string('class');
    if (className) spec.ingressClassName = className;
    if (defaultBackend) spec.defaultBackend = backend(defaultBackend);
    const tls = tlsRules(rules);
    if (tls.length) spec.tls = tls;
    const ingressRules = httpRules(rules);
    if (ingressRules.length) spec.rules = ingressRules;
    const metadata: KObject['metadata'] = { creationTimestamp: null as unknown as string, name };
    if (annotations.length) {
      metadata.annotations = {};
      for (const a of annotations) {
        const eq = a.indexOf('=');
        metadata.annotations[a.slice(0, eq)] = a.slice(eq + 1);
      }
    }
    const obj: KObject = { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata, spec, status: { loadBalancer: {} } };
    return createGenerated(ctx, args, obj, 'ingress');
  },
};

export const createIng: CommandModule = { ...createIngress, name: 'ing' };

/** buildIngressBackendSvc: `svc:80` → port number, `svc:http` → port name. */
function backend(text: string): IngressBackend {
  const [name, port] = text.split(':');
  return { service: { name, port: /^-?\d+$/.test(port) ? { number: Number(port) } : { name: port } } };
}

/** buildIngressRules: one rule per host in order of appearance, its paths in order. */
function httpRules(rules: string[]): IngressRule[] {
  const out: IngressRule[] = [];
  for (const rule of rules) {
    const [host, rest] = splitOnce(rule.split(',')[0], '/');
    const [pathPart, service] = rest.split('=');
    let path = '/' + pathPart;
    let pathType: HTTPIngressPath['pathType'] = 'Exact';
    if (path.endsWith('*')) {
      pathType = 'Prefix';
      path = path.slice(0, -1);
    }
    const p: HTTPIngressPath = { backend: backend(service), path, pathType };
    const existing = out.find((r) => (r.host ?? '') === host);
    if (existing) existing.http!.paths.push(p);
    else out.push({ ...(host ? { host } : {}), http: { paths: [p] } });
  }
  return out;
}

/** buildTLSRules: `,tls[=secret]` puts the host under its secret's entry, each host once. */
function tlsRules(rules: string[]): IngressTLS[] {
  const out: IngressTLS[] = [];
  const seen = new Set<string>();
  for (const rule of rules) {
    const parts = rule.split(',');
    if (parts.length !== 2) continue;
    const host = splitOnce(rule, '/')[0];
    const eq = parts[1].split('=');
    const secret = eq.length > 1 ? eq[1] : '';
    if (seen.has(host)) continue;
    const existing = out.find((t) => (t.secretName ?? '') === secret);
    seen.add(host);
    if (existing) {
      (existing.hosts ??= []).push(host);
      continue;
    }
    const entry: IngressTLS = {};
    if (host) entry.hosts = [host];
    if (secret) entry.secretName = secret;
    if (entry.hosts || entry.secretName) out.push(entry);
  }
  return out;
}

function splitOnce(s: string, sep: string): [string, string] {
  const i = s.indexOf(sep);
  return i < 0 ? [s, ''] : [s.slice(0, i), s.slice(i + 1)];
}
