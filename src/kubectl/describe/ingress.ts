/**
 * `kubectl describe ingress|ingressclass` as kubectl 1.32's IngressDescriber and
 * IngressClassDescriber print them: the address, class, default backend, TLS, the rules table
 * (`Host  Path  Backends`, each backend with its ready endpoints from the Service's
 * EndpointSlices), annotations, events.
 */
import type { Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { Ingress, IngressBackend, IngressClass, IngressServiceBackend } from 'kubernetes-types/networking/v1';
import type { KObject } from '../../sim/core/object';
import { ingressAddress } from '../../sim/kinds/networking/ingress';
import type { DescribeSource } from './describer';
import { PrefixWriter, writeAnnotations, writeEvents, writeLabels } from './writer';

export function describeIngress(obj: KObject, source: DescribeSource, events: KObject[] | undefined): string {
  const ing = obj as Ingress & KObject;
  const spec = ing.spec ?? {};
  const ns = ing.metadata.namespace ?? 'default';
  const backend = backendDescriber(source, ns);
  const w = new PrefixWriter();
  w.write(0, `Name:\t${ing.metadata.name}\n`);
  writeLabels(w, 'Labels', ing.metadata.labels);
  w.write(0, `Namespace:\t${ns}\n`);
  w.write(0, `Address:\t${ingressAddress(ing.status?.loadBalancer, true)}\n`);
  w.write(0, `Ingress Class:\t${spec.ingressClassName ?? '<none>'}\n`);
  const defaultBackend = spec.defaultBackend ? backend(spec.defaultBackend) : '<default>';
  w.write(0, `Default backend:\t${defaultBackend}\n`);
  if (spec.tls?.length) {
    w.write(0, 'TLS:\n');
    for (const t of spec.tls) {
      const hosts = (t.hosts ?? []).join(',');
      w.write(1, t.secretName ? `${t.secretName} terminates ${hosts}\n` : `SNI routes ${hosts}\n`);
    }
  }
  w.write(0, 'Rules:\n  Host\tPath\tBackends\n');
  w.write(1, '----\t----\t--------\n');
  let count = 0;
  for (const rule of spec.rules ?? []) {
    if (!rule.http) continue;
    count++;
    w.write(1, `${rule.host || '*'}\t\n`);
    for (const p of rule.http.paths ?? []) w.write(2, `\t${p.path ?? ''} \t${backend(p.backend)}\n`);
  }
  if (count === 0) w.write(1, `*\t*\t${defaultBackend}\n`);
  writeAnnotations(w, 'Annotations', ing.metadata.annotations);
  writeEvents(w, events, source.now());
  return w.toString();
}

export function describeIngressClass(obj: KObject, source: DescribeSource, events: KObject[] | undefined): string {
  const ic = obj as IngressClass & KObject;
  const w = new PrefixWriter();
  w.write(0, `Name:\t${ic.metadata.name}\n`);
  writeLabels(w, 'Labels', ic.metadata.labels);
  writeAnnotations(w, 'Annotations', ic.metadata.annotations);
  w.write(0, `Controller:\t${ic.spec?.controller ?? ''}\n`);
  const p = ic.spec?.parameters;
  if (p) {
    w.write(0, 'Parameters:\n');
    if (p.apiGroup) w.write(1, `APIGroup:\t${p.apiGroup}\n`);
    w.write(1, `Kind:\t${p.kind}\n`);
    w.write(1, `Name:\t${p.name}\n`);
  }
  writeEvents(w, events, source.now());
  return w.toString();
}

/** serviceBackendStringer: `svc:80` or `svc:http`. */
function serviceBackendText(b: IngressServiceBackend): string {
  return `${b.name}:${b.port?.number ? b.port.number : (b.port?.name ?? '')}`;
}

/** describeBackendV1: `svc:80 (10.244.1.5:8080,…)`, or `svc:80 (<error: services "svc" not found>)`. */
function backendDescriber(source: DescribeSource, ns: string): (b: IngressBackend) => string {
  const services = source.list('services', ns) as (Service & KObject)[];
  const slices = listSlices(source, ns);
  return (b) => {
    if (b.service) {
      const text = serviceBackendText(b.service);
      const svc = services.find((s) => s.metadata.name === b.service!.name);
      if (!svc) return `${text} (<error: services "${b.service.name}" not found>)`;
      let portName = '';
      for (const sp of svc.spec?.ports ?? []) {
        if (b.service.port?.number && b.service.port.number === sp.port) portName = sp.name ?? '';
        else if (b.service.port?.name && b.service.port.name === sp.name) portName = sp.name ?? '';
      }
      const mine = slices.filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === svc.metadata.name);
      return `${text} (${formatEndpointSlices(mine, portName)})`;
    }
    if (b.resource) return `APIGroup: ${b.resource.apiGroup ?? '<none>'}, Kind: ${b.resource.kind}, Name: ${b.resource.name}`;
    return '';
  };
}

/** The namespace's EndpointSlices; none while the cluster does not serve the kind. */
function listSlices(source: DescribeSource, ns: string): (EndpointSlice & KObject)[] {
  try {
    return source.list('endpointslices', ns) as (EndpointSlice & KObject)[];
  } catch {
    return [];
  }
}

/** kubectl's formatEndpointSlices for one port name: ready `ip:port`, ≤3 then ` + N more...`. */
export function formatEndpointSlices(slices: EndpointSlice[], portName: string): string {
  if (slices.length === 0) return '<none>';
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const s of slices) {
    const endpoints = s.endpoints ?? [];
    const ports = s.ports ?? [];
    const add = (text: () => string, ready: boolean | undefined) => {
      if (list.length === 3) more = true;
      if (ready === false) return;
      if (!more) list.push(text());
      count++;
    };
    if (ports.length === 0) {
      for (const e of endpoints) add(() => e.addresses[0], e.conditions?.ready ?? undefined);
      continue;
    }
    for (const p of ports) {
      if ((p.name ?? '') !== portName) continue;
      for (const e of endpoints) add(() => `${e.addresses[0]}:${p.port}`, e.conditions?.ready ?? undefined);
    }
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - 3} more...` : ret;
}
