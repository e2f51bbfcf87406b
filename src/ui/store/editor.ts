/**
 * The editor: the learner's files and the lessons' (see ../files.ts), the workspace they make,
 * and what the last Apply printed, with its markers.
 */
import type { EditorMarker, WorkspaceFiles } from '../../worker/protocol';
import * as F from '../files';
import type { AppState, Slice } from './state';

export interface EditorSlice extends F.FilesState {
  /** The workspace: the learner's files and the current lesson's (derived from the FilesState). */
  files: WorkspaceFiles;
  markers: EditorMarker[];
  /** What the last Apply printed, and whether it failed. */
  applyOutput: { text: string; failed: boolean } | null;
  /** Changes the files with one of files.ts's functions. */
  updateFiles(change: (s: F.FilesState) => F.FilesState): void;
  editFile(name: string, text: string): void;
  setActiveFile(name: string): void;
  setApplyResult(output: string, failed: boolean, markers: EditorMarker[]): void;
}

/** The files part of the state (what a saved session keeps). */
export function filesOf(s: F.FilesState): F.FilesState {
  return { myFiles: s.myFiles, lessonFiles: s.lessonFiles, lessonId: s.lessonId, closedTabs: s.closedTabs, activeFile: s.activeFile };
}

function withFiles(next: F.FilesState): Partial<AppState> {
  return { ...next, files: F.workspaceOf(next) };
}

export const editorSlice: Slice<EditorSlice> = (set) => ({
  ...F.INITIAL_FILES,
  files: F.workspaceOf(F.INITIAL_FILES),
  markers: [],
  applyOutput: null,
  updateFiles: (change) => set((s) => withFiles(change(filesOf(s)))),
  // Changed text makes the last apply's message and markers stale: they go with the edit.
  editFile: (name, text) =>
    set((s) => (s.files[name] === text ? {} : { ...withFiles(F.editFile(filesOf(s), name, text)), applyOutput: null, markers: [] })),
  setActiveFile: (name) => set((s) => withFiles(F.openTab(filesOf(s), name))),
  setApplyResult: (text, failed, markers) => set({ applyOutput: { text, failed }, markers }),
});
