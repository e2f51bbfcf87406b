import { describe, it, expect } from 'vitest';
import { clockText, speedText } from './format';

describe('format', () => {
  it('shows virtual time as UTC hours, minutes and whole seconds', () => {
    expect(clockText(Date.UTC(2026, 0, 1, 9, 10, 5, 999))).toBe('09:10:05');
  });
  it('shows speeds with a multiplication sign', () => {
    expect(speedText(30)).toBe('30×');
  });
});
