/**
 * The environment the kubelet hands the runtime for one container (kubelet_pods.go
 * makeEnvironmentVariables): each `env` entry in order — a `value` with `$(VAR)` expanded
 * against the entries before it and the service variables, or a `valueFrom` field/resource
 * reference — then the docker-link variables of services (envvars.FromServices). Variables
 * from ConfigMaps and Secrets come first (`envFrom`, which `env` overrides) and by key
 * (`configMapKeyRef`, `secretKeyRef`), read at the container's start (./env-refs.ts).
 */
import type { Container, EnvVar, Pod, Service } from 'kubernetes-types/core/v1';
import { goQuote } from '../core/gostr';
import { cpuMillis, memoryBytes } from '../core/quantity';
import type { EnvRefs } from './env-refs';
import { expand } from './expansion';

/** What the kubelet knows beyond the pod spec when it starts a container. */
export interface PodFacts {
  podIPs: string[];
  hostIPs: string[];
  /** Node allocatable, the limit of a container that sets none (cpu in millicores, bytes). */
  allocatable: { cpuMillis: number; memoryBytes: number; ephemeralBytes: number };
  /** Every Service in the cluster as the kubelet's informer sees it now. */
  services: Service[];
  /** The ConfigMap and Secret values of the container being started (none: they read as empty). */
  envRefs?: EnvRefs;
}

/** The kubelet's variables for a container: its own env, then service links. */
export function kubeletEnv(pod: Pod, container: Container, facts: PodFacts): Record<string, string> {
  const services = serviceEnv(pod, facts.services);
  const refs = facts.envRefs;
  const env: Record<string, string> = { ...refs?.fromSources };
  (container.env ?? []).forEach((e, i) => {
    if (e.value) env[e.name] = expand(e.value, env, services);
    else if (e.valueFrom?.configMapKeyRef || e.valueFrom?.secretKeyRef) {
      // An optional reference that is missing leaves the variable unset.
      const value = refs ? refs.values.get(i) : '';
      if (value !== undefined) env[e.name] = value;
    } else env[e.name] = e.valueFrom ? valueFrom(e, pod, container, facts) : '';
  });
  for (const [k, v] of Object.entries(services)) if (!Object.hasOwn(env, k)) env[k] = v;
  return env;
}

function valueFrom(e: EnvVar, pod: Pod, container: Container, facts: PodFacts): string {
  const from = e.valueFrom!;
  if (from.fieldRef) return fieldValue(from.fieldRef.fieldPath, pod, facts);
  if (from.resourceFieldRef) {
    const ref = from.resourceFieldRef;
    const target = ref.containerName ? [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])].find((c) => c.name === ref.containerName) ?? container : container;
    return resourceValue(ref.resource, ref.divisor, target, facts);
  }
  return '';
}

/** podFieldSelectorRuntimeValue + fieldpath.ExtractFieldPathAsString. */
export function fieldValue(path: string, pod: Pod, facts: PodFacts): string {
  const meta = pod.metadata ?? {};
  switch (path) {
    case 'metadata.name': return meta.name ?? '';
    case 'metadata.namespace': return meta.namespace ?? '';
    case 'metadata.uid': return meta.uid ?? '';
    case 'metadata.labels': return formatMap(meta.labels);
    case 'metadata.annotations': return formatMap(meta.annotations);
    case 'spec.nodeName': return pod.spec?.nodeName ?? '';
    case 'spec.serviceAccountName': return pod.spec?.serviceAccountName ?? '';
    case 'status.hostIP': return facts.hostIPs[0] ?? '';
    case 'status.hostIPs': return facts.hostIPs.join(',');
    case 'status.podIP': return facts.podIPs[0] ?? '';
    case 'status.podIPs': return facts.podIPs.join(',');
  }
  const m = /^metadata\.(labels|annotations)\['(.*)'\]$/.exec(path);
  if (m) return (m[1] === 'labels' ? meta.labels : meta.annotations)?.[m[2]] ?? '';
  return '';
}

/** fieldpath.FormatMap: sorted `key="value"` lines. */
function formatMap(m: Record<string, string> | undefined): string {
  return Object.keys(m ?? {}).sort().map((k) => `${k}=${goQuote(m![k])}`).join('\n');
}

/** ExtractContainerResourceValue after defaultPodLimitsForDownwardAPI (no limit → allocatable). */
export function resourceValue(resource: string, divisor: string | number | undefined, c: Container, facts: PodFacts): string {
  const limits = c.resources?.limits ?? {};
  const requests = c.resources?.requests ?? {};
  const zero = divisor === undefined || cpuMillis(divisor) === 0;
  const perCpu = zero ? 1000 : cpuMillis(divisor);
  const perByte = zero ? 1 : memoryBytes(divisor);
  const a = facts.allocatable;
  switch (resource) {
    case 'limits.cpu': return ceilDiv(limits.cpu !== undefined ? cpuMillis(limits.cpu) : a.cpuMillis, perCpu);
    case 'requests.cpu': return ceilDiv(cpuMillis(requests.cpu), perCpu);
    case 'limits.memory': return ceilDiv(limits.memory !== undefined ? memoryBytes(limits.memory) : a.memoryBytes, perByte);
    case 'requests.memory': return ceilDiv(memoryBytes(requests.memory), perByte);
    case 'limits.ephemeral-storage': return ceilDiv(limits['ephemeral-storage'] !== undefined ? memoryBytes(limits['ephemeral-storage']) : a.ephemeralBytes, perByte);
    case 'requests.ephemeral-storage': return ceilDiv(memoryBytes(requests['ephemeral-storage']), perByte);
  }
  return '';
}

function ceilDiv(n: number, d: number): string {
  return String(Math.ceil(n / d));
}

/**
 * getServiceEnvVarMap: the `kubernetes` service of `default` always, the pod's namespace's
 * services unless enableServiceLinks is false; headless and ExternalName services have none.
 */
export function serviceEnv(pod: Pod, all: Service[]): Record<string, string> {
  const ns = pod.metadata?.namespace ?? 'default';
  const links = pod.spec?.enableServiceLinks !== false;
  const chosen = new Map<string, Service>();
  for (const s of all) {
    const name = s.metadata?.name ?? '';
    if (s.metadata?.namespace === 'default' && name === 'kubernetes') {
      if (!chosen.has(name)) chosen.set(name, s);
    } else if (s.metadata?.namespace === ns && links) chosen.set(name, s);
  }
  const env: Record<string, string> = {};
  for (const s of chosen.values()) Object.assign(env, linkVariables(s));
  return env;
}

/** envvars.FromServices for one service. */
function linkVariables(s: Service): Record<string, string> {
  const ip = s.spec?.clusterIP;
  const ports = s.spec?.ports ?? [];
  if (!ip || ip === 'None' || ports.length === 0) return {};
  const prefix = (s.metadata?.name ?? '').replace(/-/g, '_').toUpperCase();
  const env: Record<string, string> = {};
  env[`${prefix}_SERVICE_HOST`] = ip;
  env[`${prefix}_SERVICE_PORT`] = String(ports[0].port);
  for (const p of ports) if (p.name) env[`${prefix}_SERVICE_PORT_${p.name.replace(/-/g, '_').toUpperCase()}`] = String(p.port);
  const host = ip.includes(':') ? `[${ip}]` : ip;
  ports.forEach((p, i) => {
    const proto = (p.protocol ?? 'TCP').toLowerCase();
    const url = `${proto}://${host}:${p.port}`;
    if (i === 0) env[`${prefix}_PORT`] = url;
    const pp = `${prefix}_PORT_${p.port}_${proto.toUpperCase()}`;
    env[pp] = url;
    env[`${pp}_PROTO`] = proto;
    env[`${pp}_PORT`] = String(p.port);
    env[`${pp}_ADDR`] = ip;
  });
  return env;
}
