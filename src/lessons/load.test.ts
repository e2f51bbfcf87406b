import { describe, expect, it } from 'vitest';
import { LessonFormatError, loadLesson } from './load';

const GOOD = `
id: demo
title: Demo
summary: A small lesson.
steps:
  - id: pod
    title: A pod
    text: |
      Run \`kubectl apply -f pod.yaml\`.
    files: [pod.yaml]
    checks:
      - type: exists
        kind: Pod
        name: nginx
      - type: condition
        id: ready
        kind: deploy
        name: web
        condition: Available
        status: True
        description: The Deployment is available
      - type: podCount
        selector: app=web
        status: Running
        count: 3
        op: gte
      - type: eventSeen
        reason: SuccessfulCreate
        kind: ReplicaSet
        namePrefix: web-
        after: { reason: Killing, kind: Pod }
      - type: fieldEquals
        kind: deployment
        name: web
        path: spec.template.spec.containers[0].name
        value: nginx
      - type: ownedBy
        kind: ReplicaSet
        namePrefix: web-
        owner: { kind: Deployment, name: web }
    hints:
      - first
      - second
`;

function problemsOf(yaml: string, files: Record<string, string> = {}): string[] {
  try {
    loadLesson(yaml, files);
  } catch (e) {
    expect(e).toBeInstanceOf(LessonFormatError);
    return (e as LessonFormatError).problems;
  }
  throw new Error('expected a LessonFormatError');
}

describe('loadLesson', () => {
  it('loads a lesson, filling ids, defaults and descriptions', () => {
    const lesson = loadLesson(GOOD, { 'pod.yaml': 'apiVersion: v1\nkind: Pod\n' });
    expect(lesson.id).toBe('demo');
    expect(lesson.files).toEqual({ 'pod.yaml': 'apiVersion: v1\nkind: Pod\n' });
    const step = lesson.steps[0];
    expect(step.files).toEqual(['pod.yaml']);
    expect(step.hints).toEqual(['first', 'second']);
    expect(step.checks.map((c) => c.id)).toEqual(['pod-1', 'ready', 'pod-3', 'pod-4', 'pod-5', 'pod-6']);
    expect(step.checks[0]).toEqual({ type: 'exists', id: 'pod-1', kind: 'Pod', name: 'nginx', description: 'Pod nginx exists' });
    expect(step.checks[1]).toMatchObject({ type: 'condition', status: 'True', description: 'The Deployment is available' });
    expect(step.checks[2]).toMatchObject({ op: 'gte', description: 'at least 3 pod(s) matching app=web are Running' });
    expect(step.checks[3]).toMatchObject({ after: { reason: 'Killing', kind: 'Pod' } });
    expect(step.checks[3].description).toBe('A SuccessfulCreate event for ReplicaSet web-… was recorded after a Killing event for a Pod');
  });

  it('reports every problem with its place', () => {
    const yaml = `
id: Bad_Id
title: t
steps:
  - id: one
    title: One
    text: x
    files: [missing.yaml]
    colour: red
    checks:
      - type: exist
      - type: exists
        kind: Deploy2
        name: web
      - type: podCount
        selector: "app in (web"
        count: -1
        op: ge
      - type: fieldEquals
        kind: Pod
        name: x
        path: spec..x
      - type: condition
        kind: Pod
        name: x
        condition: Ready
        status: yes
      - type: ownedBy
        kind: Pod
        owner: { kind: ReplicaSet }
  - id: one
    title: Again
    text: y
    checks: []
`;
    expect(problemsOf(yaml)).toEqual([
      'id: "Bad_Id" must be lowercase letters, digits and dashes',
      'summary: required',
      'steps[0].colour: unknown field "colour"',
      'steps[0].files: no file "missing.yaml" in the lesson\'s files/ folder',
      'steps[0].checks[0].type: unknown check type "exist" (one of exists, absent, fieldEquals, podCount, objectCount, condition, eventSeen, ownedBy, endpoints)',
      'steps[0].checks[1].kind: unknown kind "Deploy2"',
      "steps[0].checks[2].selector: bad selector \"app in (web\": unable to parse requirement: found '', expected: ')'",
      'steps[0].checks[2].count: must be a whole number ≥ 0',
      'steps[0].checks[2].op: must be one of eq, gte, lte',
      'steps[0].checks[3].path: invalid field path "spec..x" at character 5',
      'steps[0].checks[3].value: required',
      'steps[0].checks[4].status: must be one of True, False, Unknown',
      'steps[0].checks[5]: give name, namePrefix or selector',
      'steps[1].checks: must be a non-empty list (a step is complete when all its checks pass)',
      'steps[1].id: duplicate step id "one"',
    ]);
  });

  it('rejects invalid YAML in the lesson and in its files', () => {
    expect(problemsOf('id: [')[0]).toMatch(/^not valid YAML: /);
    expect(problemsOf(GOOD, { 'pod.yaml': 'a: [' })[0]).toMatch(/^files\/pod.yaml: not valid YAML: /);
    expect(problemsOf('- a\n- b')).toEqual(['must be a mapping with id, title, summary and steps']);
  });

  it('names the source in the error message', () => {
    expect(() => loadLesson('id: x', {}, 'lessons/01-x/lesson.yaml')).toThrow(/^lessons\/01-x\/lesson.yaml: 3 problems:/);
  });
});
