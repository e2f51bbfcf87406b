import { describe, it, expect } from 'vitest';
import { yamlProblems } from './yaml-problems';

describe('yamlProblems', () => {
  it('finds nothing wrong in valid multi-document YAML', () => {
    expect(yamlProblems('a: 1\n---\nb: [1, 2]\n')).toEqual([]);
  });

  it('places a syntax error at its line and column', () => {
    const [p] = yamlProblems('apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  labels: a: b\n');
    expect(p.line).toBe(5);
    expect(p.column).toBeGreaterThan(1);
    expect(p.message).toMatch(/mapping/);
  });
});
