import { describe, it, expect } from 'vitest';
import { shortPodName } from './labels';

describe('shortPodName', () => {
  it('keeps short names whole', () => {
    expect(shortPodName('nginx')).toBe('nginx');
  });
  it('keeps the distinguishing end of a long name', () => {
    expect(shortPodName('web-5bccfdbbb7-x4fwv')).toBe('…bccfdbbb7-x4fwv');
    expect(shortPodName('web-5bccfdbbb7-x4fwv')).toHaveLength(16);
  });
});
