/**
 * Generates src/sim/api/schema/schemas.json: JSON Schemas of the kinds the simulated
 * api-server serves, read from the `kubernetes-types` declarations with the TypeScript
 * compiler API. Descriptions are kept (editor hovers); Go type facts the .d.ts files lose
 * (int32 vs int64, Quantity, IntOrString, Time) are added as `x-go` for decoding errors.
 *
 *   npx tsx scripts/gen-schema.ts
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import ts from 'typescript';

import { KINDS } from '../src/sim/kinds';

/** One root per served kind: its kubernetes-types module (`core/v1`, `apps/v1`, `discovery/v1` for discovery.k8s.io) and type name. */
/** kubernetes-types names a group's module by its first word (`networking.k8s.io` → `networking/v1`). */
const ROOTS: [string, string, string][] = KINDS.map((k) => [`${(k.group || 'core').split('.')[0]}/${k.version}`, k.kind, k.group ? `${k.group}/${k.version}` : k.version]);

/** int64 fields (Struct.field); every other integer is int32. */
const INT64 = new Set([
  'ObjectMeta.generation', 'ObjectMeta.deletionGracePeriodSeconds', 'PodSpec.terminationGracePeriodSeconds', 'PodSpec.activeDeadlineSeconds',
  'PodSecurityContext.runAsUser', 'PodSecurityContext.runAsGroup', 'PodSecurityContext.fsGroup', 'SecurityContext.runAsUser', 'SecurityContext.runAsGroup',
  'Toleration.tolerationSeconds', 'Probe.terminationGracePeriodSeconds', 'ServiceAccountTokenProjection.expirationSeconds', 'SleepAction.seconds',
  'DeploymentStatus.observedGeneration', 'ReplicaSetStatus.observedGeneration', 'DaemonSetStatus.observedGeneration', 'StatefulSetStatus.observedGeneration', 'ControllerRevision.revision', 'PodCondition.observedGeneration', 'ContainerStatus.allocatedResources',
]);

/** `map[string][]byte` fields (Struct.field): base64 strings on the wire, decoded by encoding/json. */
const BYTES_MAPS = new Set(['Secret.data', 'ConfigMap.binaryData']);

type Schema = Record<string, unknown>;

const require = createRequire(import.meta.url);
const typesDir = dirname(require.resolve('kubernetes-types/package.json'));
const files = ROOTS.map(([group]) => join(typesDir, `${group}.d.ts`));
const program = ts.createProgram(files, { strict: true });
const checker = program.getTypeChecker();
const definitions: Record<string, Schema> = {};

function goPackage(decl: ts.Declaration): string {
  const file = decl.getSourceFile().fileName;
  if (file.includes('/meta/v1')) return 'v1';
  if (file.includes('/api/resource')) return 'resource';
  return 'v1';
}

function description(symbol: ts.Symbol): string | undefined {
  const text = ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim();
  return text || undefined;
}

function schemaForType(type: ts.Type, node: ts.TypeNode | undefined, owner: string, field: string): Schema {
  // Aliases that stand for Go types with their own JSON form.
  const aliasName = node && ts.isTypeReferenceNode(node) ? node.typeName.getText() : undefined;
  if (aliasName === 'Quantity') return { anyOf: [{ type: 'string' }, { type: 'number' }], 'x-go': 'resource.Quantity' };
  if (aliasName === 'Time' || aliasName === 'MicroTime') return { type: ['string', 'null'], format: 'date-time', 'x-go': `v1.${aliasName}` };
  if (type.isUnion()) {
    const parts = type.types.filter((t) => !(t.flags & ts.TypeFlags.Undefined));
    if (parts.length === 2 && parts.some((t) => t.flags & ts.TypeFlags.Number) && parts.some((t) => t.flags & ts.TypeFlags.String)) {
      return { anyOf: [{ type: 'integer' }, { type: 'string' }], 'x-go': 'intstr.IntOrString' };
    }
    if (parts.every((t) => t.isStringLiteral())) return { type: 'string', enum: parts.map((t) => (t as ts.StringLiteralType).value) };
    if (parts.length === 1) return schemaForType(parts[0], node, owner, field);
    if (parts.every((t) => t.flags & ts.TypeFlags.BooleanLiteral)) return { type: 'boolean' };
  }
  if (type.isStringLiteral()) return { type: 'string', enum: [type.value] };
  if (type.flags & ts.TypeFlags.String) return { type: 'string' };
  if (type.flags & ts.TypeFlags.Number) return { type: 'integer', format: INT64.has(`${owner}.${field}`) ? 'int64' : 'int32' };
  if (type.flags & (ts.TypeFlags.Boolean | ts.TypeFlags.BooleanLiteral)) return { type: 'boolean' };
  if (checker.isArrayType(type)) {
    const item = checker.getTypeArguments(type as ts.TypeReference)[0];
    const itemNode = node && ts.isTypeReferenceNode(node) ? node.typeArguments?.[0] : node && ts.isArrayTypeNode(node) ? node.elementType : undefined;
    return { type: 'array', items: schemaForType(item, itemNode, owner, field) };
  }
  const index = type.getStringIndexType();
  if (index && BYTES_MAPS.has(`${owner}.${field}`)) return { type: 'object', additionalProperties: { type: 'string', format: 'byte', 'x-go': '[]uint8' } };
  if (index) {
    const valueNode = node && ts.isTypeLiteralNode(node) ? (node.members[0] as ts.IndexSignatureDeclaration | undefined)?.type : undefined;
    return { type: 'object', additionalProperties: schemaForType(index, valueNode, owner, field) };
  }
  const symbol = type.getSymbol() ?? type.aliasSymbol;
  const decl = symbol?.declarations?.[0];
  if (symbol && decl && ts.isInterfaceDeclaration(decl)) {
    const name = symbol.getName();
    if (name === 'RawExtension' || name === 'FieldsV1') return { type: 'object', 'x-go': name === 'FieldsV1' ? 'v1.FieldsV1' : 'runtime.RawExtension' };
    define(symbol, decl);
    return { $ref: `#/definitions/${name}` };
  }
  // Open objects (e.g. FieldsV1 as `{}`): anything goes.
  return {};
}

function define(symbol: ts.Symbol, decl: ts.InterfaceDeclaration): void {
  const name = symbol.getName();
  if (definitions[name]) return;
  const def: Schema = { type: 'object', 'x-go': `${goPackage(decl)}.${name}` };
  definitions[name] = def;
  const desc = description(symbol);
  if (desc) def.description = desc;
  const properties: Record<string, Schema> = {};
  const required: string[] = [];
  for (const member of decl.members) {
    if (!ts.isPropertySignature(member) || !member.name) continue;
    const prop = checker.getSymbolAtLocation(member.name);
    if (!prop) continue;
    const field = prop.getName();
    const s = schemaForType(checker.getTypeOfSymbolAtLocation(prop, member), member.type, name, field);
    const d = description(prop);
    properties[field] = d ? { ...s, description: d } : s;
    if (!member.questionToken) required.push(field);
  }
  def.properties = properties;
  if (required.length) def.required = required;
  def.additionalProperties = false;
}

const kinds: Record<string, { apiVersion: string; definition: string }> = {};
for (const [group, kind, apiVersion] of ROOTS) {
  const source = program.getSourceFile(join(typesDir, `${group}.d.ts`))!;
  const symbol = checker.getSymbolAtLocation(source)!;
  const exported = checker.getExportsOfModule(symbol).find((s) => s.getName() === kind)!;
  define(exported, exported.declarations![0] as ts.InterfaceDeclaration);
  kinds[kind] = { apiVersion, definition: kind };
}

const sorted = Object.fromEntries(Object.keys(definitions).sort().map((k) => [k, definitions[k]]));
const out = join(dirname(new URL(import.meta.url).pathname), '../src/sim/api/schema/schemas.json');
writeFileSync(out, JSON.stringify({ kinds, definitions: sorted }) + '\n');
console.log(`wrote ${out}: ${Object.keys(sorted).length} definitions`);
