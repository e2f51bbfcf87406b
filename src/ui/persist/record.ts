/** The saved-session record of the UI's state right now (what autosave writes and a worker restart replays). */
import { currentSimTime, filesState, useApp } from '../store';
import { SCHEMA_VERSION, type SavedSession } from './storage';

export function currentRecord(wallNow = performance.now()): SavedSession {
  const s = useApp.getState();
  const lastAt = s.journal.length ? s.journal[s.journal.length - 1].at : 0;
  return {
    version: SCHEMA_VERSION,
    savedAt: Date.now(),
    cluster: {
      entries: s.journal,
      simTime: Math.max(Math.floor(currentSimTime(s.clock, wallNow)), lastAt),
      paused: s.clock.paused,
      speed: s.clock.speed,
    },
    files: filesState(),
    progress: Object.values(s.progressByLesson),
    history: s.history,
  };
}
