import { describe, expect, it } from 'vitest';
import type { Lesson } from '../lessons/types';
import { createClient } from '../sim/client';
import { createCluster } from '../sim/cluster';
import { LessonProgressKeeper } from './lesson-progress';

const lesson = (id: string): Lesson => ({
  id,
  title: id,
  summary: '',
  files: {},
  steps: ['one', 'two'].map((step) => ({ id: step, title: step, text: '', files: [], hints: [], checks: [{ id: `${step}-0`, type: 'exists', kind: 'ConfigMap', name: 'x', description: 'ConfigMap x exists' }] })),
});

describe('LessonProgressKeeper', () => {
  const checks = createClient(createCluster({ seed: 1, uptimeMs: 1000 }));

  it('follows no lesson until one is loaded, and keeps each lesson’s step when switching', () => {
    const keeper = new LessonProgressKeeper([lesson('a'), lesson('b')]);
    expect(keeper.evaluate(checks)).toBeNull();
    keeper.act({ kind: 'lesson', action: 'load', lessonId: 'a' }, checks);
    keeper.act({ kind: 'lesson', action: 'step', stepIndex: 1 }, checks);
    expect(keeper.act({ kind: 'lesson', action: 'load', lessonId: 'b' }, checks)).toMatchObject({ lessonId: 'b', stepIndex: 0 });
    expect(keeper.act({ kind: 'lesson', action: 'load', lessonId: 'a' }, checks)).toMatchObject({ lessonId: 'a', stepIndex: 1 });
    expect(() => keeper.act({ kind: 'lesson', action: 'load', lessonId: 'nope' }, checks)).toThrow('no lesson "nope"');
  });

  it('reports the progress to a patch only when the evaluation changed', () => {
    const keeper = new LessonProgressKeeper([lesson('a')]);
    expect(keeper.changes(checks)).toEqual({});
    keeper.act({ kind: 'lesson', action: 'load', lessonId: 'a' }, checks);
    expect(keeper.changes(checks)).toEqual({});
    keeper.act({ kind: 'lesson', action: 'step', stepIndex: 1 }, checks);
    keeper.restore([], 'a');
    expect(keeper.changes(checks)).toMatchObject({ progress: { lessonId: 'a', stepIndex: 0 } });
  });

  it('restores saved progress, dropping lessons that no longer exist, and starts a followed lesson with none', () => {
    const keeper = new LessonProgressKeeper([lesson('a'), lesson('b')]);
    const saved = { lessonId: 'b', stepIndex: 1, completed: [true, false], checks: [] };
    keeper.restore([saved, { ...saved, lessonId: 'gone' }], 'b');
    expect(keeper.evaluate(checks)).toMatchObject({ lessonId: 'b', stepIndex: 1, completed: [true, false] });
    keeper.restore([saved], 'a');
    expect(keeper.evaluate(checks)).toMatchObject({ lessonId: 'a', stepIndex: 0, completed: [false, false] });
    keeper.restore([{ ...saved, lessonId: 'gone' }], 'gone');
    expect(keeper.evaluate(checks)).toBeNull();
  });
});
