/**
 * The whole UI state, as the slices make it up, and the shape of a slice: each slice's creator
 * sees the whole state (zustand's slices pattern), so one action can change several slices at once.
 */
import type { StateCreator } from 'zustand';
import type { ClockSlice } from './clock';
import type { EditorSlice } from './editor';
import type { LessonsSlice } from './lessons';
import type { MirrorSlice } from './mirror';
import type { NoticeSlice } from './notice';
import type { SelectionSlice } from './selection';
import type { TerminalSlice } from './terminal';
import type { TrafficSlice } from './traffic';
import type { ViewSlice } from './view';

export type AppState = MirrorSlice & ClockSlice & LessonsSlice & EditorSlice & SelectionSlice & TerminalSlice & NoticeSlice & ViewSlice & TrafficSlice;

export type Slice<T> = StateCreator<AppState, [], [], T>;
