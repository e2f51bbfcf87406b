import { describe, it, expect } from 'vitest';
import type { KObject } from '../../sim/core/object';
import { checkTablesSortable, sortObjects, sortTableRows } from './sort';

/** ConfigMaps c0…cN whose `.data.k` is the given key ('-' = no field, 'null' = JSON null). */
function configMaps(keys: string): KObject[] {
  return keys.split(' ').map((k, i) => ({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: `c${i}`, namespace: 'default' },
    ...(k === '-' ? {} : { data: { k: k === 'null' ? null : k } }),
  })) as KObject[];
}

const order = (keys: string) => sortObjects(configMaps(keys), '.data.k').map((o) => o.metadata.name).join(' ');

// Every expected order below is what the real kubectl 1.32 printed for the same ConfigMaps
// (`kubectl get cm -o name --sort-by=.data.k` against a stub api-server).
describe('--sort-by', () => {
  it('puts objects without the field first, in reverse order (their Less is always true)', () => {
    expect(order('2 1 - 1 -')).toBe('c4 c2 c1 c3 c0');
    expect(order('1 - null')).toBe('c1 c2 c0');
    expect(order('- null 1 null -')).toBe('c4 c0 c1 c3 c2');
  });

  it('keeps ties in order below 13 items (insertion sort)', () => {
    expect(order('1 1 1 1 1 1 1 1 1 1 1 1 1')).toBe('c0 c1 c2 c3 c4 c5 c6 c7 c8 c9 c10 c11 c12');
  });

  it('orders ties as pdqsort does from 13 items on', () => {
    expect(order('2 1 1 1 1 1 1 1 1 1 1 1 1')).toBe('c6 c1 c2 c3 c4 c5 c7 c8 c9 c10 c11 c12 c0');
    expect(order('1 1 1 1 1 1 1 1 1 1 1 1 0')).toBe('c12 c6 c2 c3 c4 c5 c0 c7 c8 c9 c10 c11 c1');
    expect(order('3 1 3 3 1 3 3 1 2 1 3 3 1 1')).toBe('c7 c1 c13 c12 c4 c9 c8 c3 c6 c5 c10 c11 c0 c2');
    expect(order('3 1 3 3 1 3 3 3 3 3 3 3 2 3 3 3 3 1 3 1')).toBe('c1 c19 c17 c4 c12 c10 c5 c7 c8 c9 c0 c11 c6 c13 c14 c15 c16 c3 c18 c2');
  });

  it('breaks patterns with Go 1.23 xorshift when partitions are unbalanced', () => {
    expect(order('3 1 3 3 1 - 3 null - 3 3 null 2 - null - - 1 null 1')).toBe(
      'c13 c15 c16 c8 c5 c14 c7 c18 c11 c1 c4 c19 c17 c12 c3 c2 c0 c6 c10 c9',
    );
  });

  it('compares quantities as quantities and other strings byte-wise', () => {
    expect(order('2Gi 500m 1 10')).toBe('c1 c2 c3 c0');
    expect(order('a9 a10')).toBe('c1 c0');
    expect(order('b a B')).toBe('c2 c1 c0');
  });

  it('fails on a list where no object has the field, even a list of one', () => {
    expect(() => order('- -')).toThrow('couldn\'t find any field with path "{.data.k}" in the list of objects');
    expect(() => order('-')).toThrow('couldn\'t find any field');
    expect(sortObjects([], '.data.k')).toEqual([]);
  });

  it('leaves a one-row table alone and empties a table no row can sort', () => {
    expect(sortTableRows(configMaps('-'), '.data.k')?.map((o) => o.metadata.name)).toEqual(['c0']);
    expect(sortTableRows(configMaps('- -'), '.data.k')).toBeUndefined();
    expect(sortTableRows(configMaps('2 - 1'), '.data.k')?.map((o) => o.metadata.name)).toEqual(['c1', 'c2', 'c0']);
  });

  it('sorts several tables only by what a Table object has', () => {
    expect(() => checkTablesSortable(2, '.metadata.name')).toThrow('couldn\'t find any field with path "{.metadata.name}" in the list of objects');
    expect(() => checkTablesSortable(1, '.metadata.name')).not.toThrow();
    expect(() => checkTablesSortable(2, '.kind')).not.toThrow();
  });
});
