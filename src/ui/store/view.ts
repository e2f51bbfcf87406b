/** How the graph is drawn: whether the cluster's system pods show. A preference, kept in localStorage. */
import type { Slice } from './state';

export const SHOW_SYSTEM_KEY = 'kubeplay.showSystem';

export interface ViewSlice {
  showSystem: boolean;
  setShowSystem(on: boolean): void;
}

function stored(): boolean {
  try {
    return localStorage.getItem(SHOW_SYSTEM_KEY) === 'true';
  } catch {
    return false; // no storage (tests, blocked): the default
  }
}

export const viewSlice: Slice<ViewSlice> = (set) => ({
  showSystem: stored(),
  setShowSystem: (on) => {
    try {
      localStorage.setItem(SHOW_SYSTEM_KEY, String(on));
    } catch {
      // not remembered, still switched
    }
    set({ showSystem: on });
  },
});
