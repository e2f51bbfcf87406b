/**
 * core/v1 PodSpec validation (ValidatePodSpec and the container, port, volume, toleration
 * checks below it) with Kubernetes' field paths and messages. Used for Pods and templates.
 */
import { goQuote } from '../../core/gostr';
import { isConfigMapKey, isDNS1123Label, isDNS1123Subdomain, isEnvVarName, isQualifiedName, isValidLabelValue, isValidPortName, isValidPortNum } from '../../core/names';
import type { FieldError } from '../../api/errors';
import { validateLabels } from '../meta';
import { validateEnvFrom } from './envfrom-validation';
import { volumeSources } from './podspec-defaults';
import { validateProbesAndLifecycle } from './probe-validation';
import { validateResources } from './resources-validation';
import { objects, obj, str } from '../util';
import type { Container, ContainerPort, EnvVar, PodSpec, Probe, ResourceRequirements, Toleration, Volume, VolumeMount } from 'kubernetes-types/core/v1';

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const TERMINATION_MESSAGE_POLICIES = ['File', 'FallbackToLogsOnError'];
const TOLERATION_OPERATORS = ['Equal', 'Exists'];
const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

/** `spec` as decoded: even `containers` may be missing (which is an error here). */
export function validatePodSpec(spec: Partial<PodSpec>, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const volumes = validateVolumes(spec.volumes, `${path}.volumes`, errors);
  const names = new Set<string>();
  const gracePeriod = typeof spec.terminationGracePeriodSeconds === 'number' ? spec.terminationGracePeriodSeconds : undefined;
  validateContainers(spec.initContainers, `${path}.initContainers`, volumes, names, errors, false, gracePeriod);
  validateContainers(spec.containers, `${path}.containers`, volumes, names, errors, true, gracePeriod);
  if (spec.restartPolicy !== undefined && !RESTART_POLICIES.includes(spec.restartPolicy)) {
    errors.push(notSupported(`${path}.restartPolicy`, spec.restartPolicy, RESTART_POLICIES));
  }
  if (spec.dnsPolicy !== undefined && !DNS_POLICIES.includes(spec.dnsPolicy)) {
    errors.push(notSupported(`${path}.dnsPolicy`, spec.dnsPolicy, DNS_POLICIES));
  }
  errors.push(...validateLabels(obj(spec.nodeSelector), `${path}.nodeSelector`));
  if (spec.serviceAccountName) {
    for (const msg of isDNS1123Subdomain(str(spec.serviceAccountName))) errors.push({ type: 'Invalid value', field: `${path}.serviceAccountName`, value: goQuote(str(spec.serviceAccountName)), detail: msg });
  }
  if (typeof spec.activeDeadlineSeconds === 'number' && (spec.activeDeadlineSeconds < 1 || spec.activeDeadlineSeconds > 2147483647)) {
    errors.push({ type: 'Invalid value', field: `${path}.activeDeadlineSeconds`, value: String(spec.activeDeadlineSeconds), detail: 'must be between 1 and 2147483647, inclusive' });
  }
  if (spec.nodeName) {
    for (const msg of isDNS1123Subdomain(str(spec.nodeName))) errors.push({ type: 'Invalid value', field: `${path}.nodeName`, value: goQuote(str(spec.nodeName)), detail: msg });
  }
  errors.push(...validateTolerations(spec.tolerations, `${path}.tolerations`));
  return errors;
}

export function notSupported(field: string, value: unknown, supported: string[]): FieldError {
  return { type: 'Unsupported value', field, value: goQuote(str(value)), detail: `supported values: ${supported.map(goQuote).join(', ')}` };
}

function validateVolumes(raw: Volume[] | undefined, path: string, errors: FieldError[]): Set<string> {
  const names = new Set<string>();
  objects(raw).forEach((v, i) => {
    const p = `${path}[${i}]`;
    const name = str(v.name);
    if (!name) errors.push({ type: 'Required value', field: `${p}.name` });
    else for (const msg of isDNS1123Label(name)) errors.push({ type: 'Invalid value', field: `${p}.name`, value: goQuote(name), detail: msg });
    if (names.has(name)) errors.push({ type: 'Duplicate value', field: `${p}.name`, value: goQuote(name) });
    names.add(name);
    const sources = volumeSources(v);
    if (sources.length > 1) errors.push({ type: 'Forbidden', field: `${p}.${sources[1]}`, detail: 'may not specify more than 1 volume type' });
    const cm = obj(v.configMap);
    if (cm && !cm.name) errors.push({ type: 'Required value', field: `${p}.configMap.name` });
    const pvc = obj(v.persistentVolumeClaim);
    if (pvc && !pvc.claimName) errors.push({ type: 'Required value', field: `${p}.persistentVolumeClaim.claimName` });
    const secret = obj(v.secret);
    if (secret && !secret.secretName) errors.push({ type: 'Required value', field: `${p}.secret.secretName` });
    const hostPath = obj(v.hostPath);
    if (hostPath && !hostPath.path) errors.push({ type: 'Required value', field: `${p}.hostPath.path` });
    for (const [j, item] of objects(cm?.items ?? secret?.items).entries()) {
      const key = str(item.key);
      for (const msg of isConfigMapKey(key)) errors.push({ type: 'Invalid value', field: `${p}.${cm ? 'configMap' : 'secret'}.items[${j}].key`, value: goQuote(key), detail: msg });
      if (!item.path) errors.push({ type: 'Required value', field: `${p}.${cm ? 'configMap' : 'secret'}.items[${j}].path` });
    }
  });
  return names;
}

function validateContainers(raw: Container[] | undefined, path: string, volumes: Set<string>, names: Set<string>, errors: FieldError[], required: boolean, gracePeriod: number | undefined): void {
  const containers = objects(raw);
  if (required && containers.length === 0) {
    errors.push({ type: 'Required value', field: path });
    return;
  }
  containers.forEach((c, i) => {
    const p = `${path}[${i}]`;
    const name = str(c.name);
    if (!name) errors.push({ type: 'Required value', field: `${p}.name` });
    else for (const msg of isDNS1123Label(name)) errors.push({ type: 'Invalid value', field: `${p}.name`, value: goQuote(name), detail: msg });
    if (!c.image) errors.push({ type: 'Required value', field: `${p}.image` });
    const tmp = c.terminationMessagePolicy;
    if (tmp !== undefined && !TERMINATION_MESSAGE_POLICIES.includes(tmp)) errors.push(notSupported(`${p}.terminationMessagePolicy`, tmp, TERMINATION_MESSAGE_POLICIES));
    validatePorts(c.ports, `${p}.ports`, errors);
    validateEnv(c.env, `${p}.env`, errors);
    validateEnvFrom(c.envFrom, `${p}.envFrom`, errors);
    validateVolumeMounts(c.volumeMounts, `${p}.volumeMounts`, volumes, errors);
    if (c.imagePullPolicy !== undefined && !PULL_POLICIES.includes(c.imagePullPolicy)) errors.push(notSupported(`${p}.imagePullPolicy`, c.imagePullPolicy, PULL_POLICIES));
    validateResources(obj(c.resources), `${p}.resources`, errors);
    if (name && names.has(name)) errors.push({ type: 'Duplicate value', field: `${p}.name`, value: goQuote(name) });
    if (required || c.restartPolicy === 'Always') validateProbesAndLifecycle(c, p, gracePeriod, errors);
    else {
      for (const key of ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe'] as const) {
        if (c[key] !== undefined && c[key] !== null) errors.push({ type: 'Forbidden', field: `${p}.${key}`, detail: 'may not be set for init containers without restartPolicy=Always' });
      }
    }
    names.add(name);
  });
}

function validatePorts(raw: ContainerPort[] | undefined, path: string, errors: FieldError[]): void {
  const names = new Set<string>();
  objects(raw).forEach((port, i) => {
    const p = `${path}[${i}]`;
    const name = str(port.name);
    if (name) {
      const msgs = isValidPortName(name);
      if (msgs.length) for (const msg of msgs) errors.push({ type: 'Invalid value', field: `${p}.name`, value: goQuote(name), detail: msg });
      else if (names.has(name)) errors.push({ type: 'Duplicate value', field: `${p}.name`, value: goQuote(name) });
      else names.add(name);
    }
    if (!port.containerPort) errors.push({ type: 'Required value', field: `${p}.containerPort` });
    else for (const msg of isValidPortNum(port.containerPort)) errors.push({ type: 'Invalid value', field: `${p}.containerPort`, value: String(port.containerPort), detail: msg });
    if (port.hostPort) for (const msg of isValidPortNum(port.hostPort)) errors.push({ type: 'Invalid value', field: `${p}.hostPort`, value: String(port.hostPort), detail: msg });
    if (!port.protocol) errors.push({ type: 'Required value', field: `${p}.protocol` });
    else if (!PROTOCOLS.includes(port.protocol)) errors.push(notSupported(`${p}.protocol`, port.protocol, PROTOCOLS));
  });
}

function validateEnv(raw: EnvVar[] | undefined, path: string, errors: FieldError[]): void {
  objects(raw).forEach((e, i) => {
    const p = `${path}[${i}]`;
    const name = str(e.name);
    if (!name) errors.push({ type: 'Required value', field: `${p}.name` });
    else for (const msg of isEnvVarName(name)) errors.push({ type: 'Invalid value', field: `${p}.name`, value: goQuote(name), detail: msg });
    const from = obj(e.valueFrom);
    if (!from) return;
    if (e.value) errors.push({ type: 'Invalid value', field: `${p}.valueFrom`, value: '""', detail: 'may not be specified when `value` is not empty' });
    const refs = (['fieldRef', 'resourceFieldRef', 'configMapKeyRef', 'secretKeyRef'] as const).filter((k) => from[k] !== undefined && from[k] !== null);
    if (refs.length === 0) errors.push({ type: 'Invalid value', field: `${p}.valueFrom`, value: '""', detail: 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`' });
    else if (refs.length > 1) errors.push({ type: 'Invalid value', field: `${p}.valueFrom`, value: '""', detail: 'may not have more than one field specified at a time' });
    for (const k of ['configMapKeyRef', 'secretKeyRef'] as const) {
      const ref = obj(from[k]);
      if (!ref) continue;
      if (!ref.name) errors.push({ type: 'Required value', field: `${p}.valueFrom.${k}.name` });
      if (!ref.key) errors.push({ type: 'Required value', field: `${p}.valueFrom.${k}.key` });
      else for (const msg of isConfigMapKey(str(ref.key))) errors.push({ type: 'Invalid value', field: `${p}.valueFrom.${k}.key`, value: goQuote(str(ref.key)), detail: msg });
    }
  });
}

function validateVolumeMounts(raw: VolumeMount[] | undefined, path: string, volumes: Set<string>, errors: FieldError[]): void {
  const paths = new Set<string>();
  objects(raw).forEach((m, i) => {
    const p = `${path}[${i}]`;
    const name = str(m.name);
    if (!name) errors.push({ type: 'Required value', field: `${p}.name` });
    else if (!volumes.has(name)) errors.push({ type: 'Not found', field: `${p}.name`, value: goQuote(name) });
    const mountPath = str(m.mountPath);
    if (!mountPath) errors.push({ type: 'Required value', field: `${p}.mountPath` });
    else if (paths.has(mountPath)) errors.push({ type: 'Invalid value', field: `${p}.mountPath`, value: goQuote(mountPath), detail: 'must be unique' });
    paths.add(mountPath);
  });
}

function validateTolerations(raw: Toleration[] | undefined, path: string): FieldError[] {
  const errors: FieldError[] = [];
  objects(raw).forEach((t, i) => {
    const p = `${path}[${i}]`;
    const key = str(t.key);
    if (key) for (const msg of isQualifiedName(key)) errors.push({ type: 'Invalid value', field: `${p}.key`, value: goQuote(key), detail: msg });
    if (!key && t.operator !== 'Exists') {
      errors.push({ type: 'Invalid value', field: `${p}.operator`, value: goQuote(str(t.operator)), detail: 'operator must be Exists when `key` is empty, which means "match all values and all keys"' });
    }
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null && t.effect !== 'NoExecute') {
      errors.push({ type: 'Invalid value', field: `${p}.effect`, value: goQuote(str(t.effect)), detail: "effect must be 'NoExecute' when `tolerationSeconds` is set" });
    }
    const op = t.operator;
    if (op === undefined || op === '' || op === 'Equal') {
      for (const msg of isValidLabelValue(str(t.value))) errors.push({ type: 'Invalid value', field: `${p}.operator`, value: goQuote(str(t.value)), detail: msg });
    } else if (op === 'Exists') {
      if (t.value) errors.push({ type: 'Invalid value', field: `${p}.operator`, value: goToleration(t), detail: "value must be empty when `operator` is 'Exists'" });
    } else {
      errors.push(notSupported(`${p}.operator`, op, TOLERATION_OPERATORS));
    }
    if (t.effect) {
      if (!TAINT_EFFECTS.includes(t.effect)) errors.push(notSupported(`${p}.effect`, t.effect, TAINT_EFFECTS));
    }
  });
  return errors;
}

function goToleration(t: Toleration): string {
  const secs = typeof t.tolerationSeconds === 'number' ? `(*int64)(${t.tolerationSeconds})` : '(*int64)(nil)';
  return `core.Toleration{Key:${goQuote(str(t.key))}, Operator:${goQuote(str(t.operator))}, Value:${goQuote(str(t.value))}, Effect:${goQuote(str(t.effect))}, TolerationSeconds:${secs}}`;
}
