/**
 * Manifest reading as kubectl does it: `-f file`, `-f folder` (.json/.yaml/.yml, sorted),
 * `-f -` (stdin, named "STDIN"); documents split on `---` lines like apimachinery's YAMLReader,
 * each parsed with js-yaml 4.1 (merge keys kept, `__proto__` kept as data, duplicate keys: last
 * wins, as Go's yaml→json does). Syntax errors are reported in Go yaml's words where we know the
 * equivalent, with the line inside the document as kubectl prints it; `parseManifests` also gives
 * the absolute line and column for the editor (the line kubectl names, so marker and message agree).
 * A learner's two classic slips get a plain hint after kubectl's words: a tab in the indentation,
 * and a docker-compose file. Alias bombs are refused as go-yaml refuses them (./aliasing.ts).
 */
import { isUrl, remoteFile } from '../sim/addons';
import yaml from 'js-yaml';
import { isPlainObject } from '../sim/core/object';
import { aliasingProblem } from './aliasing';
import { GO_YAML_SCHEMA } from './go-yaml-schema';
import { goJsonCompact } from './apply-merge';
import type { Workspace } from './types';

export interface ManifestError {
  /** kubectl's text without the `error parsing <file>: ` prefix. */
  message: string;
  /** 1-based line and column in the whole text. */
  line: number;
  column: number;
  /** The document (0-based) the error is in. */
  docIndex: number;
  /** A plain-words hint printed on the line after kubectl's message. */
  hint?: string;
}

export interface ManifestDoc {
  /** The parsed document; `List` kinds are expanded into their items. */
  object: unknown;
  docIndex: number;
  /** 1-based line where the document starts. */
  line: number;
}

export interface ParsedManifests {
  docs: ManifestDoc[];
  errors: ManifestError[];
}

const FILE_EXTENSIONS = ['.json', '.yaml', '.yml'];

/** Parses every document of a manifest text (continuing past bad documents, for the editor). */
export function parseManifests(text: string, filename = ''): ParsedManifests {
  const docs: ManifestDoc[] = [];
  const errors: ManifestError[] = [];
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || (filename.endsWith('.json') && trimmed.startsWith('['))) {
    parseJson(text, docs, errors);
    return { docs, errors };
  }
  splitDocuments(text).forEach((chunk, docIndex) => {
    try {
      const value = yaml.load(chunk.text, { json: true, schema: GO_YAML_SCHEMA });
      if (value === null || value === undefined) return;
      const aliasing = aliasingProblem(value, chunk.text);
      if (aliasing) {
        errors.push({ message: `error converting YAML to JSON: yaml: ${aliasing}`, line: chunk.line, column: 1, docIndex });
        return;
      }
      for (const object of expandList(value)) docs.push({ object, docIndex, line: chunk.line });
    } catch (e) {
      if (!(e instanceof yaml.YAMLException)) throw e;
      errors.push(yamlError(e, chunk.text, chunk.line, docIndex));
    }
  });
  return { docs, errors };
}

function parseJson(text: string, docs: ManifestDoc[], errors: ManifestError[]): void {
  try {
    for (const object of expandList(JSON.parse(text))) docs.push({ object, docIndex: 0, line: 1 });
  } catch (e) {
    const msg = String(e);
    const pos = /position (\d+)/.exec(msg);
    const atEnd = /end of (JSON )?input|Unterminated/i.test(msg) || (pos !== null && Number(pos[1]) >= text.trimEnd().length);
    const message = atEnd ? 'unexpected EOF' : jsonSyntax(text);
    errors.push({ message, line: 1, column: 1, docIndex: 0 });
  }
}

/** Go's encoding/json wording for the first bad character (approximate position scan). */
function jsonSyntax(text: string): string {
  try {
    yaml.load(text, { json: true });
    return 'invalid character looking for beginning of value';
  } catch (e) {
    const reason = e instanceof yaml.YAMLException ? e.reason : String(e);
    return `error converting YAML to JSON: yaml: ${reason}`;
  }
}

function expandList(value: unknown): unknown[] {
  if (isPlainObject(value) && value.kind === 'List' && Array.isArray(value.items)) return value.items;
  return [value];
}

interface Chunk {
  text: string;
  /** 1-based line of the chunk's first line in the whole text. */
  line: number;
}

/** apimachinery's YAMLReader: a line starting `---`, followed by nothing or a comment, separates documents. */
export function splitDocuments(text: string): Chunk[] {
  const lines = text.split('\n');
  const chunks: Chunk[] = [];
  let start = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.startsWith('---')) {
      const after = line.slice(3).trim();
      if (after === '' || after.startsWith('#')) {
        chunks.push({ text: lines.slice(start, i).join('\n'), line: start + 1 });
        start = i + 1;
      }
    }
  }
  chunks.push({ text: lines.slice(start).join('\n'), line: start + 1 });
  return chunks;
}

/** js-yaml's reasons, said as Go's yaml.v2 says them (the words kubectl prints). */
function yamlError(e: yaml.YAMLException, chunk: string, firstLine: number, docIndex: number): ManifestError {
  const line = (e.mark?.line ?? 0) + 1;
  let column = (e.mark?.column ?? 0) + 1;
  // The line Go names (inside the document); the marker goes there too.
  let named = line;
  const goLine = (n: number) => {
    named = Math.max(1, n);
    return `yaml: line ${named}: `;
  };
  const lines = chunk.split('\n');
  let go: string;
  switch (e.reason) {
    case 'bad indentation of a mapping entry':
    case 'incomplete explicit mapping pair; a key node is missed; or followed by a non-tabulated empty line':
      go = `${goLine(line)}mapping values are not allowed in this context`;
      break;
    case 'can not read a block mapping entry; a multiline key may not be an implicit key':
      go = `${goLine(line)}could not find expected ':'`;
      break;
    case 'end of the stream or a document separator is expected':
      go = `${goLine(line - 1)}did not find expected key`;
      break;
    case 'missed comma between flow collection entries':
    case 'unexpected end of the stream within a flow collection': {
      const open = lastOpenBracket(lines, line);
      go = `${goLine(open.line)}did not find expected ',' or '${open.bracket === '{' ? '}' : ']'}'`;
      break;
    }
    case 'unexpected end of the stream within a double quoted scalar':
    case 'unexpected end of the stream within a single quoted scalar':
      go = `${goLine(line)}found unexpected end of stream`;
      break;
    case 'tab characters must not be used in indentation': {
      const prev = lines.slice(0, line - 1).filter((l) => l.trim()).pop() ?? '';
      go = prev.trimEnd().endsWith(':')
        ? `${goLine(line)}found character that cannot start any token`
        : `${goLine(line)}found a tab character that violates indentation`;
      break;
    }
    default:
      go = `${goLine(line)}${e.reason}`;
  }
  if (named !== line) column = 1;
  const absolute = firstLine + named - 1;
  const hint = /^[ ]*\t/.test(lines[named - 1] ?? '') ? `YAML does not allow tabs for indentation — line ${absolute}` : undefined;
  return { message: `error converting YAML to JSON: ${go}`, line: absolute, column, docIndex, ...(hint ? { hint } : {}) };
}

function lastOpenBracket(lines: string[], upTo: number): { line: number; bracket: string } {
  for (let i = Math.min(upTo, lines.length) - 1; i >= 0; i--) {
    const m = Math.max(lines[i].lastIndexOf('['), lines[i].lastIndexOf('{'));
    if (m >= 0) return { line: i + 1, bracket: lines[i][m] };
  }
  return { line: upTo, bracket: '[' };
}

// ---- reading -f arguments ----

/** One object read from a manifest, with where it came from (for `error when creating "x.yaml"`). */
export interface SourcedObject {
  object: Record<string, unknown>;
  source: string;
}

export interface ReadResult {
  objects: SourcedObject[];
  /** Errors in kubectl's words (without `error: `), in the order met. */
  errors: string[];
}

/**
 * Reads every `-f` argument. A syntax or validation error ends its file (kubectl's StreamVisitor
 * stops there); documents before it are kept. `validate` false skips the apiVersion/kind check.
 */
export function readManifests(filenames: string[], workspace: Workspace, stdin: string | undefined, validate = true): ReadResult {
  const result: ReadResult = { objects: [], errors: [] };
  for (const name of filenames) {
    if (name === '-') {
      readText(stdin ?? '', 'STDIN', result, validate);
      continue;
    }
    const listed = workspace.list(name);
    if (listed) {
      const base = name.replace(/\/+$/, '');
      for (const entry of listed) {
        if (!FILE_EXTENSIONS.some((ext) => entry.endsWith(ext))) continue;
        const path = `${base}/${entry}`;
        const text = workspace.read(path);
        if (text !== undefined) readText(text, path, result, validate);
      }
      continue;
    }
    if (isUrl(name)) {
      // The playground's internet: the files it serves itself (add-ons, kubernetes.io examples).
      const body = remoteFile(name);
      if (body === undefined) result.errors.push(`unable to read URL "${name}", server reported 404 Not Found, status code=404`);
      else readText(body, name, result, validate);
      continue;
    }
    const text = workspace.read(name);
    if (text === undefined) {
      result.errors.push(`the path "${name}" does not exist`);
      continue;
    }
    readText(text, name, result, validate);
  }
  return result;
}

function readText(text: string, source: string, result: ReadResult, validate: boolean): void {
  const parsed = parseManifests(text, source);
  const firstError = parsed.errors[0];
  for (const doc of parsed.docs) {
    if (firstError && doc.docIndex >= firstError.docIndex) break;
    if (!isPlainObject(doc.object)) {
      result.errors.push(`error parsing ${source}: error unmarshaling JSON: json: cannot unmarshal ${goJsonType(doc.object)} into Go value of type map[string]interface {}`);
      return;
    }
    const hint = withHint(composeHint(doc.object));
    const missing = missingTypeFields(doc.object);
    if (missing && validate) {
      result.errors.push(`error validating "${source}": error validating data: ${missing}; if you choose to ignore these errors, turn validation off with --validate=false${hint}`);
      return;
    }
    if (!doc.object.kind) {
      result.errors.push(`unable to decode "${source}": Object 'Kind' is missing in '${goJsonCompact(doc.object)}'${hint}`);
      continue;
    }
    result.objects.push({ object: doc.object, source });
  }
  if (firstError) result.errors.push(`error parsing ${source}: ${firstError.message}${withHint(firstError.hint)}`);
}

/** kubectl's client-side validation of a document's type fields: `[apiVersion not set, kind not set]`. */
function missingTypeFields(object: Record<string, unknown>): string | undefined {
  const missing: string[] = [];
  if (!object.apiVersion) missing.push('apiVersion not set');
  if (!object.kind) missing.push('kind not set');
  if (missing.length === 0) return undefined;
  return missing.length === 1 ? missing[0] : `[${missing.join(', ')}]`;
}

/** A docker-compose file (top-level `services:`, no apiVersion/kind) is a different tool's format. */
function composeHint(object: Record<string, unknown>): string | undefined {
  if (object.apiVersion || object.kind || !Object.hasOwn(object, 'services')) return undefined;
  return 'This is a docker-compose file, not a Kubernetes manifest: Kubernetes wants objects with apiVersion and kind (a Deployment and a Service for each compose service); `kompose convert` translates one.';
}

function withHint(hint: string | undefined): string {
  return hint ? `\n${hint}` : '';
}

/**
 * What the editor marks in a manifest: syntax errors, and documents kubectl's validation refuses
 * (no apiVersion or kind), each at the line its message names, with the same words and hint.
 */
export function manifestProblems(text: string, filename = ''): ManifestError[] {
  const parsed = parseManifests(text, filename);
  const problems: ManifestError[] = [];
  const firstError = parsed.errors[0];
  for (const doc of parsed.docs) {
    if (firstError && doc.docIndex >= firstError.docIndex) break;
    if (!isPlainObject(doc.object)) continue;
    const missing = missingTypeFields(doc.object);
    if (!missing) continue;
    const hint = composeHint(doc.object);
    problems.push({ message: `error validating data: ${missing}`, line: doc.line, column: 1, docIndex: doc.docIndex, ...(hint ? { hint } : {}) });
    return problems;
  }
  return firstError ? [...problems, firstError] : problems;
}

function goJsonType(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'bool';
  return 'value';
}
