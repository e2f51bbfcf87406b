/**
 * The UI state (zustand): the mirror of the cluster applied from the worker's hello/patches,
 * the clock, lessons and their progress, the editor's files, the inspected object.
 */
import { create } from 'zustand';
import type { ClockState, EditorMarker, Lesson, LessonProgress, ObjectRef, WorkerToUi, WorkspaceFiles } from '../worker/protocol';
import { applyDeltas, mirrorFromSnapshot, type Mirror } from './mirror';

type HelloMessage = Extract<WorkerToUi, { type: 'hello' }>;
type PatchMessage = Extract<WorkerToUi, { type: 'patch' }>;

/** The clock as last reported, plus the wall instant it was received (to tick it locally). */
export interface ClockView extends ClockState {
  receivedAt: number;
}

export const SCRATCH_FILE = 'scratch.yaml';
const SCRATCH_TEXT = '# Paste or write a manifest here, then press Apply (Ctrl+Enter).\n';

export interface AppState {
  connected: boolean;
  mirror: Mirror;
  rv: number;
  nodeNames: string[];
  clock: ClockView;
  lessons: Lesson[];
  progress: LessonProgress | null;
  files: WorkspaceFiles;
  activeFile: string;
  markers: EditorMarker[];
  /** What the last Apply printed, and whether it failed. */
  applyOutput: { text: string; failed: boolean } | null;
  selected: ObjectRef | null;

  hello(message: HelloMessage): void;
  patch(message: PatchMessage): void;
  setClock(clock: ClockState): void;
  setProgress(progress: LessonProgress | null): void;
  openFile(name: string, text: string): void;
  editFile(name: string, text: string): void;
  setActiveFile(name: string): void;
  setApplyResult(output: string, failed: boolean, markers: EditorMarker[]): void;
  select(ref: ObjectRef | null): void;
}

const now = () => (typeof performance === 'undefined' ? 0 : performance.now());

export const useApp = create<AppState>()((set) => ({
  connected: false,
  mirror: {},
  rv: 0,
  nodeNames: [],
  clock: { simTime: 0, paused: false, speed: 1, receivedAt: 0 },
  lessons: [],
  progress: null,
  files: { [SCRATCH_FILE]: SCRATCH_TEXT },
  activeFile: SCRATCH_FILE,
  markers: [],
  applyOutput: null,
  selected: null,

  hello: (m) =>
    set({
      connected: true,
      mirror: mirrorFromSnapshot(m.snapshot),
      rv: m.rv,
      nodeNames: m.nodeNames,
      clock: { ...m.clock, receivedAt: now() },
      lessons: m.lessons,
      progress: m.progress,
    }),
  patch: (m) =>
    set((s) => ({
      mirror: applyDeltas(s.mirror, m.events),
      rv: m.rv,
      clock: { ...m.clock, receivedAt: now() },
      ...(m.progress !== undefined ? { progress: m.progress } : {}),
    })),
  setClock: (clock) => set({ clock: { ...clock, receivedAt: now() } }),
  setProgress: (progress) => set({ progress }),
  openFile: (name, text) => set((s) => ({ files: name in s.files ? s.files : { ...s.files, [name]: text }, activeFile: name })),
  // Changed text makes the last apply's message and markers stale: they go with the edit.
  editFile: (name, text) => set((s) => (s.files[name] === text ? {} : { files: { ...s.files, [name]: text }, applyOutput: null, markers: [] })),
  setActiveFile: (name) => set({ activeFile: name }),
  setApplyResult: (text, failed, markers) => set({ applyOutput: { text, failed }, markers }),
  select: (ref) => set({ selected: ref }),
}));

/** Virtual time now, ticking locally between worker reports. */
export function currentSimTime(clock: ClockView, wallNow: number): number {
  return clock.paused ? clock.simTime : clock.simTime + Math.max(0, wallNow - clock.receivedAt) * clock.speed;
}
