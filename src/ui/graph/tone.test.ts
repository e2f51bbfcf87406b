import { describe, it, expect } from 'vitest';
import { podTone } from './tone';

describe('podTone', () => {
  it.each([
    ['Running', 'running'],
    ['Pending', 'progress'],
    ['ContainerCreating', 'progress'],
    ['Init:0/1', 'progress'],
    ['Init:CrashLoopBackOff', 'error'],
    ['ImagePullBackOff', 'error'],
    ['ErrImagePull', 'error'],
    ['CrashLoopBackOff', 'error'],
    ['OOMKilled', 'error'],
    ['Error', 'error'],
    ['Completed', 'done'],
    ['Terminating', 'terminating'],
    ['Unknown', 'unknown'],
  ])('%s → %s', (status, tone) => {
    expect(podTone(status)).toBe(tone);
  });
});
