import { describe, expect, it } from 'vitest';
import { goJsonCompact, lastAppliedValue } from './apply-merge';

describe('last-applied annotation', () => {
  it('is sorted compact JSON with an empty annotations map and a newline', () => {
    expect(lastAppliedValue({ kind: 'Pod', apiVersion: 'v1', metadata: { name: 'x', namespace: 'default' } })).toBe(
      '{"apiVersion":"v1","kind":"Pod","metadata":{"annotations":{},"name":"x","namespace":"default"}}\n',
    );
  });
  it('escapes HTML characters like Go', () => {
    expect(goJsonCompact({ a: '<b>&' })).toBe('{"a":"\\u003cb\\u003e\\u0026"}');
  });
});
