/**
 * `kubectl describe` for services and config maps (namespaces and quotas: ./quota). The objects
 * come from the api-server, decoded as their kind: each describer reads them as that type.
 */
import type { ConfigMap, Service, ServiceSpec } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { KObject } from '../../sim/core/object';
import { formatLabels } from '../../sim/core/labels';
import { formatEndpointSlices } from './endpoints';
import { PrefixWriter, writeAnnotations, writeEvents, writeLabels } from './writer';

/**
 * `describeService`. `slices` are the Service's EndpointSlices (`kubernetes.io/service-name`),
 * in name order as the api lists them; the Endpoints lines come from them.
 */
export function describeService(svc: KObject, slices: readonly EndpointSlice[], events: KObject[] | undefined, nowMs: number): string {
  const s = svc as Service & KObject;
  const spec: ServiceSpec = s.spec ?? {};
  const w = new PrefixWriter();
  w.write(0, `Name:\t${svc.metadata.name}\n`);
  w.write(0, `Namespace:\t${svc.metadata.namespace}\n`);
  writeLabels(w, 'Labels', svc.metadata.labels);
  writeAnnotations(w, 'Annotations', svc.metadata.annotations);
  w.write(0, `Selector:\t${formatLabels(spec.selector)}\n`);
  w.write(0, `Type:\t${spec.type ?? ''}\n`);
  if (spec.ipFamilyPolicy) w.write(0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`);
  w.write(0, `IP Families:\t${spec.ipFamilies?.length ? spec.ipFamilies.join(',') : '<none>'}\n`);
  w.write(0, `IP:\t${spec.clusterIP ?? ''}\n`);
  w.write(0, `IPs:\t${spec.clusterIPs?.length ? spec.clusterIPs.join(',') : '<none>'}\n`);
  if (spec.externalIPs?.length) w.write(0, `External IPs:\t${spec.externalIPs.join(',')}\n`);
  if (spec.loadBalancerIP) w.write(0, `Desired LoadBalancer IP:\t${spec.loadBalancerIP}\n`);
  if (spec.externalName) w.write(0, `External Name:\t${spec.externalName}\n`);
  const ingress = s.status?.loadBalancer?.ingress ?? [];
  if (ingress.length) w.write(0, `LoadBalancer Ingress:\t${ingress.map((i) => (i.ip ? i.ip + (i.ipMode ? ` (${i.ipMode})` : '') : i.hostname)).join(', ')}\n`);
  for (const p of spec.ports ?? []) {
    const name = p.name || '<unset>';
    w.write(0, `Port:\t${name}\t${p.port}/${p.protocol}\n`);
    const tp = p.targetPort ?? p.port;
    w.write(0, `TargetPort:\t${tp}/${p.protocol}\n`);
    if (p.nodePort) w.write(0, `NodePort:\t${name}\t${p.nodePort}/${p.protocol}\n`);
    w.write(0, `Endpoints:\t${formatEndpointSlices(slices, p.name ?? '')}\n`);
  }
  w.write(0, `Session Affinity:\t${spec.sessionAffinity ?? ''}\n`);
  if (spec.externalTrafficPolicy) w.write(0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`);
  if (spec.internalTrafficPolicy) w.write(0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`);
  if (spec.healthCheckNodePort) w.write(0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}\n`);
  if (spec.loadBalancerSourceRanges?.length) w.write(0, `LoadBalancer Source Ranges:\t${spec.loadBalancerSourceRanges.join(',')}\n`);
  writeEvents(w, events, nowMs);
  return w.toString();
}

export function describeConfigMap(cm: KObject, events: KObject[] | undefined, nowMs: number): string {
  const c = cm as ConfigMap & KObject;
  const data = c.data ?? {};
  const binaryData = c.binaryData ?? {};
  const w = new PrefixWriter();
  w.write(0, `Name:\t${cm.metadata.name}\n`);
  w.write(0, `Namespace:\t${cm.metadata.namespace}\n`);
  writeLabels(w, 'Labels', cm.metadata.labels);
  writeAnnotations(w, 'Annotations', cm.metadata.annotations);
  w.write(0, '\nData\n====\n');
  for (const k of Object.keys(data).sort()) {
    w.write(0, `${k}:\n----\n`);
    w.write(0, `${data[k]}\n`);
    w.write(0, '\n');
  }
  w.write(0, '\nBinaryData\n====\n');
  for (const k of Object.keys(binaryData).sort()) {
    w.write(0, `${k}: ${Math.floor((String(binaryData[k]).replace(/=+$/, '').length * 3) / 4)} bytes\n`);
  }
  w.write(0, '\n');
  writeEvents(w, events, nowMs);
  return w.toString();
}

/** Any other kind: the generic describer's name/namespace/labels/annotations and events. */
export function describeGeneric(obj: KObject, events: KObject[] | undefined, nowMs: number): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${obj.metadata.name}\n`);
  if (obj.metadata.namespace) w.write(0, `Namespace:\t${obj.metadata.namespace}\n`);
  writeLabels(w, 'Labels', obj.metadata.labels);
  writeAnnotations(w, 'Annotations', obj.metadata.annotations);
  writeEvents(w, events, nowMs);
  return w.toString();
}
