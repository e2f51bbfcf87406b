/**
 * The UI state (zustand): one store made of slices, one file each — the mirror of the cluster
 * applied from the worker's hello/patches (with its journal), the clock and the last step's note,
 * lessons and their progress, the editor's files, the inspected object, the terminal's history,
 * a notice, how the graph is drawn, the requests it animates. Components read it with `useApp(selector)`.
 */
import { create } from 'zustand';
import type { FilesState } from '../files';
import { clockSlice } from './clock';
import { editorSlice, filesOf } from './editor';
import { lessonsSlice } from './lessons';
import { mirrorSlice } from './mirror';
import { noticeSlice } from './notice';
import { selectionSlice } from './selection';
import type { AppState } from './state';
import { terminalSlice } from './terminal';
import { trafficSlice } from './traffic';
import { viewSlice } from './view';

export type { AppState } from './state';
export { currentSimTime, type ClockView } from './clock';
export { SCRATCH_FILE } from '../files';

export const useApp = create<AppState>()((...a) => ({
  ...mirrorSlice(...a),
  ...clockSlice(...a),
  ...lessonsSlice(...a),
  ...editorSlice(...a),
  ...selectionSlice(...a),
  ...terminalSlice(...a),
  ...noticeSlice(...a),
  ...viewSlice(...a),
  ...trafficSlice(...a),
}));

/** The files part of the state (what a saved session keeps). */
export function filesState(): FilesState {
  return filesOf(useApp.getState());
}
