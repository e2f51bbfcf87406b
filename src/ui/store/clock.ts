/**
 * The clock as the worker last reported it (ticked locally between reports), and what the last
 * Step did, for the note under the time controls: the worker's lines (one per api write,
 * `replicaset-controller created Pod web-…`) and the virtual time it stopped at.
 */
import type { ClockState } from '../../worker/protocol';
import type { Slice } from './state';

/** The clock as last reported, plus the wall instant it was received (to tick it locally). */
export interface ClockView extends ClockState {
  receivedAt: number;
}

export interface StepNote {
  lines: string[];
  simTime: number;
  /** Whether it ran on to the next second (Shift+Step, or Step held) rather than one action. */
  second: boolean;
  /** Counts notes, so the same lines twice still read as a new step. */
  seq: number;
}

export interface ClockSlice {
  clock: ClockView;
  stepNote: StepNote | null;
  setClock(clock: ClockState): void;
  showStepNote(lines: string[], simTime: number, second: boolean): void;
  clearStepNote(): void;
}

const now = () => (typeof performance === 'undefined' ? 0 : performance.now());

/** A reported clock, stamped with when it arrived. */
export function clockView(clock: ClockState): ClockView {
  return { ...clock, receivedAt: now() };
}

/** Virtual time now, ticking locally between worker reports. */
export function currentSimTime(clock: ClockView, wallNow: number): number {
  return clock.paused ? clock.simTime : clock.simTime + Math.max(0, wallNow - clock.receivedAt) * clock.speed;
}

export const clockSlice: Slice<ClockSlice> = (set, get) => ({
  clock: { simTime: 0, paused: false, speed: 1, receivedAt: 0 },
  stepNote: null,
  setClock: (clock) => set({ clock: clockView(clock) }),
  showStepNote: (lines, simTime, second) => set({ stepNote: { lines, simTime, second, seq: (get().stepNote?.seq ?? 0) + 1 } }),
  clearStepNote: () => set({ stepNote: null }),
});
