import { describe, it, expect } from 'vitest';
import { podTone, runningNotReady } from './tone';

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

describe('runningNotReady', () => {
  it('marks running pods with containers not ready, nothing else', () => {
    expect(runningNotReady('Running', '0/1')).toBe(true);
    expect(runningNotReady('Running', '1/2')).toBe(true);
    expect(runningNotReady('Running', '2/2')).toBe(false);
    expect(runningNotReady('CrashLoopBackOff', '0/1')).toBe(false);
    expect(runningNotReady('Pending', '0/1')).toBe(false);
  });
});
