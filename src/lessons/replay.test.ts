import { describe, expect, it } from 'vitest';
import { loadLesson } from './load';
import { replaySolution } from './replay';

const lesson = loadLesson(`
id: namespaces
title: Namespaces
summary: Two namespaces.
steps:
  - id: one
    title: One
    text: x
    checks: [{ type: exists, kind: ns, name: one, description: namespace one }]
    hints: [a, b]
  - id: two
    title: Two
    text: x
    files: [ns.yaml]
    checks: [{ type: exists, kind: ns, name: two, description: namespace two }]
    hints: [a, b]
`, { 'ns.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: two\n' });

describe('replaySolution', () => {
  it('passes a solution that completes each step in turn (files readable with or without files/)', () => {
    const report = replaySolution(lesson, '# seed: 1\n# step: one\n$ kubectl create namespace one\nnamespace/one created\n# step: two\n$ kubectl apply -f ns.yaml\nnamespace/two created\n');
    expect(report.problems).toEqual([]);
    expect(report.outputMismatches).toBe(0);
    expect(replaySolution(lesson, '# step: one\n$ kubectl create namespace one\n# step: two\n$ kubectl apply -f files/ns.yaml\n').problems).toEqual([]);
  });

  it('reports a step left incomplete, a step done too early, and a failing command', () => {
    const report = replaySolution(
      lesson,
      ['# step: one', '$ kubectl create namespace one', '$ kubectl create namespace two', '# step: two', '$ kubectl get namespace nope'].join('\n'),
    );
    expect(report.problems).toEqual([
      'before step two: its checks already pass',
      'line 5: `kubectl get namespace nope` exited 1, expected 0: Error from server (NotFound): namespaces "nope" not found',
    ]);
    const lazy = replaySolution(lesson, '# step: one\n$ kubectl get ns one\n# step: two\n$ kubectl create namespace two\n');
    expect(lazy.problems[0]).toBe('after step one: not passing: namespace one (ns "one" not found)');
  });

  it('reports markers that do not match the steps, including a trailing marker without commands', () => {
    const report = replaySolution(lesson, '# step: one\n$ kubectl create namespace one\n# step: two\n');
    expect(report.problems).toEqual(['after step two: not passing: namespace two (ns "two" not found)']);
    expect(replaySolution(lesson, '# step: two\n$ kubectl create namespace two\n').problems[0]).toBe("step markers [two] do not match the lesson's steps [one, two]");
  });
});
