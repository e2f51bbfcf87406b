import { describe, it, expect } from 'vitest';
import {
  canonicalQuantity,
  cpuMillis,
  formatBytes,
  formatCount,
  formatMillis,
  formatQuantity,
  memoryBytes,
  parseQuantity,
  parseQuantityExact,
  QUANTITY_FORMAT_ERROR,
  QUANTITY_SUFFIX_ERROR,
  quantityText,
} from './quantity';

describe('parseQuantity', () => {
  it.each([
    ['500m', 0.5],
    ['0.5', 0.5],
    ['1', 1],
    ['128Mi', 134217728],
    ['1G', 1e9],
    ['1e3', 1000],
    ['1E3', 1000],
    ['1.5Gi', 1610612736],
    ['100Ki', 102400],
    ['.5', 0.5],
    ['1.', 1],
    ['-2', -2],
    ['+3k', 3000],
    ['250u', 0.00025],
    ['0', 0],
    ['000', 0],
  ])('%s → %d', (s, v) => {
    expect(parseQuantity(s)).toBeCloseTo(v, 9);
  });

  it('accepts YAML numbers', () => {
    expect(parseQuantity(2)).toBe(2);
    expect(canonicalQuantity(0.5)).toBe('500m');
  });

  it('rejects malformed input with apimachinery messages', () => {
    expect(() => parseQuantityExact('abc')).toThrow(QUANTITY_FORMAT_ERROR);
    expect(() => parseQuantityExact('')).toThrow(QUANTITY_FORMAT_ERROR);
    expect(() => parseQuantityExact('1 Gi')).toThrow(QUANTITY_FORMAT_ERROR);
    expect(() => parseQuantityExact('1K')).toThrow(QUANTITY_SUFFIX_ERROR);
    expect(() => parseQuantityExact('1Mii')).toThrow(QUANTITY_SUFFIX_ERROR);
    expect(() => parseQuantityExact('1Mib')).toThrow(QUANTITY_FORMAT_ERROR);
  });

  it('rounds up to one nano', () => {
    expect(canonicalQuantity('0.1n')).toBe('1n');
    expect(canonicalQuantity('1.5n')).toBe('2n');
  });
});

describe('canonical form', () => {
  it.each([
    ['0.5', '500m'],
    ['1000m', '1'],
    ['1500m', '1500m'],
    ['1000', '1k'],
    ['1500000', '1500k'],
    ['1e3', '1e3'],
    ['1.5e3', '1500'],
    ['1e-3', '1e-3'],
    ['1024Mi', '1Gi'],
    ['1.5Gi', '1536Mi'],
    ['1.5Ki', '1536'],
    ['0.5Ki', '512'],
    ['0.3Ki', '307200m'],
    ['128Mi', '128Mi'],
    ['129M', '129M'],
    ['128974848', '128974848'],
    ['0.1', '100m'],
    ['0m', '0'],
    ['0Gi', '0'],
    ['-1500m', '-1500m'],
    ['2048Ki', '2Mi'],
  ])('%s → %s', (input, out) => {
    expect(canonicalQuantity(input)).toBe(out);
  });
});

describe('helpers', () => {
  it('cpuMillis rounds up like MilliValue', () => {
    expect(cpuMillis('100m')).toBe(100);
    expect(cpuMillis('0.25')).toBe(250);
    expect(cpuMillis('2')).toBe(2000);
    expect(cpuMillis('1.5m')).toBe(2);
    expect(cpuMillis(undefined)).toBe(0);
    expect(cpuMillis('bad')).toBe(0);
  });

  it('memoryBytes', () => {
    expect(memoryBytes('64Mi')).toBe(67108864);
    expect(memoryBytes('1G')).toBe(1e9);
    expect(memoryBytes('1.5')).toBe(2);
  });

  it('formats values', () => {
    expect(formatQuantity(1.5)).toBe('1500m');
    expect(formatQuantity(2)).toBe('2');
    expect(formatMillis(850)).toBe('850m');
    expect(formatMillis(4000)).toBe('4');
    expect(formatBytes(8 * 1024 ** 3)).toBe('8Gi');
    expect(formatBytes(8344059904)).toBe('8148496Ki');
    expect(formatBytes(1000, 'DecimalSI')).toBe('1k');
    expect(formatBytes(500)).toBe('500');
  });

  it('prints counts as canonical quantities', () => {
    expect([0, 3, 1000, 1500, 2_000_000].map(formatCount)).toEqual(['0', '3', '1k', '1500', '2M']);
  });

  it('prints what an object holds: canonical, else as written, 0 when absent', () => {
    expect([quantityText('0.5'), quantityText(1024), quantityText('2048Mi')]).toEqual(['500m', '1024', '2Gi']);
    expect(quantityText('abc')).toBe('abc');
    expect(quantityText(undefined)).toBe('0');
  });
});
