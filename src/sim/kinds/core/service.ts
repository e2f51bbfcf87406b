/**
 * core/v1 Service: defaults, cluster IP / node port allocation (create) and carry-over
 * (update), validation (ValidateService) and the immutable cluster IP.
 */
import { goQuote, goStringSlice } from '../../core/gostr';
import { isDNS1123Label, isValidIP, isValidPortName, isValidPortNum } from '../../core/names';
import type { KObject } from '../../core/object';
import type { FieldError } from '../../api/errors';
import { validateLabels } from '../meta';
import { notSupported } from './podspec-validation';
import { dropTypeDependentFields } from './service-type-change';
import { allocateClusterIP, allocateNodePort, clusterIPProblem, nodePortProblem, usedClusterIPs, usedNodePorts } from './service-alloc';
import type { KindStrategy, StrategyContext } from '../strategy';
import { child, obj, objects, setDefault, str } from '../util';
import type { Service, ServiceSpec } from 'kubernetes-types/core/v1';
import { formatLabels } from '../../core/labels';
import { defineKind } from '../kind';
import { AGE, ageCell, NAME, nameCell, NONE } from '../printing/cells';

const TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const AFFINITIES = ['ClientIP', 'None'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];

type ServiceObject = Service & KObject;

export const serviceStrategy: KindStrategy<ServiceObject> = {
  hasStatus: true,
  default(o) {
    const spec = child(o, 'spec');
    setDefault(spec, 'type', 'ClusterIP');
    setDefault(spec, 'sessionAffinity', 'None');
    if (spec.sessionAffinity === 'ClientIP') {
      const cfg = child(child(spec, 'sessionAffinityConfig'), 'clientIP');
      setDefault(cfg, 'timeoutSeconds', 10800);
    }
    for (const p of objects(spec.ports)) {
      setDefault(p, 'protocol', 'TCP');
      if (p.targetPort === undefined || p.targetPort === null || p.targetPort === 0 || p.targetPort === '') p.targetPort = p.port;
    }
    if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') setDefault(spec, 'externalTrafficPolicy', 'Cluster');
    if (spec.type === 'LoadBalancer') setDefault(spec, 'allocateLoadBalancerNodePorts', true);
    if (spec.type !== 'ExternalName') setDefault(spec, 'internalTrafficPolicy', 'Cluster');
    if (spec.clusterIP && !spec.clusterIPs) spec.clusterIPs = [spec.clusterIP];
    // LoadBalancerIPMode (beta, on in 1.32): an ingress IP without a mode is a VIP.
    for (const ing of objects(obj(o.status)?.loadBalancer?.ingress)) if (ing.ip) setDefault(ing, 'ipMode', 'VIP');
  },
  prepareCreate(o, ctx) {
    // kubernetes-types marks status read-only for clients; the server is the one that writes it.
    (o as KObject).status = { loadBalancer: {} };
    return allocate(o, undefined, ctx);
  },
  prepareUpdate(o, old, ctx) {
    dropTypeDependentFields(child(o, 'spec'), obj(old.spec) ?? {});
    carryOver(child(o, 'spec'), obj(old.spec) ?? {});
    return allocate(o, old, ctx);
  },
  validate(o) {
    return validateService(obj(o.spec) ?? {});
  },
  validateUpdate(o, old) {
    const spec: ServiceSpec = obj(o.spec) ?? {};
    const before: ServiceSpec = obj(old.spec) ?? {};
    const oldIP = str(before.clusterIP);
    if (oldIP && before.type !== 'ExternalName' && spec.type !== 'ExternalName' && str(spec.clusterIP) !== oldIP) {
      return [{ type: 'Invalid value', field: 'spec.clusterIPs[0]', value: goStringSlice(Array.isArray(spec.clusterIPs) ? spec.clusterIPs : []), detail: 'may not change once set' }];
    }
    return [];
  },
};

/** patchAllocatedValues: an update that omits the cluster IP or node ports keeps the allocated ones. */
function carryOver(spec: ServiceSpec, before: ServiceSpec): void {
  if (spec.type !== 'ExternalName' && before.type !== 'ExternalName' && !spec.clusterIP && before.clusterIP) {
    spec.clusterIP = before.clusterIP;
    spec.clusterIPs = before.clusterIPs;
  }
  if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') {
    const oldPorts = objects(before.ports);
    for (const p of objects(spec.ports)) {
      if (p.nodePort) continue;
      const match = oldPorts.find((q) => q.port === p.port && (q.protocol ?? 'TCP') === (p.protocol ?? 'TCP') && q.nodePort);
      if (match) p.nodePort = match.nodePort;
    }
  }
  if (!spec.ipFamilies && before.ipFamilies) spec.ipFamilies = before.ipFamilies;
  if (!spec.ipFamilyPolicy && before.ipFamilyPolicy) spec.ipFamilyPolicy = before.ipFamilyPolicy;
}

/** Allocates the cluster IP and node ports; returns the allocation failures (reported after validation). */
function allocate(o: ServiceObject, old: ServiceObject | undefined, ctx: StrategyContext): FieldError[] {
  const spec = child(o, 'spec');
  const type = spec.type ?? 'ClusterIP';
  // The store keeps Services under `services`, decoded like this one.
  const services = ctx.list('services') as ServiceObject[];
  const self = old?.metadata.uid;
  const errors: FieldError[] = [];
  if (type !== 'ExternalName') {
    if (!spec.ipFamilyPolicy) spec.ipFamilyPolicy = 'SingleStack';
    if (!spec.ipFamilies) spec.ipFamilies = ['IPv4'];
    const requested = str(spec.clusterIP);
    const oldIP = str(old?.spec?.clusterIP);
    if (!requested) {
      const ip = allocateClusterIP(ctx.rng, usedClusterIPs(services));
      spec.clusterIP = ip;
      spec.clusterIPs = [ip];
    } else if (requested !== 'None' && requested !== oldIP) {
      const problem = clusterIPProblem(requested, usedClusterIPs(services, self));
      if (problem) errors.push({ type: 'Invalid value', field: 'spec.clusterIPs', value: goStringSlice([requested]), detail: problem });
      spec.clusterIPs = [requested];
    } else {
      spec.clusterIPs = [requested];
    }
  }
  if (type === 'NodePort' || (type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts !== false)) {
    const used = usedNodePorts(services, self);
    const oldPorts = new Set(objects(old?.spec?.ports).map((p) => p.nodePort));
    objects(spec.ports).forEach((p, i) => {
      if (typeof p.nodePort === 'number' && p.nodePort !== 0) {
        if (oldPorts.has(p.nodePort)) return used.add(p.nodePort), undefined;
        const problem = nodePortProblem(p.nodePort, used);
        if (problem) errors.push({ type: 'Invalid value', field: `spec.ports[${i}].nodePort`, value: String(p.nodePort), detail: problem });
        used.add(p.nodePort);
        return;
      }
      const port = allocateNodePort(ctx.rng, used);
      if (port === undefined) errors.push({ type: 'Invalid value', field: `spec.ports[${i}].nodePort`, value: '0', detail: 'failed to allocate a nodePort: range is full' });
      else p.nodePort = port;
    });
  }
  return errors;
}

function validateService(spec: ServiceSpec): FieldError[] {
  const errors: FieldError[] = [];
  const type = spec.type;
  const headless = spec.clusterIP === 'None';
  const ports = objects(spec.ports);
  if (ports.length === 0 && !headless && type !== 'ExternalName') errors.push({ type: 'Required value', field: 'spec.ports' });
  if (type === 'ExternalName') {
    if (!spec.externalName) errors.push({ type: 'Required value', field: 'spec.externalName' });
    if (spec.clusterIP) errors.push({ type: 'Forbidden', field: 'spec.clusterIP', detail: 'may not be set for ExternalName services' });
  }
  const names = new Set<string>();
  ports.forEach((p, i) => {
    const path = `spec.ports[${i}]`;
    const name = str(p.name);
    if (ports.length > 1 && !name) errors.push({ type: 'Required value', field: `${path}.name` });
    else if (name) {
      for (const msg of isDNS1123Label(name)) errors.push({ type: 'Invalid value', field: `${path}.name`, value: goQuote(name), detail: msg });
      if (names.has(name)) errors.push({ type: 'Duplicate value', field: `${path}.name`, value: goQuote(name) });
      names.add(name);
    }
    for (const msg of isValidPortNum(p.port)) errors.push({ type: 'Invalid value', field: `${path}.port`, value: String(p.port ?? 0), detail: msg });
    if (!p.protocol) errors.push({ type: 'Required value', field: `${path}.protocol` });
    else if (!PROTOCOLS.includes(p.protocol)) errors.push(notSupported(`${path}.protocol`, p.protocol, PROTOCOLS));
    if (typeof p.targetPort === 'number') {
      for (const msg of isValidPortNum(p.targetPort)) errors.push({ type: 'Invalid value', field: `${path}.targetPort`, value: String(p.targetPort), detail: msg });
    } else if (typeof p.targetPort === 'string') {
      for (const msg of isValidPortName(p.targetPort)) errors.push({ type: 'Invalid value', field: `${path}.targetPort`, value: goQuote(p.targetPort), detail: msg });
    }
  });
  errors.push(...validateLabels(obj(spec.selector), 'spec.selector'));
  if (spec.sessionAffinity !== undefined && !AFFINITIES.includes(spec.sessionAffinity)) errors.push(notSupported('spec.sessionAffinity', spec.sessionAffinity, AFFINITIES));
  if (type !== undefined && !TYPES.includes(type)) errors.push(notSupported('spec.type', type, TYPES));
  if (type === 'ClusterIP') {
    ports.forEach((p, i) => {
      if (p.nodePort) errors.push({ type: 'Forbidden', field: `spec.ports[${i}].nodePort`, detail: "may not be used when `type` is 'ClusterIP'" });
    });
  }
  const seen = new Set<string>();
  const seenNodePorts = new Set<string>();
  ports.forEach((p, i) => {
    const key = `${p.port}/${p.protocol}`;
    if (seen.has(key)) {
      errors.push({ type: 'Duplicate value', field: `spec.ports[${i}]`, value: `core.ServicePort{Name:"", Protocol:${goQuote(str(p.protocol))}, AppProtocol:(*string)(nil), Port:${p.port}, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}` });
    }
    seen.add(key);
    if (p.nodePort) {
      const nodeKey = `${p.nodePort}/${p.protocol}`;
      if (seenNodePorts.has(nodeKey)) errors.push({ type: 'Duplicate value', field: `spec.ports[${i}].nodePort`, value: String(p.nodePort) });
      seenNodePorts.add(nodeKey);
    }
  });
  if (spec.clusterIP && spec.clusterIP !== 'None') {
    for (const msg of isValidIP(str(spec.clusterIP))) errors.push({ type: 'Invalid value', field: 'spec.clusterIPs[0]', value: goQuote(str(spec.clusterIP)), detail: msg });
  }
  return errors;
}

export const serviceKind = defineKind<Service>({
  group: '', version: 'v1', kind: 'Service', plural: 'services', singular: 'service', shortNames: ['svc'], namespaced: true, categories: ['all'],
  verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
  strategy: serviceStrategy,
  printer: {
    columns: [NAME, { name: 'Type' }, { name: 'Cluster-IP' }, { name: 'External-IP' }, { name: 'Port(s)' }, AGE, { name: 'Selector', priority: 1 }],
    cells(s, { now, wide }) {
      const spec = s.spec ?? {};
      const clusterIP = spec.clusterIPs?.length ? spec.clusterIPs[0] : NONE;
      const ports = spec.ports ?? [];
      const portText = ports.map((p) => (p.nodePort && p.nodePort > 0 ? `${p.port}:${p.nodePort}/${p.protocol}` : `${p.port}/${p.protocol}`)).join(',');
      return [nameCell(s), spec.type ?? '', clusterIP, serviceExternalIP(s, wide), portText || NONE, ageCell(s, now), formatLabels(spec.selector)];
    },
  },
  graph: { draw: 'card', abbrev: 'svc', order: 2 },
});

function serviceExternalIP(svc: Service, wide: boolean): string {
  const spec = svc.spec ?? {};
  const externalIPs = spec.externalIPs ?? [];
  switch (spec.type) {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length ? externalIPs.join(',') : NONE;
    case 'LoadBalancer': {
      const ingress = svc.status?.loadBalancer?.ingress ?? [];
      let lb = ingress.map((i) => i.ip || i.hostname).filter(Boolean).join(',');
      if (!wide && lb.length > 16) lb = lb.slice(0, 13) + '...';
      if (externalIPs.length) return [...(lb ? lb.split(',') : []), ...externalIPs].join(',');
      return lb || '<pending>';
    }
    case 'ExternalName':
      return spec.externalName ?? '';
  }
  return '<unknown>';
}
