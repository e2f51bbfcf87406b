import { describe, expect, it } from 'vitest';
import { formatLabels, formatSelector, matchesLabelSelector, matchSelector, parseSelector, SelectorParseError } from './labels';

const match = (sel: string, labels: Record<string, string>) => matchSelector(parseSelector(sel), labels);

describe('label selectors', () => {
  it('parses equality, set-based, existence and numeric requirements', () => {
    expect(parseSelector("app=web,tier in (fe, be),!canary,version>2,env")).toEqual([
      { key: 'app', op: 'In', values: ['web'], equality: true },
      { key: 'tier', op: 'In', values: ['fe', 'be'] },
      { key: 'canary', op: 'DoesNotExist', values: [] },
      { key: 'version', op: 'Gt', values: ['2'] },
      { key: 'env', op: 'Exists', values: [] },
    ]);
  });

  it('matches like Kubernetes: != and notin also match an absent key', () => {
    expect(match('app=web', { app: 'web' })).toBe(true);
    expect(match('app==web', { app: 'db' })).toBe(false);
    expect(match('app!=web', {})).toBe(true);
    expect(match('tier notin (fe)', {})).toBe(true);
    expect(match('tier in (fe,be)', { tier: 'be' })).toBe(true);
    expect(match('version>2', { version: '3' })).toBe(true);
    expect(match('version>2', { version: 'x' })).toBe(false);
    expect(match('!canary', { canary: '' })).toBe(false);
    expect(match('', { any: 'thing' })).toBe(true);
  });

  it('rejects malformed selectors', () => {
    expect(() => parseSelector('app in web')).toThrow(SelectorParseError);
    expect(() => parseSelector('version>x')).toThrow(SelectorParseError);
  });

  it('treats a nil API selector as matching nothing and {} as everything', () => {
    expect(matchesLabelSelector(undefined, { a: 'b' })).toBe(false);
    expect(matchesLabelSelector({}, { a: 'b' })).toBe(true);
    expect(matchesLabelSelector({ matchLabels: { a: 'b' }, matchExpressions: [{ key: 'c', operator: 'DoesNotExist' }] }, { a: 'b' })).toBe(true);
  });

  it('prints selectors and labels sorted by key', () => {
    expect(formatSelector({ matchLabels: { tier: 'fe', app: 'web' } })).toBe('app=web,tier=fe');
    expect(formatSelector({ matchExpressions: [{ key: 'env', operator: 'In', values: ['prod', 'dev'] }] })).toBe('env in (dev,prod)');
    expect(formatSelector({ matchExpressions: [{ key: 'env', operator: 'In', values: ['prod'] }] })).toBe('env in (prod)');
    expect(formatSelector({})).toBe('<none>');
    expect(formatLabels({ b: '2', a: '1' })).toBe('a=1,b=2');
    expect(formatLabels(undefined)).toBe('<none>');
  });
});
