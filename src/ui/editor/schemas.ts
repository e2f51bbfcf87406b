/**
 * Turns the api's JSON Schemas (one per served kind, from `src/sim/api/schema`) into monaco-yaml
 * settings, pure. Each kind is registered under its own URI (so its internal `#/definitions`
 * references keep working) and one umbrella schema, matched by every file, picks the kind's
 * schema with `if kind == K then $ref K` — one editor validates and completes every kind, in
 * every document of a multi-document file.
 */

export type JsonSchema = Record<string, unknown>;

export interface YamlSchemaSetting {
  uri: string;
  fileMatch: string[];
  schema?: JsonSchema;
}

export const SCHEMA_URI_BASE = 'kubeplay://schemas/';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The kind a schema describes: `kind.const`, `kind.enum[0]` or `x-kubernetes-group-version-kind`. */
export function kindOfSchema(schema: JsonSchema): string | undefined {
  const properties = schema.properties;
  if (isObject(properties) && isObject(properties.kind)) {
    const kind = properties.kind;
    if (typeof kind.const === 'string') return kind.const;
    if (Array.isArray(kind.enum) && typeof kind.enum[0] === 'string') return kind.enum[0];
  }
  const gvk = schema['x-kubernetes-group-version-kind'];
  if (Array.isArray(gvk) && isObject(gvk[0]) && typeof gvk[0].kind === 'string') return gvk[0].kind;
  return undefined;
}

/**
 * Accepts what the schema module exports: a `{Kind: schema}` record, an array of schemas, or an
 * array of `{kind, schema}` pairs. Returns [kind, schema] pairs sorted by kind.
 */
export function normalizeSchemas(all: unknown): [string, JsonSchema][] {
  const pairs: [string, JsonSchema][] = [];
  if (Array.isArray(all)) {
    for (const item of all) {
      if (!isObject(item)) continue;
      if (typeof item.kind === 'string' && isObject(item.schema)) pairs.push([item.kind, item.schema]);
      else {
        const kind = kindOfSchema(item);
        if (kind) pairs.push([kind, item]);
      }
    }
  } else if (isObject(all)) {
    for (const [kind, schema] of Object.entries(all)) if (isObject(schema)) pairs.push([kind, schema]);
  }
  return pairs.sort(([a], [b]) => a.localeCompare(b));
}

export function yamlSchemaSettings(all: unknown): YamlSchemaSetting[] {
  const pairs = normalizeSchemas(all);
  if (pairs.length === 0) return [];
  const uriOf = (kind: string) => `${SCHEMA_URI_BASE}${encodeURIComponent(kind)}.json`;
  const perKind = pairs.map(([kind, schema]) => ({ uri: uriOf(kind), fileMatch: [], schema }));
  const kinds = pairs.map(([kind]) => kind);
  const umbrella: JsonSchema = {
    type: 'object',
    properties: {
      apiVersion: { type: 'string', description: 'The versioned schema of this object, e.g. apps/v1.' },
      kind: { type: 'string', enum: kinds, description: 'The kind of object: one of the kinds Kubeplay serves.' },
    },
    required: ['apiVersion', 'kind'],
    allOf: kinds.map((kind) => ({
      if: { properties: { kind: { const: kind } }, required: ['kind'] },
      then: { $ref: uriOf(kind) },
    })),
  };
  return [...perKind, { uri: `${SCHEMA_URI_BASE}kubernetes-1.32.json`, fileMatch: ['*'], schema: umbrella }];
}

/**
 * Settings from the schema module's exports: its `MANIFEST_SCHEMA` (one schema for any kind,
 * definitions shared — the smallest thing to send to the worker) when present, else one entry
 * per kind from `ALL_SCHEMAS`.
 */
export function yamlSchemaSettingsFromModule(module: { MANIFEST_SCHEMA?: unknown; ALL_SCHEMAS?: unknown }): YamlSchemaSetting[] {
  if (isObject(module.MANIFEST_SCHEMA)) {
    return [{ uri: `${SCHEMA_URI_BASE}kubernetes-1.32.json`, fileMatch: ['*'], schema: module.MANIFEST_SCHEMA }];
  }
  return yamlSchemaSettings(module.ALL_SCHEMAS);
}
