/** The terminal's lines, kept so a reload shows them again. */
import type { Slice } from './state';

export interface TerminalSlice {
  /** Terminal lines, oldest first. */
  history: string[];
  setHistory(history: string[]): void;
}

export const terminalSlice: Slice<TerminalSlice> = (set) => ({
  history: [],
  setHistory: (history) => set({ history }),
});
