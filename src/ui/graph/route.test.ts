import { describe, it, expect } from 'vitest';
import { GUTTER, gutterPath, roundedPath } from './route';

describe('gutterPath', () => {
  it('leaves to the right, runs down the gutter, turns above the target and drops into it', () => {
    const d = gutterPath(200, 27, 80, 400, 16);
    expect(d.startsWith('M200,27')).toBe(true);
    expect(d).toContain(`Q${200 + GUTTER},27`);
    expect(d).toContain(`Q${200 + GUTTER},384`);
    expect(d).toContain('Q80,384');
    expect(d.endsWith('L80,400')).toBe(true);
  });
});

describe('roundedPath', () => {
  it('draws straight legs between rounded corners, and skips repeated points', () => {
    expect(roundedPath([[0, 0], [10, 0]])).toBe('M0,0 L10,0');
    expect(roundedPath([[0, 0], [0, 0], [20, 0], [20, 20]])).toBe('M0,0 L14,0 Q20,0 20,6 L20,20');
  });
});
