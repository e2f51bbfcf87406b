/**
 * Where `kubectl create configmap|secret` take their keys from (kubectl's util.ParseLiteralSource,
 * util.ParseFileSource, cmdutil.AddFromEnvFile and the handle*FromFileSources walks), and the
 * name hash of `--append-hash` (kubectl/pkg/util/hash). Each source is read in turn and handed
 * to `add`, which applies the kind's own key rules.
 */
import { regexError } from '../../sim/core/names';
import { sha256Hex } from '../../sim/core/sha256';
import { CliError } from '../errors';
import type { CommandContext } from '../types';

export type AddKey = (key: string, value: string) => void;

/** `--from-file` and `--from-env-file` are pflag string slices: `a,b` is two values. */
export function sliceFlag(values: string[]): string[] {
  return values.flatMap((v) => v.split(','));
}

/** `key=value`; the value may hold more `=`. */
export function addLiteralSources(sources: string[], add: AddKey): void {
  for (const source of sources) {
    const eq = source.indexOf('=');
    if (eq <= 0) throw new CliError(`invalid literal source ${source}, expected key=value`);
    add(source.slice(0, eq), source.slice(eq + 1));
  }
}

/** ParseFileSource: `path` (the key is its base name) or `key=path`. */
export function parseFileSource(source: string): [key: string, path: string] {
  const separators = source.split('=').length - 1;
  if (separators === 0) return [source.replace(/\/+$/, '').split('/').pop() || source, source];
  if (separators === 1 && source.startsWith('=')) throw new CliError(`key name for file path ${source.slice(1)} missing`);
  if (separators === 1 && source.endsWith('=')) throw new CliError(`file path for key name ${source.slice(0, -1)} missing`);
  if (separators > 1) throw new CliError("key names or file paths cannot contain '='");
  const [key, path] = source.split('=');
  return [key, path];
}

/** A file adds one key; a folder one per regular file directly in it (named after it). */
export function addFileSources(ctx: CommandContext, sources: string[], add: AddKey): void {
  for (const source of sources) {
    const [key, path] = parseFileSource(source);
    const text = ctx.io.workspace.read(path);
    if (text !== undefined) {
      add(key, text);
      continue;
    }
    const entries = ctx.io.workspace.list(path);
    if (entries === undefined) throw new CliError(`error reading ${path}: no such file or directory`);
    if (source.includes('=')) throw new CliError('cannot give a key name for a directory path');
    for (const entry of entries) {
      const inner = ctx.io.workspace.read(`${path.replace(/\/+$/, '')}/${entry}`);
      if (inner !== undefined) add(entry, inner);
    }
  }
}

const ENV_VAR_NAME_FMT = '[-._a-zA-Z][-._a-zA-Z0-9]*';
const ENV_VAR_NAME_RE = new RegExp(`^${ENV_VAR_NAME_FMT}$`);

/** apimachinery's (strict) IsEnvVarName, which kubectl vendors. */
function envVarNameErrors(name: string): string[] {
  const errs: string[] = [];
  if (!ENV_VAR_NAME_RE.test(name)) {
    errs.push(regexError("a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit", ENV_VAR_NAME_FMT, 'my.env-name', 'MY_ENV.NAME', 'MyEnvName1'));
  }
  if (name === '.') errs.push("must not be '.'");
  else if (name === '..') errs.push("must not be '..'");
  else if (name.startsWith('..')) errs.push("must not start with '..'");
  return errs;
}

/**
 * AddFromEnvFile: `KEY=value` lines (leading space and a first-line BOM dropped, `#` comments
 * and blank lines skipped); a bare `KEY` takes kubectl's own environment, empty here.
 */
export function addEnvFileSources(ctx: CommandContext, sources: string[], add: AddKey, directoryError: string): void {
  for (const path of sources) {
    const text = ctx.io.workspace.read(path);
    if (text === undefined) {
      if (ctx.io.workspace.list(path) !== undefined) throw new CliError(directoryError);
      throw new CliError(`error reading ${path}: no such file or directory`);
    }
    const lines = text.split('\n');
    if (text.endsWith('\n')) lines.pop();
    lines.forEach((raw, i) => {
      let line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      if (i === 0) line = line.replace(/^\uFEFF/, '');
      line = line.replace(/^\s+/, '');
      if (line === '' || line.startsWith('#')) return;
      const eq = line.indexOf('=');
      const key = eq < 0 ? line : line.slice(0, eq);
      const errs = envVarNameErrors(key);
      if (errs.length) throw new CliError(`${JSON.stringify(key)} is not a valid key name: ${errs.join(';')}`);
      add(key, eq < 0 ? '' : line.slice(eq + 1));
    });
  }
}

/** Go's json.Marshal of a string: HTML-safe escapes (`<` → `\u003c`), as the hashes and dockercfg see it. */
export function goJsonString(s: string): string {
  return JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Go's json.Marshal of a string map (keys sorted). */
export function goJsonStringMap(m: Record<string, string>): string {
  return `{${Object.keys(m).sort().map((k) => `${goJsonString(k)}:${goJsonString(m[k])}`).join(',')}}`;
}

/** hash.encodeHash: the first 10 hex digits of the SHA-256, vowels and look-alikes made consonants. */
function nameHash(encoded: string): string {
  const map: Record<string, string> = { '0': 'g', '1': 'h', '3': 'k', a: 'm', e: 't' };
  return [...sha256Hex(encoded).slice(0, 10)].map((c) => map[c] ?? c).join('');
}

/** hash.ConfigMapHash: over data (and binaryData), kind and name. */
export function configMapHash(name: string, data: Record<string, string>): string {
  return nameHash(`{"data":${goJsonStringMap(data)},"kind":"ConfigMap","name":${goJsonString(name)}}`);
}

/** hash.SecretHash: over data (base64, as Go marshals []byte), kind, name and type. */
export function secretHash(name: string, type: string, data: Record<string, string>): string {
  return nameHash(`{"data":${goJsonStringMap(data)},"kind":"Secret","name":${goJsonString(name)},"type":${goJsonString(type)}}`);
}
