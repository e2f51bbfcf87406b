/**
 * Defaults of core/v1 PodSpec and everything inside it (SetDefaults_PodSpec, _Container,
 * _ContainerPort, _Probe, _HTTPGetAction, _Volume, …). They apply to Pods and to pod
 * templates alike; `defaultPodOnly` holds what SetDefaults_Pod adds for Pods only.
 */
import type { Container, EphemeralContainer, HTTPGetAction, PodSpec, Probe, Volume } from 'kubernetes-types/core/v1';
import { child, objects, obj, setDefault } from '../util';

export function defaultPodSpec(spec: PodSpec): void {
  setDefault(spec, 'dnsPolicy', 'ClusterFirst');
  setDefault(spec, 'restartPolicy', 'Always');
  setDefault(spec, 'terminationGracePeriodSeconds', 30);
  setDefault(spec, 'schedulerName', 'default-scheduler');
  setDefault(spec, 'securityContext', {});
  // v1 keeps the deprecated `serviceAccount` as a mirror of `serviceAccountName`.
  if (!spec.serviceAccountName && spec.serviceAccount) spec.serviceAccountName = spec.serviceAccount;
  if (spec.serviceAccountName) spec.serviceAccount = spec.serviceAccountName;
  for (const c of [...objects(spec.initContainers), ...objects(spec.containers), ...objects(spec.ephemeralContainers)]) defaultContainer(c);
  for (const v of objects(spec.volumes)) defaultVolume(v);
}

/** Pods only (not templates): enableServiceLinks, and requests copied from limits. */
export function defaultPodOnly(spec: PodSpec): void {
  setDefault(spec, 'enableServiceLinks', true);
  for (const c of [...objects(spec.initContainers), ...objects(spec.containers)]) {
    const res = obj(c.resources);
    const limits = obj(res?.limits);
    if (!res || !limits || Object.keys(limits).length === 0) continue;
    const requests = child(res, 'requests');
    for (const [name, q] of Object.entries(limits)) {
      if (requests[name] === undefined) requests[name] = q;
    }
  }
}

export function defaultContainer(c: Container | EphemeralContainer): void {
  setDefault(c, 'terminationMessagePath', '/dev/termination-log');
  setDefault(c, 'terminationMessagePolicy', 'File');
  if (!c.imagePullPolicy) c.imagePullPolicy = defaultPullPolicy(typeof c.image === 'string' ? c.image : '');
  // ResourceRequirements is a struct, not a pointer: it is always serialised.
  if (obj(c.resources) === undefined) c.resources = {};
  for (const p of objects(c.ports)) setDefault(p, 'protocol', 'TCP');
  for (const e of objects(c.env)) {
    const ref = obj(obj(e.valueFrom)?.fieldRef);
    if (ref) setDefault(ref, 'apiVersion', 'v1');
  }
  for (const key of ['livenessProbe', 'readinessProbe', 'startupProbe'] as const) {
    const probe = obj(c[key]);
    if (probe) defaultProbe(probe);
  }
  const lifecycle = obj(c.lifecycle);
  for (const key of ['postStart', 'preStop'] as const) {
    const h = obj(lifecycle?.[key]);
    if (h) defaultHandler(h);
  }
}

/** No tag and no digest means `latest`. `latest` pulls Always; anything else IfNotPresent. */
export function defaultPullPolicy(image: string): string {
  const { tag, digest } = parseImageRef(image);
  if (digest && !tag) return 'IfNotPresent';
  return (tag ?? 'latest') === 'latest' ? 'Always' : 'IfNotPresent';
}

export function parseImageRef(image: string): { repository: string; tag?: string; digest?: string } {
  let rest = image;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  const slash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > slash) return { repository: rest.slice(0, colon), tag: rest.slice(colon + 1), digest };
  return { repository: rest, digest };
}

/** SetDefaults_Probe: Go cannot tell 0 from unset, so an explicit 0 gets the default too. */
function defaultProbe(p: Probe): void {
  for (const [key, value] of PROBE_DEFAULTS) {
    if (!p[key]) p[key] = value;
  }
  defaultHandler(p);
}

const PROBE_DEFAULTS = [['timeoutSeconds', 1], ['periodSeconds', 10], ['successThreshold', 1], ['failureThreshold', 3]] as const;

/** A probe's or a lifecycle hook's action; an empty path or scheme counts as unset. */
function defaultHandler(h: { httpGet?: HTTPGetAction }): void {
  const http = obj(h.httpGet);
  if (http) {
    if (!http.path) http.path = '/';
    if (!http.scheme) http.scheme = 'HTTP';
  }
}

/** A Volume as 1.32 has it: kubernetes-types 1.30 lacks the `image` source. */
type VolumeWithImage = Volume & { image?: object };

const VOLUME_SOURCES: readonly Exclude<keyof VolumeWithImage, 'name'>[] = [
  'hostPath', 'emptyDir', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'secret', 'nfs', 'iscsi', 'glusterfs',
  'persistentVolumeClaim', 'rbd', 'flexVolume', 'cinder', 'cephfs', 'flocker', 'downwardAPI', 'fc', 'azureFile', 'configMap',
  'vsphereVolume', 'quobyte', 'azureDisk', 'photonPersistentDisk', 'projected', 'portworxVolume', 'scaleIO', 'storageos', 'csi',
  'ephemeral', 'image',
];

export function volumeSources(v: VolumeWithImage): string[] {
  return VOLUME_SOURCES.filter((k) => v[k] !== undefined && v[k] !== null);
}

function defaultVolume(v: Volume): void {
  if (volumeSources(v).length === 0) v.emptyDir = {};
  const hostPath = obj(v.hostPath);
  if (hostPath) setDefault(hostPath, 'type', '');
  for (const key of ['configMap', 'secret', 'downwardAPI', 'projected'] as const) {
    const src = obj(v[key]);
    if (src) setDefault(src, 'defaultMode', 420);
  }
  const projected = obj(v.projected);
  for (const s of objects(projected?.sources)) {
    const token = obj(s.serviceAccountToken);
    if (token) setDefault(token, 'expirationSeconds', 3600);
    for (const item of objects(obj(s.downwardAPI)?.items)) {
      const ref = obj(item.fieldRef);
      if (ref) setDefault(ref, 'apiVersion', 'v1');
    }
  }
  for (const item of objects(obj(v.downwardAPI)?.items)) {
    const ref = obj(item.fieldRef);
    if (ref) setDefault(ref, 'apiVersion', 'v1');
  }
}
