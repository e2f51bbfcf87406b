import { describe, expect, it } from 'vitest';
import { expand } from './expansion';

describe('$(VAR) expansion', () => {
  const env = { A: 'a', EMPTY: '', 'ODD NAME': 'odd' };
  it.each([
    ['$(A)', 'a'],
    ['x$(A)y$(A)', 'xaya'],
    ['$(EMPTY)', ''],
    ['$(UNKNOWN)', '$(UNKNOWN)'],
    ['$$(A)', '$(A)'],
    ['$$$(A)', '$a'],
    ['$$', '$'],
    ['$A', '$A'],
    ['$', '$'],
    ['a$', 'a$'],
    ['$(A', '$(A'],
    ['$()', '$()'],
    ['$(ODD NAME)', 'odd'],
    ['echo $HOME $(A)', 'echo $HOME a'],
  ])('%s → %s', (input, want) => {
    expect(expand(input, env)).toBe(want);
  });

  it('looks in each context in turn', () => {
    expect(expand('$(A)$(B)', { A: '1' }, { A: '2', B: '3' })).toBe('13');
  });
});
