/** The object picked in the graph, which the inspector shows. */
import type { ObjectRef } from '../../worker/protocol';
import type { Slice } from './state';

export interface SelectionSlice {
  selected: ObjectRef | null;
  select(ref: ObjectRef | null): void;
}

export const selectionSlice: Slice<SelectionSlice> = (set) => ({
  selected: null,
  select: (ref) => set({ selected: ref }),
});
