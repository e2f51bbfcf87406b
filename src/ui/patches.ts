/**
 * Coalescing of worker patches on the main thread: with hundreds of pods changing, rendering
 * every frame's patch costs more than a frame, so patches arriving close together are applied
 * as one (the worker already sends at most one per frame).
 */
import type { WorkerToUi } from '../worker/protocol';

export type PatchMessage = Extract<WorkerToUi, { type: 'patch' }>;

/** One patch with the effect of applying `patches` in order. */
export function mergePatches(patches: readonly PatchMessage[]): PatchMessage {
  const last = patches[patches.length - 1];
  const withProgress = [...patches].reverse().find((p) => p.progress !== undefined);
  return {
    type: 'patch',
    events: patches.flatMap((p) => p.events),
    rv: last.rv,
    simTime: last.simTime,
    clock: last.clock,
    ...(withProgress ? { progress: withProgress.progress } : {}),
  };
}

/** How long to hold patches before rendering, given how many pods the graph draws. */
export function patchInterval(podCount: number): number {
  if (podCount <= 100) return 0;
  if (podCount <= 500) return 120;
  return 250;
}

/**
 * Splits a patch so that each part adds at most `maxAdds` objects and carries at most
 * `maxEvents` changes: mounting hundreds of graph nodes in one render is one long task; a few
 * dozen per frame keeps the page responsive. Applying the parts in order = the whole patch.
 */
export function splitPatch(patch: PatchMessage, maxAdds: number, maxEvents = Infinity): PatchMessage[] {
  const parts: PatchMessage[] = [];
  let events: PatchMessage['events'] = [];
  let adds = 0;
  for (const e of patch.events) {
    if ((e.type === 'ADDED' && adds === maxAdds) || events.length === maxEvents) {
      parts.push({ ...patch, events });
      events = [];
      adds = 0;
    }
    events.push(e);
    if (e.type === 'ADDED') adds++;
  }
  parts.push({ ...patch, events });
  return parts;
}
