/**
 * The saved session in IndexedDB (idb-keyval): one versioned record with everything a reload
 * brings back — the cluster as its journal (worker/journal.ts), the files, the lesson and its
 * progress, the terminal's history. A record that cannot be read (corrupt, from another schema
 * version) is reported, never thrown: the app then starts a fresh cluster and says why.
 */
import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import type { LessonProgress, SavedCluster } from '../../worker/protocol';
import type { FilesState } from '../files';

/** Bump when the record's shape changes; older records are then not restored (and the learner is told). */
export const SCHEMA_VERSION = 1;
export const DB_NAME = 'kubeplay';
export const STORE_NAME = 'sessions';
export const KEY = 'session';

export interface SavedSession {
  version: typeof SCHEMA_VERSION;
  savedAt: number;
  cluster: SavedCluster;
  files: FilesState;
  progress: LessonProgress[];
  history: string[];
}

export type LoadResult = { kind: 'none' } | { kind: 'ok'; session: SavedSession } | { kind: 'unreadable'; reason: string };

let store: UseStore | undefined;
function db(): UseStore {
  return (store ??= createStore(DB_NAME, STORE_NAME));
}

export async function loadSession(): Promise<LoadResult> {
  let value: unknown;
  try {
    value = await get(KEY, db());
  } catch (e) {
    return { kind: 'unreadable', reason: `the browser's storage could not be read: ${message(e)}` };
  }
  if (value === undefined) return { kind: 'none' };
  const problem = recordProblem(value);
  return problem ? { kind: 'unreadable', reason: problem } : { kind: 'ok', session: value as SavedSession };
}

/** Saves; answers why it could not (quota exceeded, storage unavailable), or undefined. */
export async function saveSession(session: SavedSession): Promise<string | undefined> {
  try {
    await set(KEY, session, db());
    return undefined;
  } catch (e) {
    return e instanceof DOMException && e.name === 'QuotaExceededError' ? "the browser's storage is full" : message(e);
  }
}

export async function clearSession(): Promise<void> {
  try {
    await del(KEY, db());
  } catch {
    // nothing saved to clear
  }
}

/** Why a stored value is not a session this version can restore (undefined when it is). */
export function recordProblem(value: unknown): string | undefined {
  if (!isObject(value) || typeof value.version !== 'number') return 'the saved data is damaged';
  if (value.version !== SCHEMA_VERSION) return `it was saved by ${value.version < SCHEMA_VERSION ? 'an older' : 'a newer'} version of Kubeplay`;
  const { cluster, files, progress, history } = value;
  const ok =
    isObject(cluster) &&
    Array.isArray(cluster.entries) &&
    cluster.entries.every((e) => isObject(e) && typeof e.at === 'number' && isObject(e.command) && typeof e.command.kind === 'string') &&
    typeof cluster.simTime === 'number' &&
    typeof cluster.paused === 'boolean' &&
    typeof cluster.speed === 'number' &&
    isObject(files) &&
    isTexts(files.myFiles) &&
    isObject(files.lessonFiles) &&
    Object.values(files.lessonFiles).every(isTexts) &&
    (files.lessonId === null || typeof files.lessonId === 'string') &&
    Array.isArray(files.closedTabs) &&
    typeof files.activeFile === 'string' &&
    Array.isArray(progress) &&
    progress.every((p) => isObject(p) && typeof p.lessonId === 'string' && typeof p.stepIndex === 'number' && Array.isArray(p.completed)) &&
    Array.isArray(history) &&
    history.every((h) => typeof h === 'string');
  return ok ? undefined : 'the saved data is damaged';
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isTexts(v: unknown): boolean {
  return isObject(v) && Object.values(v).every((t) => typeof t === 'string');
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
