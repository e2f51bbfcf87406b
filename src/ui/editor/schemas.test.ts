import { describe, it, expect } from 'vitest';
import { kindOfSchema, normalizeSchemas, yamlSchemaSettings, yamlSchemaSettingsFromModule } from './schemas';

const pod = { type: 'object', properties: { kind: { type: 'string', const: 'Pod' } } };
const deployment = { type: 'object', 'x-kubernetes-group-version-kind': [{ group: 'apps', kind: 'Deployment', version: 'v1' }] };

describe('kindOfSchema', () => {
  it('reads the kind from const, enum or the GVK extension', () => {
    expect(kindOfSchema(pod)).toBe('Pod');
    expect(kindOfSchema({ properties: { kind: { enum: ['Service'] } } })).toBe('Service');
    expect(kindOfSchema(deployment)).toBe('Deployment');
    expect(kindOfSchema({ type: 'object' })).toBeUndefined();
  });
});

describe('normalizeSchemas', () => {
  it('accepts a record, an array of schemas and an array of pairs', () => {
    expect(normalizeSchemas({ Pod: pod, Deployment: deployment }).map(([k]) => k)).toEqual(['Deployment', 'Pod']);
    expect(normalizeSchemas([pod, deployment, { type: 'object' }]).map(([k]) => k)).toEqual(['Deployment', 'Pod']);
    expect(normalizeSchemas([{ kind: 'Pod', schema: pod }]).map(([k]) => k)).toEqual(['Pod']);
    expect(normalizeSchemas(undefined)).toEqual([]);
    expect(normalizeSchemas('nonsense')).toEqual([]);
  });
});

describe('yamlSchemaSettings', () => {
  it('is empty without schemas (monaco-yaml still checks YAML syntax)', () => {
    expect(yamlSchemaSettings(undefined)).toEqual([]);
  });

  it('registers each kind and an umbrella schema that selects by kind', () => {
    const settings = yamlSchemaSettings({ Pod: pod, Deployment: deployment });
    expect(settings.map((s) => s.uri)).toEqual([
      'kubeplay://schemas/Deployment.json',
      'kubeplay://schemas/Pod.json',
      'kubeplay://schemas/kubernetes-1.32.json',
    ]);
    expect(settings[1].schema).toBe(pod);
    expect(settings[0].fileMatch).toEqual([]);
    const umbrella = settings[2];
    expect(umbrella.fileMatch).toEqual(['*']);
    expect(umbrella.schema).toMatchObject({
      properties: { kind: { enum: ['Deployment', 'Pod'] } },
      allOf: [
        { if: { properties: { kind: { const: 'Deployment' } } }, then: { $ref: 'kubeplay://schemas/Deployment.json' } },
        { if: { properties: { kind: { const: 'Pod' } } }, then: { $ref: 'kubeplay://schemas/Pod.json' } },
      ],
    });
  });
});

describe('yamlSchemaSettingsFromModule', () => {
  it('prefers the single manifest schema', () => {
    const manifest = { type: 'object', allOf: [] };
    expect(yamlSchemaSettingsFromModule({ MANIFEST_SCHEMA: manifest, ALL_SCHEMAS: [pod] })).toEqual([
      { uri: 'kubeplay://schemas/kubernetes-1.32.json', fileMatch: ['*'], schema: manifest },
    ]);
  });

  it('falls back to per-kind schemas, then to nothing', () => {
    expect(yamlSchemaSettingsFromModule({ ALL_SCHEMAS: [{ kind: 'Pod', schema: pod }] })).toHaveLength(2);
    expect(yamlSchemaSettingsFromModule({})).toEqual([]);
  });
});
