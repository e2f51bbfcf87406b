import 'fake-indexeddb/auto';
import { createStore, set } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { INITIAL_FILES } from '../files';
import { clearSession, DB_NAME, KEY, loadSession, recordProblem, saveSession, SCHEMA_VERSION, STORE_NAME, type SavedSession } from './storage';

const session: SavedSession = {
  version: SCHEMA_VERSION,
  savedAt: 1,
  cluster: { entries: [{ at: 5, command: { kind: 'kubectl', line: 'kubectl get pods' } }], simTime: 9, paused: true, speed: 10 },
  files: { ...INITIAL_FILES, lessonFiles: { l1: { 'pod.yaml': 'kind: Pod\n' } }, lessonId: 'l1' },
  progress: [{ lessonId: 'l1', stepIndex: 1, completed: [true, false], checks: [] }],
  history: ['kubectl get pods'],
};

const raw = () => createStore(DB_NAME, STORE_NAME);

describe('saved session storage', () => {
  it('finds nothing at first, then loads what it saved', async () => {
    await clearSession();
    expect(await loadSession()).toEqual({ kind: 'none' });
    expect(await saveSession(session)).toBeUndefined();
    expect(await loadSession()).toEqual({ kind: 'ok', session });
  });

  it('reports a damaged record instead of throwing', async () => {
    await set(KEY, { version: SCHEMA_VERSION, cluster: 'garbage' }, raw());
    expect(await loadSession()).toEqual({ kind: 'unreadable', reason: 'the saved data is damaged' });
    await set(KEY, 'not even an object', raw());
    expect(await loadSession()).toEqual({ kind: 'unreadable', reason: 'the saved data is damaged' });
  });

  it('does not restore a record of another schema version', async () => {
    await set(KEY, { ...session, version: 0 }, raw());
    expect(await loadSession()).toEqual({ kind: 'unreadable', reason: 'it was saved by an older version of Kubeplay' });
    expect(recordProblem({ ...session, version: SCHEMA_VERSION + 1 })).toBe('it was saved by a newer version of Kubeplay');
  });

  it('checks every part of the record', () => {
    expect(recordProblem(session)).toBeUndefined();
    expect(recordProblem({ ...session, history: [1] })).toBeDefined();
    expect(recordProblem({ ...session, files: { ...session.files, myFiles: { 'a.yaml': 3 } } })).toBeDefined();
    expect(recordProblem({ ...session, cluster: { ...session.cluster, entries: [{ at: 'x' }] } })).toBeDefined();
  });
});
