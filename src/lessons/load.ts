/**
 * Reads `lesson.yaml` (+ its files) into a `Lesson`, checking everything a lesson author can
 * get wrong, and reporting every problem at once with its place (`steps[2].checks[0].kind: …`).
 */
import { load, loadAll } from 'js-yaml';
import { parseSelector } from '../sim/core/labels';
import { Registry } from '../sim/api/registry';
import { isPlainObject } from '../sim/core/object';
import { describeCheck } from './describe';
import { parsePath } from './paths';
import type { Check, CheckSpec, CheckType, CountOp, EventMatch, Lesson, LessonStep } from './types';

export class LessonFormatError extends Error {
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(`${source}: ${problems.length === 1 ? problems[0] : `${problems.length} problems:\n  ${problems.join('\n  ')}`}`);
    this.name = 'LessonFormatError';
  }
}

export const CHECK_TYPES: readonly CheckType[] = ['exists', 'absent', 'fieldEquals', 'podCount', 'objectCount', 'condition', 'eventSeen', 'ownedBy', 'endpoints'];
const COUNT_OPS: readonly CountOp[] = ['eq', 'gte', 'lte'];
const CONDITION_STATUSES = ['True', 'False', 'Unknown'];
const ID = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const KNOWN_KINDS = new Registry();

type Raw = Record<string, unknown>;

/** Collects problems while reading one node of the YAML tree. */
class Reader {
  constructor(
    private readonly problems: string[],
    readonly at: string,
    readonly raw: Raw,
    allowed: string[],
  ) {
    for (const key of Object.keys(raw)) {
      if (!allowed.includes(key)) this.problem(`unknown field "${key}"`, key);
    }
  }

  problem(message: string, field?: string): void {
    const place = [this.at, field].filter(Boolean).join('.');
    this.problems.push(place ? `${place}: ${message}` : message);
  }

  string(field: string, opts: { optional: true }): string | undefined;
  string(field: string, opts?: { optional?: false }): string;
  string(field: string, opts: { optional?: boolean } = {}): string | undefined {
    const v = this.raw[field];
    if (v === undefined || v === null) {
      if (!opts.optional) this.problem('required', field);
      return opts.optional ? undefined : '';
    }
    if (typeof v !== 'string' || v.trim() === '') {
      this.problem(`must be a non-empty string`, field);
      return opts.optional ? undefined : '';
    }
    return v;
  }

  count(field: string): number {
    const v = this.raw[field];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) {
      this.problem(v === undefined ? 'required' : 'must be a whole number ≥ 0', field);
      return 0;
    }
    return v;
  }

  stringList(field: string): string[] {
    const v = this.raw[field];
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v) || v.some((s) => typeof s !== 'string' || s.trim() === '')) {
      this.problem('must be a list of non-empty strings', field);
      return [];
    }
    return v as string[];
  }

  kind(field = 'kind'): string {
    const kind = this.string(field);
    if (kind && !KNOWN_KINDS.resolve(kind)) this.problem(`unknown kind "${kind}"`, field);
    return kind;
  }

  selector(field: string): string | undefined {
    const sel = this.string(field, { optional: true });
    if (sel !== undefined) {
      try {
        parseSelector(sel);
      } catch (e) {
        this.problem(`bad selector "${sel}": ${(e as Error).message}`, field);
      }
    }
    return sel;
  }

  child(field: string, allowed: string[]): Reader | undefined {
    const v = this.raw[field];
    if (v === undefined) return undefined;
    if (!isPlainObject(v)) {
      this.problem('must be a mapping', field);
      return undefined;
    }
    return new Reader(this.problems, `${this.at}.${field}`, v, allowed);
  }
}

/**
 * Parses and validates a lesson. `files` maps workspace names (`pod.yaml`) to their text: the
 * contents of the lesson's `files/` folder. Throws LessonFormatError listing every problem.
 */
export function loadLesson(yamlText: string, files: Record<string, string> = {}, source = 'lesson.yaml'): Lesson {
  const problems: string[] = [];
  let doc: unknown;
  try {
    doc = load(yamlText);
  } catch (e) {
    throw new LessonFormatError(source, [`not valid YAML: ${(e as Error).message}`]);
  }
  if (!isPlainObject(doc)) throw new LessonFormatError(source, ['must be a mapping with id, title, summary and steps']);

  const top = new Reader(problems, '', doc, ['id', 'title', 'summary', 'steps']);
  const id = top.string('id');
  if (id && !ID.test(id)) top.problem(`"${id}" must be lowercase letters, digits and dashes`, 'id');
  const lesson: Lesson = { id, title: top.string('title'), summary: top.string('summary'), files: {}, steps: [] };

  for (const [name, text] of Object.entries(files)) {
    try {
      loadAll(text);
    } catch (e) {
      problems.push(`files/${name}: not valid YAML: ${(e as Error).message.split('\n')[0]}`);
    }
    lesson.files[name] = text;
  }

  const steps = doc.steps;
  if (!Array.isArray(steps) || steps.length === 0) {
    top.problem('must be a non-empty list', 'steps');
  } else {
    const seen = new Set<string>();
    steps.forEach((raw, i) => {
      const step = readStep(problems, `steps[${i}]`, raw, lesson.files);
      if (!step) return;
      if (seen.has(step.id)) problems.push(`steps[${i}].id: duplicate step id "${step.id}"`);
      seen.add(step.id);
      lesson.steps.push(step);
    });
  }
  if (problems.length) throw new LessonFormatError(source, problems);
  return lesson;
}

function readStep(problems: string[], at: string, raw: unknown, files: Record<string, string>): LessonStep | undefined {
  if (!isPlainObject(raw)) {
    problems.push(`${at}: must be a mapping`);
    return undefined;
  }
  const r = new Reader(problems, at, raw, ['id', 'title', 'text', 'files', 'checks', 'hints']);
  const id = r.string('id');
  if (id && !ID.test(id)) r.problem(`"${id}" must be lowercase letters, digits and dashes`, 'id');
  const stepFiles = r.stringList('files');
  for (const f of stepFiles) {
    if (!(f in files)) r.problem(`no file "${f}" in the lesson's files/ folder`, 'files');
  }
  const checks: Check[] = [];
  const rawChecks = raw.checks;
  if (!Array.isArray(rawChecks) || rawChecks.length === 0) {
    r.problem('must be a non-empty list (a step is complete when all its checks pass)', 'checks');
  } else {
    const ids = new Set<string>();
    rawChecks.forEach((c, i) => {
      const check = readCheck(problems, `${at}.checks[${i}]`, c, `${id}-${i + 1}`);
      if (!check) return;
      if (ids.has(check.id)) problems.push(`${at}.checks[${i}].id: duplicate check id "${check.id}"`);
      ids.add(check.id);
      checks.push(check);
    });
  }
  const hints = r.stringList('hints');
  return { id, title: r.string('title'), text: r.string('text'), files: stepFiles, checks, hints };
}

const COMMON = ['type', 'id', 'description'];
const REF = ['kind', 'name', 'namespace'];
const MATCH = ['reason', 'kind', 'name', 'namePrefix', 'namespace', 'messageContains'];
const FIELDS: Record<CheckType, string[]> = {
  exists: REF,
  absent: REF,
  fieldEquals: [...REF, 'path', 'value'],
  podCount: ['selector', 'namespace', 'phase', 'status', 'count', 'op'],
  objectCount: ['kind', 'namespace', 'selector', 'namePrefix', 'count', 'op'],
  condition: [...REF, 'condition', 'status'],
  eventSeen: [...MATCH, 'after'],
  ownedBy: ['kind', 'namespace', 'name', 'namePrefix', 'selector', 'owner'],
  endpoints: ['service', 'namespace', 'ready', 'count', 'op'],
};

function readCheck(problems: string[], at: string, raw: unknown, defaultId: string): Check | undefined {
  if (!isPlainObject(raw)) {
    problems.push(`${at}: must be a mapping`);
    return undefined;
  }
  const type = raw.type as CheckType;
  if (!CHECK_TYPES.includes(type)) {
    problems.push(`${at}.type: ${raw.type === undefined ? 'required' : `unknown check type "${String(raw.type)}"`} (one of ${CHECK_TYPES.join(', ')})`);
    return undefined;
  }
  const r = new Reader(problems, at, raw, [...COMMON, ...FIELDS[type]]);
  const id = r.string('id', { optional: true }) ?? defaultId;
  const namespace = r.string('namespace', { optional: true });
  const ns = namespace === undefined ? {} : { namespace };
  let body: CheckSpec;
  switch (type) {
    case 'exists':
    case 'absent':
      body = { type, kind: r.kind(), name: r.string('name'), ...ns };
      break;
    case 'fieldEquals': {
      const path = r.string('path');
      if (path) {
        try {
          parsePath(path);
        } catch (e) {
          r.problem((e as Error).message, 'path');
        }
      }
      if (!('value' in raw)) r.problem('required', 'value');
      body = { type, kind: r.kind(), name: r.string('name'), path, value: raw.value, ...ns };
      break;
    }
    case 'podCount': {
      const phase = r.string('phase', { optional: true });
      const status = r.string('status', { optional: true });
      if (phase && status) r.problem('give phase or status, not both', 'status');
      body = { type, selector: r.selector('selector'), phase, status, count: r.count('count'), op: readOp(r), ...ns };
      break;
    }
    case 'objectCount':
      body = { type, kind: r.kind(), selector: r.selector('selector'), namePrefix: r.string('namePrefix', { optional: true }), count: r.count('count'), op: readOp(r), ...ns };
      break;
    case 'condition': {
      // YAML reads an unquoted True/False as a boolean.
      const rawStatus = typeof raw.status === 'boolean' ? (raw.status ? 'True' : 'False') : raw.status;
      if (!CONDITION_STATUSES.includes(rawStatus as string)) r.problem(`must be one of ${CONDITION_STATUSES.join(', ')}`, 'status');
      body = { type, kind: r.kind(), name: r.string('name'), condition: r.string('condition'), status: rawStatus as 'True', ...ns };
      break;
    }
    case 'eventSeen': {
      const after = r.child('after', MATCH);
      body = { type, ...readMatch(r), ...(after ? { after: readMatch(after) } : {}) };
      break;
    }
    case 'ownedBy': {
      const owner = r.child('owner', ['kind', 'name', 'namePrefix']);
      if (!owner) r.problem('required', 'owner');
      const name = r.string('name', { optional: true });
      const namePrefix = r.string('namePrefix', { optional: true });
      const selector = r.selector('selector');
      if (!name && !namePrefix && !selector) r.problem('give name, namePrefix or selector');
      body = {
        type,
        kind: r.kind(),
        ...ns,
        ...(name ? { name } : {}),
        ...(namePrefix ? { namePrefix } : {}),
        ...(selector ? { selector } : {}),
        owner: owner ? { kind: owner.kind(), name: owner.string('name', { optional: true }), namePrefix: owner.string('namePrefix', { optional: true }) } : { kind: '' },
      };
      break;
    }
    case 'endpoints': {
      const ready = raw.ready;
      if (ready !== undefined && typeof ready !== 'boolean') r.problem('must be true or false', 'ready');
      body = { type, service: r.string('service'), ready: ready === false ? false : undefined, count: r.count('count'), op: readOp(r), ...ns };
      break;
    }
  }
  const description = r.string('description', { optional: true }) ?? describeCheck(body);
  return dropUndefined({ ...body, id, description }) as Check;
}

function readOp(r: Reader): CountOp {
  const op = r.raw.op ?? 'eq';
  if (!COUNT_OPS.includes(op as CountOp)) {
    r.problem(`must be one of ${COUNT_OPS.join(', ')}`, 'op');
    return 'eq';
  }
  return op as CountOp;
}

function readMatch(r: Reader): EventMatch {
  const kind = r.raw.kind === undefined ? undefined : r.kind();
  return {
    reason: r.string('reason'),
    kind,
    name: r.string('name', { optional: true }),
    namePrefix: r.string('namePrefix', { optional: true }),
    namespace: r.string('namespace', { optional: true }),
    messageContains: r.string('messageContains', { optional: true }),
  };
}

function dropUndefined<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}
