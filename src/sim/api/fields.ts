/** Field selectors: `metadata.name=x,status.phase!=Running`. */
import type { KObject } from '../core/object';

export interface FieldRequirement {
  path: string;
  op: '=' | '!=';
  value: string;
}

export function parseFieldSelector(input: string): FieldRequirement[] {
  return input
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((term) => {
      const m = /^([^!=]+)(!=|==|=)(.*)$/.exec(term);
      if (!m) throw new Error(`invalid selector: '${input}'; can't understand '${term}'`);
      return { path: m[1], op: m[2] === '!=' ? '!=' : '=', value: m[3] };
    });
}

export function fieldValue(obj: KObject, path: string): string {
  let cur: unknown = obj;
  for (const part of path.split('.')) {
    if (typeof cur !== 'object' || cur === null) return '';
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur === undefined || cur === null ? '' : String(cur);
}

export function matchFields(reqs: FieldRequirement[], obj: KObject): boolean {
  return reqs.every((r) => (fieldValue(obj, r.path) === r.value) === (r.op === '='));
}
