/**
 * networking.k8s.io/v1 Ingress (`pkg/registry/networking/ingress`): no spec defaults in v1 (a
 * path's pathType is required), validation (./ingress-validation.ts), the status subresource a
 * controller fills with its address, and on create the DefaultIngressClass admission plugin
 * (`plugin/pkg/admission/network/defaultingressclass`): an Ingress that names no class gets
 * the default IngressClass's name, the newest when several claim it.
 */
import type { Ingress, IngressClass, IngressLoadBalancerStatus, IngressRule } from 'kubernetes-types/networking/v1';
import type { KObject } from '../../core/object';
import { defineKind } from '../kind';
import { AGE, ageCell, NAME, nameCell, NONE } from '../printing/cells';
import type { KindStrategy } from '../strategy';
import { child, obj } from '../util';
import { validateIngressSpec } from './ingress-validation';

type IngressObject = Ingress & KObject;

export const DEFAULT_CLASS_ANNOTATION = 'ingressclass.kubernetes.io/is-default-class';
/** The pre-IngressClass way to pick a controller; the admission plugin leaves such Ingresses alone. */
export const LEGACY_CLASS_ANNOTATION = 'kubernetes.io/ingress.class';

export const ingressStrategy: KindStrategy<IngressObject> = {
  hasStatus: true,
  tracksGeneration: true,
  prepareCreate(o, ctx) {
    (o as KObject).status = { loadBalancer: {} };
    const spec = child(o, 'spec');
    const annotation = o.metadata.annotations?.[LEGACY_CLASS_ANNOTATION];
    // ValidateIngressCreate (create only): the annotation and the field may not both name a class.
    if (annotation !== undefined && spec.ingressClassName) {
      return [{ type: 'Invalid value', field: `annotations.${LEGACY_CLASS_ANNOTATION}`, value: JSON.stringify(annotation), detail: 'can not be set when the class field is also set' }];
    }
    if (spec.ingressClassName || annotation !== undefined) return;
    const defaults = (ctx.list('ingressclasses') as (IngressClass & KObject)[]).filter((c) => c.metadata.annotations?.[DEFAULT_CLASS_ANNOTATION] === 'true');
    if (defaults.length === 0) return;
    // Newest first; names break ties (the plugin sorts by creationTimestamp, then name).
    defaults.sort((a, b) => (a.metadata.creationTimestamp! < b.metadata.creationTimestamp! ? 1 : a.metadata.creationTimestamp! > b.metadata.creationTimestamp! ? -1 : a.metadata.name! < b.metadata.name! ? -1 : 1));
    spec.ingressClassName = defaults[0].metadata.name;
  },
  validate(o) {
    return validateIngressSpec(obj(o.spec) ?? {});
  },
};

/** printIngress's HOSTS: up to three hosts, then ` + N more...` (N counts every rule); `*` when none. */
export function formatHosts(rules: IngressRule[] | undefined): string {
  const list: string[] = [];
  const all = rules ?? [];
  let more = false;
  for (const rule of all) {
    if (list.length === 3) more = true;
    if (!more && rule.host) list.push(rule.host);
  }
  if (list.length === 0) return '*';
  return more ? `${list.join(',')} + ${all.length - 3} more...` : list.join(',');
}

/** ingressLoadBalancerStatusStringerV1: the sorted set of IPs (or hostnames), clipped to 16 unless wide. */
export function ingressAddress(status: IngressLoadBalancerStatus | undefined, wide: boolean): string {
  const set = new Set<string>();
  for (const i of status?.ingress ?? []) {
    if (i.ip) set.add(i.ip);
    else if (i.hostname) set.add(i.hostname);
  }
  const r = [...set].sort().join(',');
  return !wide && r.length > 16 ? r.slice(0, 13) + '...' : r;
}

export const ingressKind = defineKind<Ingress>({
  group: 'networking.k8s.io', version: 'v1', kind: 'Ingress', plural: 'ingresses', singular: 'ingress', shortNames: ['ing'], namespaced: true,
  verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
  strategy: ingressStrategy,
  printer: {
    columns: [NAME, { name: 'Class' }, { name: 'Hosts' }, { name: 'Address' }, { name: 'Ports' }, AGE],
    cells(ing, { now, wide }) {
      const spec = ing.spec ?? {};
      return [nameCell(ing), spec.ingressClassName ?? NONE, formatHosts(spec.rules), ingressAddress(ing.status?.loadBalancer, wide), spec.tls?.length ? '80, 443' : '80', ageCell(ing, now)];
    },
  },
  graph: { draw: 'card', abbrev: 'ing', order: 4, routesToServices: true },
});
