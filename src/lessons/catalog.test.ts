import { describe, expect, it } from 'vitest';
import { LESSONS } from './catalog';

describe('LESSONS (bundled by import.meta.glob)', () => {
  it('holds every lesson with its files, in folder order', () => {
    expect(LESSONS.map((l) => l.id).slice(0, 2)).toEqual(['pods-replicasets', 'rolling-updates']);
    expect(Object.keys(LESSONS[0].files).sort()).toEqual(['deployment.yaml', 'pod.yaml']);
    expect(LESSONS[0].steps.map((s) => s.id)).toEqual(['pod', 'bare-pod', 'deployment', 'self-healing', 'scale', 'labels']);
  });
});
