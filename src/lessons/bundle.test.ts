import { describe, expect, it } from 'vitest';
import { lessonsFromFiles } from './bundle';

const lesson = (id: string, file?: string) => `
id: ${id}
title: ${id}
summary: s
steps:
  - id: a
    title: A
    text: t
    ${file ? `files: [${file}]` : ''}
    checks: [{ type: exists, kind: Pod, name: x }]
`;

describe('lessonsFromFiles', () => {
  it('groups lesson.yaml with its files/ and orders by folder', () => {
    const lessons = lessonsFromFiles({
      '/lessons/02-two/lesson.yaml': lesson('two'),
      '/lessons/01-one/lesson.yaml': lesson('one', 'pod.yaml'),
      '/lessons/01-one/files/pod.yaml': 'kind: Pod\n',
      '/lessons/01-one/solution.txt': '$ kubectl version\n',
      '/lessons/README.md': '# x',
    });
    expect(lessons.map((l) => l.id)).toEqual(['one', 'two']);
    expect(lessons[0].files).toEqual({ 'pod.yaml': 'kind: Pod\n' });
    expect(lessons[1].files).toEqual({});
  });

  it('names the folder of an invalid lesson', () => {
    expect(() => lessonsFromFiles({ 'lessons/03-bad/lesson.yaml': lesson('bad', 'missing.yaml') })).toThrow(
      'lessons/03-bad/lesson.yaml: steps[0].files: no file "missing.yaml" in the lesson\'s files/ folder',
    );
  });
});
