/**
 * `JSON.stringify(a) === JSON.stringify(b)` without building the strings. Controllers compare
 * statuses this way on every sync; serializing both sides was a large share of the garbage a
 * 10,000-pod rollout produced. Same answer, including JSON's quirks: key order matters,
 * undefined/function properties are omitted (null inside arrays), non-finite numbers are null.
 */
const OMITTED = Symbol('omitted');

function jsonValue(v: unknown, inArray: boolean): unknown {
  const t = typeof v;
  if (t === 'undefined' || t === 'function' || t === 'symbol') return inArray ? null : OMITTED;
  if (t === 'number' && !Number.isFinite(v as number)) return null;
  return v;
}

function isOmitted(v: unknown): boolean {
  const t = typeof v;
  return t === 'undefined' || t === 'function' || t === 'symbol';
}

function isPlain(o: object): boolean {
  const proto = Object.getPrototypeOf(o);
  return (proto === Object.prototype || proto === null || Array.isArray(o)) && typeof (o as { toJSON?: unknown }).toJSON !== 'function';
}

function same(x: unknown, y: unknown, inArray: boolean): boolean {
  const a = jsonValue(x, inArray);
  const b = jsonValue(y, inArray);
  if (a === b) return true;
  // Dates, boxed values, objects with toJSON: let JSON decide.
  if ((typeof a === 'object' && a !== null && !isPlain(a)) || (typeof b === 'object' && b !== null && !isPlain(b))) {
    return JSON.stringify(a) === JSON.stringify(b);
  }
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const arr = Array.isArray(a);
  if (arr !== Array.isArray(b)) return false;
  if (arr) {
    const aa = a as unknown[];
    const bb = b as unknown[];
    if (aa.length !== bb.length) return false;
    for (let i = 0; i < aa.length; i++) if (!same(aa[i], bb[i], true)) return false;
    return true;
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const ka = Object.keys(ra);
  const kb = Object.keys(rb);
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < ka.length && isOmitted(ra[ka[i]])) i++;
    while (j < kb.length && isOmitted(rb[kb[j]])) j++;
    if (i === ka.length || j === kb.length) return i === ka.length && j === kb.length;
    if (ka[i] !== kb[j] || !same(ra[ka[i]], rb[kb[j]], false)) return false;
    i++;
    j++;
  }
}

export function sameJson(a: unknown, b: unknown): boolean {
  return same(a, b, false);
}
