import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { sameJson } from './json-equal';

const byJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

describe('sameJson', () => {
  it('agrees with comparing JSON.stringify output on the quirky cases', () => {
    const cases: [unknown, unknown][] = [
      [undefined, undefined], [undefined, null], [null, null], [{}, { a: undefined }], [{ a: 1, b: 2 }, { b: 2, a: 1 }],
      [[undefined], [null]], [[() => 1], [null]], [NaN, null], [Infinity, -Infinity], [0, -0], [{ a: NaN }, { a: null }],
      [{ a: [1, { b: undefined }] }, { a: [1, {}] }], [[], {}], ['1', 1], [{ d: new Date(5) }, { d: new Date(5).toISOString() }],
      [{ a: 1, f() {} }, { a: 1 }], [{ a: 1 }, { a: 1, b: 0 }], [true, 'true'],
    ];
    for (const [a, b] of cases) expect(sameJson(a, b), JSON.stringify([a, b])).toBe(byJson(a, b));
  });

  it('agrees with comparing JSON.stringify output on random data', () => {
    const value = fc.letrec((tie) => ({
      v: fc.oneof(
        { depthSize: 'small' },
        fc.constantFrom(null, undefined, 0, -0, 1, NaN, Infinity, '', 'a', 'b', true, false),
        fc.array(tie('v'), { maxLength: 3 }),
        fc.dictionary(fc.constantFrom('a', 'b', 'c'), tie('v'), { maxKeys: 3 }),
      ),
    })).v;
    fc.assert(fc.property(value, value, (a, b) => sameJson(a, b) === byJson(a, b)), { numRuns: 3000 });
    fc.assert(fc.property(value, (a) => sameJson(a, structuredClone(a))), { numRuns: 500 });
  });
});
