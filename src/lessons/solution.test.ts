import { describe, expect, it } from 'vitest';
import { splitSolution } from './solution';

describe('splitSolution', () => {
  it('splits at # step: markers and keeps the header as preamble', () => {
    const text = ['# seed: 42', '# step: pod', '$ kubectl get pods', 'No resources found in default namespace.', '#step:  deploy ', '$ sleep 5s', ''].join('\n');
    const s = splitSolution(text);
    expect(s.preamble).toBe('# seed: 42');
    expect(s.segments.map((x) => [x.stepId, x.line])).toEqual([
      ['pod', 2],
      ['deploy', 5],
    ]);
    expect(s.segments[0].text).toBe('$ kubectl get pods\nNo resources found in default namespace.');
    expect(s.segments[1].text).toBe('$ sleep 5s\n');
  });

  it('has no segments without markers', () => {
    expect(splitSolution('$ kubectl version\n').segments).toEqual([]);
  });
});
