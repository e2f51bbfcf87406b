/**
 * The cluster as the worker reports it: the mirrored objects (see ../mirror.ts), the node names,
 * and the journal of commands that changed it (what a reload replays, see worker/journal.ts).
 * A hello or a patch also carries the clock and lesson progress; each lands in one change.
 */
import type { JournalEntry, WorkerToUi } from '../../worker/protocol';
import { applyDeltas, mirrorFromSnapshot, type Mirror } from '../mirror';
import { clockView } from './clock';
import { withProgress } from './lessons';
import type { Slice } from './state';

type HelloMessage = Extract<WorkerToUi, { type: 'hello' }>;
type PatchMessage = Extract<WorkerToUi, { type: 'patch' }>;

export interface MirrorSlice {
  connected: boolean;
  mirror: Mirror;
  rv: number;
  nodeNames: string[];
  /** Every command that changed the cluster since its last reset (see worker/journal.ts). */
  journal: JournalEntry[];
  hello(message: HelloMessage): void;
  patch(message: PatchMessage): void;
  /** Journal entries arrive with patches, but are kept at once (patches wait for a frame). */
  appendJournal(entries: JournalEntry[]): void;
}

export const mirrorSlice: Slice<MirrorSlice> = (set) => ({
  connected: false,
  mirror: {},
  rv: 0,
  nodeNames: [],
  journal: [],
  // A hello is a new worker: the last step's note was about another cluster.
  hello: (m) =>
    set((s) => ({
      connected: true,
      mirror: mirrorFromSnapshot(m.snapshot),
      rv: m.rv,
      nodeNames: m.nodeNames,
      clock: clockView(m.clock),
      stepNote: null,
      journal: m.journal,
      lessons: m.lessons,
      ...withProgress(s, m.progress),
    })),
  patch: (m) =>
    set((s) => ({
      mirror: applyDeltas(s.mirror, m.events),
      rv: m.rv,
      clock: clockView(m.clock),
      ...(m.progress !== undefined ? withProgress(s, m.progress) : {}),
    })),
  appendJournal: (entries) => set((s) => ({ journal: [...s.journal, ...entries] })),
});
