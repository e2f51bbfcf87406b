/** Helpers shared by kubectl's object generators (`create deployment`, `create configmap`, `run`). */
import type { KObject } from '../../sim/core/object';
import { Rng, SAFE_ALPHABET } from '../../sim/core/rng';
import type { ParsedArgs } from '../args';
import { LAST_APPLIED_ANNOTATION, lastAppliedValue } from '../apply-merge';
import { CliError } from '../errors';
import { checkOutputFormat, dryRunMode, printChange, type DryRun } from '../output';
import { resolveType } from '../resources';
import type { CommandContext } from '../types';

/**
 * kubectl create deployment's container name: the image's last path segment without tag or
 * digest; `_` and `.` become `-` and then a random 5-character suffix is added
 * (sanitizeAndUniquify), drawn from kubectl's own randomness, seeded by the host.
 */
export function containerNameForImage(ctx: CommandContext, image: string): string {
  let name = image.split('/').pop() ?? image;
  name = name.split(':')[0].split('@')[0];
  if (/[_.]/.test(name)) name = `${name.replace(/[_.]/g, '-')}-${new Rng(ctx.io.seed).fork(`kubectl/${ctx.client.now()}/${image}`).string(5, SAFE_ALPHABET)}`;
  return name;
}

/** `--labels=a=b,c=d` / `--env` style `k=v` lists. */
export function parseKeyValues(spec: string, what: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!spec) return out;
  for (const pair of spec.split(',')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new Error(`invalid ${what}: ${JSON.stringify(pair)}`);
    out[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return out;
}

/** distribution/reference's grammar, as kubectl run checks an image name before sending it. */
const IMAGE_REFERENCE =
  /^(?:(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*(?::[0-9]+)?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[\w][\w.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$/;

export function isValidImageReference(image: string): boolean {
  return IMAGE_REFERENCE.test(image);
}

export function saveConfig(obj: KObject): KObject {
  const value = lastAppliedValue(obj as unknown as Record<string, unknown>);
  return { ...obj, metadata: { ...obj.metadata, annotations: { ...(obj.metadata.annotations ?? {}), [LAST_APPLIED_ANNOTATION]: value } } };
}

/**
 * Sends a generated object. `failedWhat` wraps server errors as kubectl's generators do
 * (`error: failed to create deployment: …`, or a function for other wordings); namespace
 * creation passes them through.
 */
export function createGenerated(ctx: CommandContext, args: ParsedArgs, obj: KObject, failedWhat?: string | ((message: string) => string)): number {
  checkOutputFormat(args);
  const mode: DryRun = dryRunMode(ctx, args);
  const type = resolveType(ctx.client.discovery, obj.kind);
  const ns = type.namespaced ? ctx.namespace : undefined;
  if (ns) obj.metadata.namespace = ns;
  if (args.bool('save-config')) obj = saveConfig(obj);
  if (mode === 'client') {
    // kubectl prints the generated object itself (creationTimestamp: null and all).
    if (ns && !ctx.namespaceExplicit) delete obj.metadata.namespace;
    printChange(ctx, args, type, obj, 'created', mode);
    return 0;
  }
  const body = stripNulls(obj);
  let created: KObject;
  try {
    created = ctx.client.create(type.plural, ns, body, { dryRun: mode === 'server', fieldValidation: 'Strict' });
  } catch (e) {
    if (failedWhat && e instanceof Error) throw new CliError(typeof failedWhat === 'string' ? `failed to create ${failedWhat}: ${e.message}` : failedWhat(e.message));
    throw e;
  }
  printChange(ctx, args, type, created, 'created', mode);
  return 0;
}

function stripNulls(obj: KObject): KObject {
  return JSON.parse(JSON.stringify(obj, (_k, v) => (v === null ? undefined : v))) as KObject;
}

/** A generator's one NAME (cobra's ExactArgs(1) message); `raw`: printed as cobra's own `Error:`. */
export function exactlyOneName(ctx: CommandContext, args: ParsedArgs, raw = false): string {
  const message = `exactly one NAME is required, got ${args.args.length}\nSee '${ctx.path} -h' for help and examples`;
  if (args.args.length !== 1) throw raw ? new CliError(`Error: ${message}`, true) : new CliError(message);
  return args.args[0];
}
