import { describe, expect, it } from 'vitest';
import { echo } from './echo';
import { runBoth } from './test-io';

describe('/bin/echo', () => {
  it('joins its arguments; -n, -e', () => {
    for (const r of runBoth(echo, 'echo a b')) expect(r.out).toBe('a b\n');
    for (const r of runBoth(echo, 'echo -n a')) expect(r.out).toBe('a');
    for (const r of runBoth(echo, ['echo', '-e', 'a\\tb\\n'])) expect(r.out).toBe('a\tb\n\n');
    for (const r of runBoth(echo, ['echo', '-e', 'a\\cb'])) expect(r.out).toBe('a');
    for (const r of runBoth(echo, ['echo', 'a\\tb'])) expect(r.out).toBe('a\\tb\n');
    for (const r of runBoth(echo, ['echo', '-x'])) expect(r.out).toBe('-x\n');
  });
});
