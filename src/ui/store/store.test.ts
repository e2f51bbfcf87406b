import { beforeEach, describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { PROTOCOL_VERSION, type LessonProgress } from '../../worker/protocol';
import { clockSlice } from './clock';
import { editorSlice } from './editor';
import { useApp } from './index';
import { lessonsSlice } from './lessons';
import { mirrorSlice } from './mirror';
import { noticeSlice } from './notice';
import { selectionSlice } from './selection';
import type { AppState, Slice } from './state';
import { terminalSlice } from './terminal';
import { trafficSlice } from './traffic';
import { viewSlice } from './view';

const SLICES: Record<string, Slice<object>> = {
  mirror: mirrorSlice,
  clock: clockSlice,
  lessons: lessonsSlice,
  editor: editorSlice,
  selection: selectionSlice,
  terminal: terminalSlice,
  notice: noticeSlice,
  view: viewSlice,
  traffic: trafficSlice,
};

const progress = (lessonId: string, stepIndex: number): LessonProgress => ({ lessonId, stepIndex, completed: [false, false], checks: [] });

type Hello = Parameters<AppState['hello']>[0];

function hello(fields: Pick<Hello, 'clock' | 'progress'>): Hello {
  return { type: 'hello', protocolVersion: PROTOCOL_VERSION, snapshot: {}, rv: 7, simTime: 5000, nodeNames: ['kind-control-plane'], journal: [], lessons: [], ...fields };
}

describe('the UI store', () => {
  const initial = useApp.getState();
  beforeEach(() => useApp.setState(initial, true));

  it('is made of slices that share no key (a later slice would silently win)', () => {
    const owner = new Map<string, string>();
    for (const [name, slice] of Object.entries(SLICES)) {
      const keys = Object.keys(createStore<AppState>()((...a) => slice(...a) as AppState).getState());
      for (const key of keys) {
        expect(owner.get(key), `${key} is in both ${owner.get(key)} and ${name}`).toBeUndefined();
        owner.set(key, name);
      }
    }
    expect([...owner.keys()].sort()).toEqual(Object.keys(useApp.getState()).sort());
  });

  it("takes a hello in one change: the mirror, the clock, the lessons, the progress, and drops the last step's note", () => {
    useApp.getState().showStepNote(['default-scheduler bound Pod web'], 1000, false);
    let changes = 0;
    const unsubscribe = useApp.subscribe(() => changes++);
    useApp.getState().hello(hello({ clock: { simTime: 5000, paused: true, speed: 1 }, progress: progress('first-pod', 1) }));
    unsubscribe();
    const s = useApp.getState();
    expect(changes).toBe(1);
    expect(s).toMatchObject({ connected: true, rv: 7, stepNote: null, progress: progress('first-pod', 1) });
    expect(s.clock).toMatchObject({ simTime: 5000, paused: true });
    expect(s.progressByLesson).toEqual({ 'first-pod': progress('first-pod', 1) });
  });

  it('keeps each lesson’s progress as it is reported', () => {
    useApp.getState().setProgress(progress('first-pod', 1));
    useApp.getState().setProgress(progress('scaling', 0));
    useApp.getState().setProgress(null);
    expect(useApp.getState().progress).toBeNull();
    expect(Object.keys(useApp.getState().progressByLesson)).toEqual(['first-pod', 'scaling']);
  });

  it('numbers step notes, so the same lines twice read as a new step', () => {
    useApp.getState().showStepNote([], 1000, false);
    useApp.getState().showStepNote([], 1000, false);
    expect(useApp.getState().stepNote?.seq).toBe(2);
    useApp.getState().clearStepNote();
    expect(useApp.getState().stepNote).toBeNull();
  });

  it("drops the last apply's output and markers when the text changes, not when it stays", () => {
    const { activeFile, files } = useApp.getState();
    useApp.getState().setApplyResult('error: bad', true, [{ file: activeFile, line: 1, column: 1, message: 'bad', severity: 'error' }]);
    useApp.getState().editFile(activeFile, files[activeFile]);
    expect(useApp.getState().applyOutput).toEqual({ text: 'error: bad', failed: true });
    useApp.getState().editFile(activeFile, 'kind: Pod\n');
    expect(useApp.getState()).toMatchObject({ applyOutput: null, markers: [] });
    expect(useApp.getState().files[activeFile]).toBe('kind: Pod\n');
  });
});
