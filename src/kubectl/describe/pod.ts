/**
 * `kubectl describe pod` and the pod-template/container sections other describers share
 * (kubectl pkg/describe/describe.go: describePod, describeContainers, describeVolumes,
 * DescribePodTemplate).
 */
import type { Container, ContainerState, ContainerStatus, EnvVar, Pod, PodSpec, PodStatus, PodTemplateSpec, Probe, ResourceFieldSelector, ResourceRequirements, Volume } from 'kubernetes-types/core/v1';
import type { KObject } from '../../sim/core/object';
import { qosClass } from '../../sim/kinds/core/qos';
import { cpuMillis, memoryBytes, quantityText } from '../../sim/core/quantity';
import { age } from '../../sim/kinds/printing/age';
import { controllerOf, PrefixWriter, rfc1123z, writeAnnotations, writeEvents, writeLabels, writeTolerations } from './writer';

/** A PodSpec as 1.32 has it: kubernetes-types 1.30 lacks pod-level `resources`. */
type PodSpec132 = Partial<PodSpec> & { resources?: ResourceRequirements };

export function describePod(pod: KObject, events: KObject[] | undefined, nowMs: number): string {
  // Stored objects are their kind's JSON (the api-server decoded them).
  const p = pod as Pod & KObject;
  const spec: PodSpec132 = p.spec ?? {};
  const status: PodStatus = p.status ?? {};
  const w = new PrefixWriter();
  w.write(0, `Name:\t${pod.metadata.name}\n`);
  w.write(0, `Namespace:\t${pod.metadata.namespace}\n`);
  if (spec.priority !== undefined && spec.priority !== null) w.write(0, `Priority:\t${spec.priority}\n`);
  if (spec.priorityClassName) w.write(0, `Priority Class Name:\t${spec.priorityClassName}\n`);
  if (spec.runtimeClassName) w.write(0, `Runtime Class Name:\t${spec.runtimeClassName}\n`);
  if (spec.serviceAccountName) w.write(0, `Service Account:\t${spec.serviceAccountName}\n`);
  w.write(0, spec.nodeName ? `Node:\t${spec.nodeName}/${status.hostIP ?? ''}\n` : 'Node:\t<none>\n');
  if (status.startTime) w.write(0, `Start Time:\t${rfc1123z(status.startTime)}\n`);
  writeLabels(w, 'Labels', pod.metadata.labels);
  writeAnnotations(w, 'Annotations', pod.metadata.annotations);
  if (pod.metadata.deletionTimestamp && status.phase !== 'Failed' && status.phase !== 'Succeeded') {
    w.write(0, `Status:\tTerminating (lasts ${age(pod.metadata.deletionTimestamp, nowMs)})\n`);
    w.write(0, `Termination Grace Period:\t${pod.metadata.deletionGracePeriodSeconds ?? 0}s\n`);
  } else {
    w.write(0, `Status:\t${status.phase ?? ''}\n`);
  }
  if (status.reason) w.write(0, `Reason:\t${status.reason}\n`);
  if (status.message) w.write(0, `Message:\t${status.message}\n`);
  w.write(0, `IP:\t${status.podIP ?? ''}\n`);
  const ips = status.podIPs ?? [];
  if (ips.length === 0) w.write(0, 'IPs:\t<none>\n');
  else {
    w.write(0, 'IPs:\n');
    for (const ip of ips) w.write(1, `IP:\t${ip.ip}\n`);
  }
  const controller = controllerOf(pod);
  if (controller) w.write(0, `Controlled By:\t${controller}\n`);
  if (status.nominatedNodeName) w.write(0, `NominatedNodeName:\t${status.nominatedNodeName}\n`);
  if (spec.resources) {
    w.write(0, 'Resources:\n');
    describeResources(w, spec.resources, 1);
  }
  // Called for `fieldRef` variables only.
  const resolve = (e: EnvVar) => fieldRefValue(p, e.valueFrom!.fieldRef!.fieldPath);
  if ((spec.initContainers ?? []).length) describeContainers(w, 'Init Containers', spec.initContainers ?? [], status.initContainerStatuses, '', resolve);
  describeContainers(w, 'Containers', spec.containers ?? [], status.containerStatuses, '', resolve);
  const gates = spec.readinessGates ?? [];
  if (gates.length) {
    w.write(0, 'Readiness Gates:\n  Type\tStatus\n');
    for (const g of gates) {
      const c = (status.conditions ?? []).find((x) => x.type === g.conditionType);
      w.write(1, `${g.conditionType} \t${c ? c.status : '<none>'} \n`);
    }
  }
  const conditions = status.conditions ?? [];
  if (conditions.length) {
    w.write(0, 'Conditions:\n  Type\tStatus\n');
    for (const c of conditions) w.write(1, `${c.type} \t${c.status} \n`);
  }
  describeVolumes(w, spec.volumes ?? [], '');
  w.write(0, `QoS Class:\t${status.qosClass || qosClass(spec)}\n`);
  writeLabels(w, 'Node-Selectors', spec.nodeSelector);
  writeTolerations(w, 'Tolerations', spec.tolerations);
  writeEvents(w, events, nowMs);
  return w.toString();
}

/** `DescribePodTemplate` (deployments, replica sets). */
export function describePodTemplate(w: PrefixWriter, template: PodTemplateSpec | undefined): void {
  w.write(0, 'Pod Template:\n');
  if (!template) return w.write(1, '<unset>');
  writeLabels(w, '  Labels', template.metadata?.labels);
  if (Object.keys(template.metadata?.annotations ?? {}).length) writeAnnotations(w, '  Annotations', template.metadata?.annotations);
  const spec: Partial<PodSpec> = template.spec ?? {};
  if (spec.serviceAccountName) w.write(1, `Service Account:\t${spec.serviceAccountName}\n`);
  if ((spec.initContainers ?? []).length) describeContainers(w, 'Init Containers', spec.initContainers ?? [], undefined, '  ');
  describeContainers(w, 'Containers', spec.containers ?? [], undefined, '  ');
  describeVolumes(w, spec.volumes ?? [], '  ');
  if (spec.priorityClassName) w.write(1, `Priority Class Name:\t${spec.priorityClassName}\n`);
  writeLabels(w, '  Node-Selectors', spec.nodeSelector);
  writeTolerations(w, '  Tolerations', spec.tolerations);
}

/** The value of a downward-API field path for a pod (describe resolves `fieldRef` env vars). */
function fieldRefValue(p: Pod & KObject, path: string): string {
  const m = /^metadata\.(labels|annotations)\['(.*)'\]$/.exec(path);
  if (m) return String(p.metadata?.[m[1] as 'labels' | 'annotations']?.[m[2]] ?? '');
  const simple: Record<string, unknown> = {
    'metadata.name': p.metadata?.name,
    'metadata.namespace': p.metadata?.namespace,
    'metadata.uid': p.metadata?.uid,
    'spec.nodeName': p.spec?.nodeName,
    'spec.serviceAccountName': p.spec?.serviceAccountName,
    'status.hostIP': p.status?.hostIP,
    'status.podIP': p.status?.podIP,
  };
  return String(simple[path] ?? '');
}

function describeContainers(w: PrefixWriter, label: string, containers: Container[], statuses: ContainerStatus[] | undefined, space: string, resolve?: (e: EnvVar) => string): void {
  const byName = new Map((statuses ?? []).map((s) => [s.name, s]));
  w.write(0, `${space}${label}:${containers.length ? '' : ' <none>'}\n`);
  for (const c of containers) {
    const st = byName.get(c.name);
    w.write(1, `${space ? ' ' : ''}${c.name}:\n`);
    if (st) w.write(2, `Container ID:\t${st.containerID ?? ''}\n`);
    w.write(2, `Image:\t${c.image ?? ''}\n`);
    if (st) w.write(2, `Image ID:\t${st.imageID ?? ''}\n`);
    const ports = c.ports ?? [];
    const portText = ports.map((p) => `${p.containerPort}/${p.protocol ?? 'TCP'}`).join(', ');
    const hostText = ports.map((p) => `${p.hostPort ?? 0}/${p.protocol ?? 'TCP'}`).join(', ');
    w.write(2, portText.includes(',') ? `Ports:\t${portText}\n` : `Port:\t${portText || '<none>'}\n`);
    w.write(2, hostText.includes(',') ? `Host Ports:\t${hostText}\n` : `Host Port:\t${hostText || '<none>'}\n`);
    for (const [title, list] of [['Command', c.command], ['Args', c.args]] as const) {
      if (!list?.length) continue;
      w.write(2, `${title}:\n`);
      for (const arg of list) for (const s of String(arg).split('\n')) w.write(3, `${s}\n`);
    }
    if (st) {
      describeState(w, 'State', st.state);
      if (st.lastState?.terminated) describeState(w, 'Last State', st.lastState);
      w.write(2, `Ready:\t${st.ready ? 'True' : 'False'}\n`);
      w.write(2, `Restart Count:\t${st.restartCount ?? 0}\n`);
    }
    describeResources(w, c.resources, 2);
    for (const [title, probe] of [['Liveness', c.livenessProbe], ['Readiness', c.readinessProbe], ['Startup', c.startupProbe]] as const) {
      if (probe) w.write(2, `${title}:\t${describeProbe(probe)}\n`);
    }
    if ((c.envFrom ?? []).length) {
      w.write(2, 'Environment Variables from:\n');
      for (const e of c.envFrom ?? []) {
        const [from, ref]: [string, { name?: string; optional?: boolean }] = e.configMapRef ? ['ConfigMap', e.configMapRef] : ['Secret', e.secretRef ?? {}];
        const optional = ref.optional === true;
        w.write(3, e.prefix ? `${ref.name}\t${from} with prefix '${e.prefix}'\tOptional: ${optional}\n` : `${ref.name}\t${from}\tOptional: ${optional}\n`);
      }
    }
    describeEnv(w, c, resolve);
    const mounts = [...(c.volumeMounts ?? [])].sort((a, b) => (a.mountPath < b.mountPath ? -1 : a.mountPath > b.mountPath ? 1 : 0));
    w.write(2, mounts.length ? 'Mounts:\n' : 'Mounts:\t<none>\n');
    for (const m of mounts) {
      const flags = [m.readOnly ? 'ro' : 'rw'];
      if (m.subPath) flags.push(`path=${JSON.stringify(m.subPath)}`);
      w.write(3, `${m.mountPath} from ${m.name} (${flags.join(',')})\n`);
    }
  }
}

function describeState(w: PrefixWriter, name: string, state: ContainerState | undefined): void {
  if (state?.running) {
    w.write(2, `${name}:\tRunning\n`);
    w.write(3, `Started:\t${rfc1123z(state.running.startedAt)}\n`);
  } else if (state?.waiting) {
    w.write(2, `${name}:\tWaiting\n`);
    if (state.waiting.reason) w.write(3, `Reason:\t${state.waiting.reason}\n`);
  } else if (state?.terminated) {
    const t = state.terminated;
    w.write(2, `${name}:\tTerminated\n`);
    if (t.reason) w.write(3, `Reason:\t${t.reason}\n`);
    if (t.message) w.write(3, `Message:\t${t.message}\n`);
    w.write(3, `Exit Code:\t${t.exitCode ?? 0}\n`);
    if ((t.signal ?? 0) > 0) w.write(3, `Signal:\t${t.signal}\n`);
    w.write(3, `Started:\t${rfc1123z(t.startedAt)}\n`);
    w.write(3, `Finished:\t${rfc1123z(t.finishedAt)}\n`);
  } else {
    w.write(2, `${name}:\tWaiting\n`);
  }
}

/** Resource names in kubectl's order: cpu, memory, ephemeral-storage first, the rest sorted. */
function sortedResourceNames(m: Record<string, unknown>): string[] {
  return Object.keys(m).sort();
}

function describeResources(w: PrefixWriter, resources: ResourceRequirements | undefined, level: number): void {
  for (const [title, m] of [['Limits', resources?.limits], ['Requests', resources?.requests]] as const) {
    if (!m || Object.keys(m).length === 0) continue;
    w.write(level, `${title}:\n`);
    for (const name of sortedResourceNames(m)) w.write(level + 1, `${name}:\t${quantityText(m[name])}\n`);
  }
}

/**
 * The path as Go's url.URL.String() writes it: escaped like EscapedPath (`?` → `%3F`), with a
 * `/` before a relative path when there is a host.
 */
function urlPath(path: string, host: string): string {
  const escaped = path.replace(/[^A-Za-z0-9\-._~$&+,/:;=@]/g, (ch) => [...new TextEncoder().encode(ch)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''));
  return escaped && host && !escaped.startsWith('/') ? `/${escaped}` : escaped;
}

export function describeProbe(p: Probe): string {
  const attrs = `delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 1}s period=${p.periodSeconds ?? 10}s #success=${p.successThreshold ?? 1} #failure=${p.failureThreshold ?? 3}`;
  if (p.exec) return `exec [${(p.exec.command ?? []).join(' ')}] ${attrs}`;
  if (p.httpGet) {
    const h = p.httpGet;
    const port = h.port === undefined ? '' : String(h.port);
    const host = port ? `${h.host ?? ''}:${port}` : h.host ?? '';
    return `http-get ${String(h.scheme ?? 'HTTP').toLowerCase()}://${host}${urlPath(h.path ?? '', host)} ${attrs}`;
  }
  if (p.tcpSocket) return `tcp-socket ${p.tcpSocket.host ?? ''}:${p.tcpSocket.port} ${attrs}`;
  if (p.grpc) return `grpc <pod>:${p.grpc.port} ${p.grpc.service ?? ''} ${attrs}`;
  return `unknown ${attrs}`;
}

function describeEnv(w: PrefixWriter, c: Container, resolve?: (e: EnvVar) => string): void {
  const env = c.env ?? [];
  w.write(2, env.length ? 'Environment:\n' : 'Environment:\t<none>\n');
  for (const e of env) {
    if (!e.valueFrom) {
      String(e.value ?? '')
        .split('\n')
        .forEach((s, i) => w.write(3, i === 0 ? `${e.name}:\t${s}\n` : `\t${s}\n`));
      continue;
    }
    const v = e.valueFrom;
    if (v.fieldRef) w.write(3, `${e.name}:\t${resolve ? resolve(e) : ''} (${v.fieldRef.apiVersion ?? 'v1'}:${v.fieldRef.fieldPath})\n`);
    else if (v.resourceFieldRef) w.write(3, `${e.name}:\t${resourceFieldValue(c, v.resourceFieldRef)} (${v.resourceFieldRef.resource})\n`);
    else if (v.secretKeyRef) w.write(3, `${e.name}:\t<set to the key '${v.secretKeyRef.key}' in secret '${v.secretKeyRef.name}'>\tOptional: ${v.secretKeyRef.optional === true}\n`);
    else if (v.configMapKeyRef) w.write(3, `${e.name}:\t<set to the key '${v.configMapKeyRef.key}' of config map '${v.configMapKeyRef.name}'>\tOptional: ${v.configMapKeyRef.optional === true}\n`);
  }
}

/** resourcehelper.ExtractContainerResourceValue with the default divisor of 1 (cores, bytes). */
function resourceFieldValue(c: Container, ref: ResourceFieldSelector): string {
  const [kind, name] = String(ref.resource).split('.');
  // `limits.cpu`, `requests.memory`, …: the list is named by the reference.
  const q = (c.resources as Record<string, Record<string, string> | undefined> | undefined)?.[kind]?.[name];
  if (q === undefined) return kind === 'limits' && (name === 'cpu' || name === 'memory') ? 'node allocatable' : '0';
  if (name === 'cpu') return String(Math.ceil(cpuMillis(q) / 1000));
  return String(memoryBytes(q));
}

function describeVolumes(w: PrefixWriter, volumes: Volume[], space: string): void {
  if (volumes.length === 0) return w.write(0, `${space}Volumes:\t<none>\n`);
  w.write(0, `${space}Volumes:\n`);
  for (const v of volumes) {
    w.write(1, `${space ? ' ' : ''}${v.name}:\n`);
    if (v.emptyDir) {
      const limit = v.emptyDir.sizeLimit ? quantityText(v.emptyDir.sizeLimit) : '<unset>';
      w.write(2, `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${v.emptyDir.medium ?? ''}\n    SizeLimit:\t${limit}\n`);
    } else if (v.configMap) {
      w.write(2, `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${v.configMap.name}\n    Optional:\t${v.configMap.optional === true}\n`);
    } else if (v.secret) {
      w.write(2, `Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${v.secret.secretName}\n    Optional:\t${v.secret.optional === true}\n`);
    } else if (v.hostPath) {
      w.write(2, `Type:\tHostPath (bare host directory volume)\n    Path:\t${v.hostPath.path}\n    HostPathType:\t${v.hostPath.type ?? ''}\n`);
    } else if (v.persistentVolumeClaim) {
      w.write(2, `Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t${v.persistentVolumeClaim.claimName}\n    ReadOnly:\t${v.persistentVolumeClaim.readOnly === true}\n`);
    } else if (v.projected) {
      w.write(2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n');
      for (const s of v.projected.sources ?? []) {
        if (s.secret) w.write(2, `SecretName:\t${s.secret.name}\n    SecretOptionalName:\t${s.secret.optional ?? '<nil>'}\n`);
        else if (s.downwardAPI) w.write(2, 'DownwardAPI:\ttrue\n');
        else if (s.configMap) w.write(2, `ConfigMapName:\t${s.configMap.name}\n    ConfigMapOptional:\t${s.configMap.optional ?? '<nil>'}\n`);
        else if (s.serviceAccountToken) w.write(2, `TokenExpirationSeconds:\t${s.serviceAccountToken.expirationSeconds ?? 3607}\n`);
      }
    } else {
      w.write(2, '<unknown>\n');
    }
  }
}
