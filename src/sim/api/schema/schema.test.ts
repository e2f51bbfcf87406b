import { describe, expect, it } from 'vitest';
import { ALL_SCHEMAS, decodeErrors, jsonSchemaFor, MANIFEST_SCHEMA, zeroNullItems } from './index';
import { statusOf, testServer } from '../../kinds/test-server';

const deploy = (spec: Record<string, unknown>) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', labels: { app: 'web' } },
  spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } }, ...spec },
});

describe('strict decoding', () => {
  it('accepts well-formed manifests, nulls and quantities as numbers', () => {
    expect(decodeErrors(deploy({ replicas: 3, strategy: { rollingUpdate: { maxSurge: 1, maxUnavailable: '25%' } } }), 'Deployment')).toBeUndefined();
    expect(decodeErrors({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', creationTimestamp: null }, spec: { containers: [{ name: 'a', image: 'b', resources: { limits: { cpu: 1, memory: '1Gi' } } }] } }, 'Pod')).toBeUndefined();
  });

  it('treats __proto__ and constructor as unknown fields, not as the object prototype', () => {
    const d = deploy({}) as Record<string, unknown> & { metadata: Record<string, unknown> };
    Object.defineProperty(d.metadata, '__proto__', { value: { polluted: 'yes' }, enumerable: true });
    Object.defineProperty(d.metadata, 'constructor', { value: 'x', enumerable: true });
    expect(decodeErrors(d, 'Deployment')).toBe(
      'Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "metadata.__proto__", unknown field "metadata.constructor"',
    );
  });

  it('decodes a null item of a struct list as an empty struct, as encoding/json does', () => {
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'a', image: 'b', args: ['x'] }, null], tolerations: null } };
    zeroNullItems(pod, 'Pod');
    expect(pod.spec).toEqual({ containers: [{ name: 'a', image: 'b', args: ['x'] }, {}], tolerations: null });
    const err = statusOf(() => testServer().create('pods', 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [null] } } as never));
    expect(err.status.details?.causes?.map((c) => c.field)).toEqual(['spec.containers[0].name', 'spec.containers[0].image']);
  });

  it('rejects unknown fields with their paths', () => {
    expect(decodeErrors(deploy({ replica: 3 }), 'Deployment')).toBe('Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.replica"');
    const d = deploy({});
    (d.spec.template.spec.containers[0] as Record<string, unknown>).imagee = 'x';
    (d.metadata as Record<string, unknown>).lables = {};
    expect(decodeErrors(d, 'Deployment')).toBe('Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "metadata.lables", unknown field "spec.template.spec.containers[0].imagee"');
  });

  it('rejects wrong JSON types as encoding/json does', () => {
    expect(decodeErrors(deploy({ replicas: '3' }), 'Deployment')).toBe('Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32');
    expect(decodeErrors(deploy({ replicas: 1.5 }), 'Deployment')).toBe('Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal number 1.5 into Go struct field DeploymentSpec.spec.replicas of type int32');
    const env = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'a', image: 'b', env: [{ name: 'N', value: 5 }] }] } };
    expect(decodeErrors(env, 'Pod')).toBe('Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal number into Go struct field EnvVar.spec.containers.env.value of type string');
    expect(decodeErrors({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: 'nginx' } }, 'Pod')).toBe('Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal string into Go struct field PodSpec.spec.containers of type []v1.Container');
    expect(decodeErrors({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', labels: { a: 1 } } }, 'Pod')).toBe('Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string');
    expect(decodeErrors({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'a', image: 'b', resources: { limits: { cpu: 'lots' } } }] } }, 'Pod')).toBe(
      "Pod in version \"v1\" cannot be handled as a Pod: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
    );
  });

  it("decodes []byte maps from base64 as encoding/json does", () => {
    const secret = (data: unknown) => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data });
    expect(decodeErrors(secret({ a: 'YWRtaW4=' }), 'Secret')).toBeUndefined();
    expect(decodeErrors(secret({ a: 'admin' }), 'Secret')).toBe('Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 4');
    expect(decodeErrors(secret({ a: 1 }), 'Secret')).toBe('Secret in version "v1" cannot be handled as a Secret: json: cannot unmarshal number into Go struct field Secret.data of type []uint8');
    expect(decodeErrors({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, binaryData: { b: '%%' } }, 'ConfigMap')).toMatch(/illegal base64 data at input byte 0$/);
  });

  it('is wired into the api-server as BadRequest', () => {
    const api = testServer();
    const err = statusOf(() => api.create('deployments', 'default', deploy({ replica: 3 }), { fieldValidation: 'Strict' }));
    expect(err.status).toMatchObject({ reason: 'BadRequest', code: 400, message: 'Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.replica"' });
  });
});

describe('schemas for the editor', () => {
  it('has one self-contained schema per served kind, with descriptions', () => {
    expect(ALL_SCHEMAS.map((s) => s.kind).sort()).toEqual(['ClusterRole', 'ClusterRoleBinding', 'ComponentStatus', 'ConfigMap', 'ControllerRevision', 'CronJob', 'DaemonSet', 'Deployment', 'EndpointSlice', 'Endpoints', 'Event', 'Ingress', 'IngressClass', 'Job', 'LimitRange', 'Namespace', 'NetworkPolicy', 'Node', 'PersistentVolume', 'PersistentVolumeClaim', 'Pod', 'ReplicaSet', 'ResourceQuota', 'Role', 'RoleBinding', 'Secret', 'Service', 'ServiceAccount', 'StatefulSet', 'StorageClass']);
    const pod = jsonSchemaFor('Pod')!;
    expect(pod.$ref).toBe('#/definitions/Pod');
    const defs = pod.definitions as Record<string, { description?: string; properties?: Record<string, unknown> }>;
    expect(defs.PodSpec.properties?.containers).toBeDefined();
    expect(defs.Container.description).toMatch(/container/i);
    expect(jsonSchemaFor('Widget')).toBeUndefined();
    expect((MANIFEST_SCHEMA.allOf as unknown[]).length).toBe(ALL_SCHEMAS.length);
  });
});

describe('[]byte fields whatever the field validation', () => {
  it('rejects non-base64 data without Strict too', () => {
    const api = testServer();
    const body = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data: { a: 'admin!' } };
    const err = statusOf(() => api.create('secrets', 'default', body, { fieldValidation: 'Ignore' }));
    expect(err.status).toMatchObject({ reason: 'BadRequest', message: 'Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 5' });
    expect(api.list('secrets', 'default')).toEqual([]);
  });
});
