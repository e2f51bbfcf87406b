import { describe, expect, it } from 'vitest';
import { lookupImage, parseImageRef } from './index';
import { piDigits } from './perl';

describe('perl image', () => {
  it('computes π as bpi prints it, rounded to the digits asked', () => {
    expect(piDigits(10)).toBe('3.141592654');
    expect(piDigits(50)).toBe('3.1415926535897932384626433832795028841971693993751');
    expect(piDigits(2000)).toHaveLength(2001);
  });

  it('runs the Job page’s pi command as a workload that exits 0', () => {
    const image = lookupImage(parseImageRef('perl:5.34.0'))!;
    const w = image.workload!(['perl', '-Mbignum=bpi', '-wle', 'print bpi(2000)'], image.version)!;
    expect(w.exit?.code).toBe(0);
    expect(w.lines[0][1].startsWith('3.14159265358979323846')).toBe(true);
  });
});
