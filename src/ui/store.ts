/**
 * The UI state (zustand): the mirror of the cluster applied from the worker's hello/patches,
 * the clock, the cluster's journal (what a reload replays), lessons and their progress, the
 * editor's files (see files.ts), the terminal's history, the inspected object, a notice.
 */
import { create } from 'zustand';
import type { ClockState, EditorMarker, JournalEntry, Lesson, LessonProgress, ObjectRef, WorkerToUi, WorkspaceFiles } from '../worker/protocol';
import * as F from './files';
import { applyDeltas, mirrorFromSnapshot, type Mirror } from './mirror';

type HelloMessage = Extract<WorkerToUi, { type: 'hello' }>;
type PatchMessage = Extract<WorkerToUi, { type: 'patch' }>;

/** The clock as last reported, plus the wall instant it was received (to tick it locally). */
export interface ClockView extends ClockState {
  receivedAt: number;
}

export { SCRATCH_FILE } from './files';

export interface AppState extends F.FilesState {
  connected: boolean;
  mirror: Mirror;
  rv: number;
  nodeNames: string[];
  clock: ClockView;
  /** Every command that changed the cluster since its last reset (see worker/journal.ts). */
  journal: JournalEntry[];
  lessons: Lesson[];
  progress: LessonProgress | null;
  /** Each lesson's progress, as last reported (the lesson index shows it; a reload restores it). */
  progressByLesson: Record<string, LessonProgress>;
  /** The workspace: the learner's files and the current lesson's (derived from the FilesState). */
  files: WorkspaceFiles;
  markers: EditorMarker[];
  /** What the last Apply printed, and whether it failed. */
  applyOutput: { text: string; failed: boolean } | null;
  selected: ObjectRef | null;
  /** Terminal lines, oldest first. */
  history: string[];
  /** Something the learner must be told (a session that could not be restored, a restarted worker). */
  notice: string | null;

  hello(message: HelloMessage): void;
  patch(message: PatchMessage): void;
  /** Journal entries arrive with patches, but are kept at once (patches wait for a frame). */
  appendJournal(entries: JournalEntry[]): void;
  setClock(clock: ClockState): void;
  setProgress(progress: LessonProgress | null): void;
  /** Changes the files with one of files.ts's functions. */
  updateFiles(change: (s: F.FilesState) => F.FilesState): void;
  editFile(name: string, text: string): void;
  setActiveFile(name: string): void;
  setApplyResult(output: string, failed: boolean, markers: EditorMarker[]): void;
  select(ref: ObjectRef | null): void;
  setHistory(history: string[]): void;
  setNotice(notice: string | null): void;
}

const now = () => (typeof performance === 'undefined' ? 0 : performance.now());

function filesOf(s: AppState): F.FilesState {
  return { myFiles: s.myFiles, lessonFiles: s.lessonFiles, lessonId: s.lessonId, closedTabs: s.closedTabs, activeFile: s.activeFile };
}

function withFiles(next: F.FilesState): Partial<AppState> {
  return { ...next, files: F.workspaceOf(next) };
}

function withProgress(s: AppState, progress: LessonProgress | null): Partial<AppState> {
  return { progress, ...(progress ? { progressByLesson: { ...s.progressByLesson, [progress.lessonId]: progress } } : {}) };
}

export const useApp = create<AppState>()((set) => ({
  connected: false,
  mirror: {},
  rv: 0,
  nodeNames: [],
  clock: { simTime: 0, paused: false, speed: 1, receivedAt: 0 },
  journal: [],
  lessons: [],
  progress: null,
  progressByLesson: {},
  ...F.INITIAL_FILES,
  files: F.workspaceOf(F.INITIAL_FILES),
  markers: [],
  applyOutput: null,
  selected: null,
  history: [],
  notice: null,

  hello: (m) =>
    set((s) => ({
      connected: true,
      mirror: mirrorFromSnapshot(m.snapshot),
      rv: m.rv,
      nodeNames: m.nodeNames,
      clock: { ...m.clock, receivedAt: now() },
      journal: m.journal,
      lessons: m.lessons,
      ...withProgress(s, m.progress),
    })),
  patch: (m) =>
    set((s) => ({
      mirror: applyDeltas(s.mirror, m.events),
      rv: m.rv,
      clock: { ...m.clock, receivedAt: now() },
      ...(m.progress !== undefined ? withProgress(s, m.progress) : {}),
    })),
  appendJournal: (entries) => set((s) => ({ journal: [...s.journal, ...entries] })),
  setClock: (clock) => set({ clock: { ...clock, receivedAt: now() } }),
  setProgress: (progress) => set((s) => withProgress(s, progress)),
  updateFiles: (change) => set((s) => withFiles(change(filesOf(s)))),
  // Changed text makes the last apply's message and markers stale: they go with the edit.
  editFile: (name, text) =>
    set((s) => (s.files[name] === text ? {} : { ...withFiles(F.editFile(filesOf(s), name, text)), applyOutput: null, markers: [] })),
  setActiveFile: (name) => set((s) => withFiles(F.openTab(filesOf(s), name))),
  setApplyResult: (text, failed, markers) => set({ applyOutput: { text, failed }, markers }),
  select: (ref) => set({ selected: ref }),
  setHistory: (history) => set({ history }),
  setNotice: (notice) => set({ notice }),
}));

/** The files part of the state (what a saved session keeps). */
export function filesState(): F.FilesState {
  return filesOf(useApp.getState());
}

/** Virtual time now, ticking locally between worker reports. */
export function currentSimTime(clock: ClockView, wallNow: number): number {
  return clock.paused ? clock.simTime : clock.simTime + Math.max(0, wallNow - clock.receivedAt) * clock.speed;
}
