/**
 * What the last Step did, for the note under the time controls: the worker's lines (one per api
 * write, `replicaset-controller created Pod web-…`) and the virtual time it stopped at.
 */
import { create } from 'zustand';

export interface StepNote {
  lines: string[];
  simTime: number;
  /** Whether it ran on to the next second (Shift+Step, or Step held) rather than one action. */
  second: boolean;
  /** Counts notes, so the same lines twice still read as a new step. */
  seq: number;
}

interface StepNoteState {
  note: StepNote | null;
  show(lines: string[], simTime: number, second: boolean): void;
  clear(): void;
}

export const useStepNote = create<StepNoteState>((set, get) => ({
  note: null,
  show: (lines, simTime, second) => set({ note: { lines, simTime, second, seq: (get().note?.seq ?? 0) + 1 } }),
  clear: () => set({ note: null }),
}));
