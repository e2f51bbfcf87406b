/**
 * Saves the session soon after it changes (at most every SAVE_MS, so a churning cluster is not
 * written every frame), and at once when the page is hidden or goes away. Tells the learner once
 * if saving fails (a full disk), and stays quiet while disabled (during a restore, nothing
 * worth saving exists yet).
 */
import { useApp, type AppState } from '../store';
import { currentRecord } from './record';
import type { SavedSession } from './storage';

export const SAVE_MS = 500;

/** What a change must touch to be worth saving. */
const SAVED: readonly (keyof AppState)[] = ['journal', 'clock', 'myFiles', 'lessonFiles', 'lessonId', 'closedTabs', 'activeFile', 'progressByLesson', 'history'];

export class Autosave {
  enabled = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private failed = false;
  private installed = false;

  constructor(private readonly storage: { save(session: SavedSession): Promise<string | undefined> }) {}

  start(): void {
    this.enabled = true;
    if (this.installed) return;
    this.installed = true;
    useApp.subscribe((s, prev) => {
      if (SAVED.some((key) => s[key] !== prev[key])) this.schedule();
    });
    addEventListener('pagehide', () => this.saveNow());
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') this.saveNow();
    });
  }

  private schedule(): void {
    if (!this.enabled || this.timer !== undefined) return;
    this.timer = setTimeout(() => this.saveNow(), SAVE_MS);
  }

  saveNow(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.enabled) return;
    void this.storage.save(currentRecord()).then((problem) => {
      if (problem && !this.failed) useApp.getState().setNotice(`Your session could not be saved (${problem}); it will not survive a reload.`);
      this.failed = Boolean(problem);
    });
  }
}
