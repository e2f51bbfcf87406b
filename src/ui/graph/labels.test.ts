import { describe, it, expect } from 'vitest';
import { shortPodName } from './labels';

describe('shortPodName', () => {
  it('keeps short names whole', () => {
    expect(shortPodName('nginx')).toBe('nginx');
    expect(shortPodName('web-5bccfdbbb7-x4fwv', 20)).toBe('web-5bccfdbbb7-x4fwv');
  });

  it('shortens from the middle: the owner name at the start and the random suffix at the end stay', () => {
    expect(shortPodName('web-5bccfdbbb7-x4fwv')).toBe('web-5bccf…-x4fwv');
    expect(shortPodName('web-5bccfdbbb7-x4fwv')).toHaveLength(16);
    expect(shortPodName('frontend-api-7d9f8c6b5-x2x4z')).toBe('frontend-…-x2x4z');
    expect(shortPodName('web-5bccfdbbb7-m6xtn', 14)).toBe('web-5bc…-m6xtn');
  });

  it('keeps just the end when there is no room for a readable start', () => {
    expect(shortPodName('web-5bccfdbbb7-x4fwv', 6)).toBe('…x4fwv');
    expect(shortPodName('averyveryverylongpodname', 10)).toBe('…ngpodname');
  });

  it('never returns more than `max` characters', () => {
    for (const name of ['a-b', 'web-5bccfdbbb7-x4fwv', 'x'.repeat(40), `${'y'.repeat(30)}-abcde`, 'abc-defghijklmnopqrstuvwxyz'])
      for (const max of [6, 10, 16, 24]) expect(shortPodName(name, max).length).toBeLessThanOrEqual(max);
  });
});
