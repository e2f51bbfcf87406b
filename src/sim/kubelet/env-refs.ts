/**
 * The ConfigMap and Secret values a container's environment reads (kubelet_pods.go
 * makeEnvironmentVariables): `envFrom` sources in order, keys that are not valid variable
 * names skipped with an InvalidEnvironmentVariableNames event, and the `configMapKeyRef` /
 * `secretKeyRef` values of `env`. A missing object or key that is not `optional` fails the
 * start with the kubelet's words — the container waits in CreateContainerConfigError.
 */
import type { ConfigMap, Container, Pod, Secret } from 'kubernetes-types/core/v1';
import { storedBytesText } from '../core/base64';

/** How the kubelet reads objects (its watch-based managers: the store as it is now). */
export interface ConfigLookup {
  configMap(namespace: string, name: string): ConfigMap | undefined;
  secret(namespace: string, name: string): Secret | undefined;
}

export interface EnvRefs {
  /** Variables from `envFrom`, later sources overriding earlier ones. */
  fromSources: Record<string, string>;
  /** Each `env` entry's ConfigMap or Secret value by its index; absent when optional and missing. */
  values: Map<number, string>;
  /** The InvalidEnvironmentVariableNames events' messages. */
  warnings: string[];
}

/** generateContainerConfig failed: the container waits as CreateContainerConfigError with this message. */
export class ContainerConfigError extends Error {}

const ENV_VAR_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

/** apimachinery's IsEnvVarName (the kubelet's check of envFrom keys). */
function isEnvVarName(name: string): boolean {
  return ENV_VAR_NAME.test(name) && name !== '.' && name !== '..' && !name.startsWith('..');
}

/** The value at `key` (a null value reads as empty, as a nil []byte or "" does). */
function own(m: Record<string, string> | undefined, key: string): string | undefined {
  return m && Object.hasOwn(m, key) ? String(m[key] ?? '') : undefined;
}

export function resolveEnvRefs(pod: Pod, container: Container, lookup: ConfigLookup): EnvRefs {
  const ns = pod.metadata?.namespace ?? 'default';
  const configMaps = new Map<string, ConfigMap | undefined>();
  const secrets = new Map<string, Secret | undefined>();
  // Each object is read once per start, as the kubelet caches it in its loop.
  const configMap = (name: string, optional: boolean): ConfigMap | undefined => {
    if (!configMaps.has(name)) configMaps.set(name, lookup.configMap(ns, name));
    const cm = configMaps.get(name);
    if (!cm && !optional) throw new ContainerConfigError(`configmap "${name}" not found`);
    return cm;
  };
  const secret = (name: string, optional: boolean): Secret | undefined => {
    if (!secrets.has(name)) secrets.set(name, lookup.secret(ns, name));
    const s = secrets.get(name);
    if (!s && !optional) throw new ContainerConfigError(`secret "${name}" not found`);
    return s;
  };

  const refs: EnvRefs = { fromSources: {}, values: new Map(), warnings: [] };
  for (const source of container.envFrom ?? []) {
    const prefix = source.prefix ?? '';
    let data: Record<string, string>;
    let what: string;
    let name: string;
    if (source.configMapRef) {
      name = source.configMapRef.name ?? '';
      const cm = configMap(name, source.configMapRef.optional === true);
      if (!cm) continue;
      data = Object.fromEntries(Object.entries(cm.data ?? {}).map(([k, v]) => [k, String(v ?? '')]));
      what = 'configMap';
    } else if (source.secretRef) {
      name = source.secretRef.name ?? '';
      const s = secret(name, source.secretRef.optional === true);
      if (!s) continue;
      data = Object.fromEntries(Object.entries(s.data ?? {}).map(([k, v]) => [k, storedBytesText(v)]));
      what = 'secret';
    } else continue;
    const invalid: string[] = [];
    for (const [key, value] of Object.entries(data)) {
      const variable = prefix + key;
      if (isEnvVarName(variable)) refs.fromSources[variable] = value;
      else invalid.push(variable);
    }
    if (invalid.length) {
      refs.warnings.push(`Keys [${invalid.sort().join(', ')}] from the EnvFrom ${what} ${ns}/${name} were skipped since they are considered invalid environment variable names.`);
    }
  }

  (container.env ?? []).forEach((e, i) => {
    if (e.value) return;
    const cmRef = e.valueFrom?.configMapKeyRef;
    const sRef = e.valueFrom?.secretKeyRef;
    if (cmRef) {
      const optional = cmRef.optional === true;
      const cm = configMap(cmRef.name ?? '', optional);
      if (!cm) return;
      const value = own(cm.data, cmRef.key);
      if (value !== undefined) refs.values.set(i, value);
      else if (!optional) throw new ContainerConfigError(`couldn't find key ${cmRef.key} in ConfigMap ${ns}/${cmRef.name ?? ''}`);
    } else if (sRef) {
      const optional = sRef.optional === true;
      const s = secret(sRef.name ?? '', optional);
      if (!s) return;
      const value = own(s.data, sRef.key);
      if (value !== undefined) refs.values.set(i, storedBytesText(value));
      else if (!optional) throw new ContainerConfigError(`couldn't find key ${sRef.key} in Secret ${ns}/${sRef.name ?? ''}`);
    }
  });
  return refs;
}
