import { describe, expect, it } from 'vitest';
import type { Lesson } from '../worker/protocol';
import * as F from './files';

const lesson = (id: string, files: Record<string, string>): Lesson => ({
  id,
  title: id,
  summary: '',
  files,
  steps: [{ id: 's', title: 's', text: '', files: Object.keys(files).slice(-1), hints: [], checks: [] }],
});
const one = lesson('one', { 'pod.yaml': 'pod 1', 'deployment.yaml': 'web' });
const two = lesson('two', { 'deployment.yaml': 'hello' });
const reserved = F.lessonFileNames([one, two]);

describe('lesson and learner files', () => {
  it('puts a lesson\'s files in the workspace when it starts, and switches them with the lesson', () => {
    let s = F.enterLesson(F.INITIAL_FILES, one);
    expect(F.workspaceOf(s)).toEqual({ [F.SCRATCH_FILE]: F.SCRATCH_TEXT, 'pod.yaml': 'pod 1', 'deployment.yaml': 'web' });
    expect(s.activeFile).toBe('deployment.yaml');
    s = F.editFile(s, 'deployment.yaml', 'web, edited');
    s = F.enterLesson(s, two);
    expect(F.workspaceOf(s)['deployment.yaml']).toBe('hello');
    expect(F.workspaceOf(s)['pod.yaml']).toBeUndefined();
    s = F.enterLesson(s, one);
    expect(F.workspaceOf(s)['deployment.yaml']).toBe('web, edited');
    expect(F.workspaceOf(F.resetLessonFiles(s, one))['deployment.yaml']).toBe('web');
  });

  it('closes a lesson file\'s tab without removing the file; closes and deletes the learner\'s own', () => {
    let s = F.enterLesson(F.INITIAL_FILES, one);
    s = F.closeTab(s, 'deployment.yaml');
    expect(F.tabsOf(s).lesson).toEqual(['pod.yaml']);
    expect(s.activeFile).toBe(F.SCRATCH_FILE);
    expect(F.workspaceOf(s)['deployment.yaml']).toBe('web');
    s = F.openTab(s, 'deployment.yaml');
    expect(F.tabsOf(s).lesson).toEqual(['pod.yaml', 'deployment.yaml']);
    s = F.closeTab(s, F.SCRATCH_FILE);
    expect(F.workspaceOf(s)[F.SCRATCH_FILE]).toBeUndefined();
  });

  it('validates new names: free, plain, and not a lesson\'s file name', () => {
    const s = F.newFile(F.enterLesson(F.INITIAL_FILES, two), reserved);
    expect(s.activeFile).toBe('untitled-1.yaml');
    expect(F.renameProblem(s, 'untitled-1.yaml', 'deployment.yaml', reserved)).toBe('There is already a file named deployment.yaml.');
    expect(F.renameProblem(s, 'untitled-1.yaml', 'pod.yaml', reserved)).toBe("pod.yaml is the name of a lesson's file.");
    expect(F.renameProblem(s, 'untitled-1.yaml', 'a/b.yaml', reserved)).toMatch(/no spaces or slashes/);
    expect(F.renameProblem(s, 'untitled-1.yaml', 'mine.yaml', reserved)).toBeUndefined();
  });

  it('makes a renamed lesson file the learner\'s own, and gives the lesson its original back', () => {
    let s = F.editFile(F.enterLesson(F.INITIAL_FILES, one), 'pod.yaml', 'pod, edited');
    s = F.renameFile(s, 'pod.yaml', 'my-pod.yaml', one);
    expect(s.myFiles['my-pod.yaml']).toBe('pod, edited');
    expect(F.workspaceOf(s)['pod.yaml']).toBe('pod 1');
    expect(F.tabsOf(s)).toEqual({ lesson: ['deployment.yaml'], mine: [F.SCRATCH_FILE, 'my-pod.yaml'] });
    expect(s.activeFile).toBe('my-pod.yaml');
  });
});
