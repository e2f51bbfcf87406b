import { describe, expect, it } from 'vitest';
import { runBoth } from './test-io';
import { falseProgram, trueProgram } from './true-false';
import { YES_LINES, yes } from './yes';

describe('yes, true, false', () => {
  it('yes repeats its line, bounded', () => {
    for (const r of runBoth(yes, 'yes')) expect(r.out).toBe('y\n'.repeat(YES_LINES));
    for (const r of runBoth(yes, 'yes a b')) expect(r.out.slice(0, 8)).toBe('a b\na b\n');
  });
  it('true and false ignore their arguments', () => {
    for (const r of runBoth(trueProgram, 'true --help')) expect([r.out, r.code]).toEqual(['', 0]);
    for (const r of runBoth(falseProgram, 'false x')) expect([r.out, r.code]).toEqual(['', 1]);
  });
});
