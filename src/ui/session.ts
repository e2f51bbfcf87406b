/**
 * The UI's commands to the worker, as plain functions over one `WorkerClient` and the store.
 * Components call these; they never post messages themselves. The session also keeps the
 * learner's work: it restores the saved session at start (persist/storage.ts), saves it as it
 * changes, and restarts the worker from it if the worker stops answering.
 */
import type { BrowsePage, Command, InspectResult, ObjectRef } from '../worker/protocol';
import { NO_HOST, useBrowser } from './browser/state';
import { WorkerClient, type WorkerPort } from './client';
import * as F from './files';
import { objectsOf } from './mirror';
import { mergePatches, patchInterval, splitPatch, type PatchMessage } from './patches';
import { Autosave } from './persist/autosave';
import { Heartbeat } from './persist/heartbeat';
import { currentRecord } from './persist/record';
import type { LoadResult, SavedSession } from './persist/storage';
import { useApp } from './store';

/**
 * New objects mounted, and changes rendered, per frame at most (see `splitPatch`): a rollout
 * changes hundreds of pods in one batch, and each changed pod costs the graph a status line
 * (kubectl's STATUS column logic) and a redrawn cell.
 */
const MAX_ADDS_PER_FRAME = 40;
const MAX_CHANGES_PER_FRAME = 120;

/** Editor changes reach the worker's workspace at most this often (and before every command). */
const WORKSPACE_SYNC_MS = 250;

export const WORKER_RESTARTED = 'The simulation stopped unexpectedly; restarted it from your saved session.';

/** The simulation worker as the session uses it (a `Worker`, or a fake in tests). */
export interface SimWorker extends WorkerPort {
  terminate(): void;
  onerror: ((event: ErrorEvent) => void) | null;
}

export interface SessionStorage {
  save(session: SavedSession): Promise<string | undefined>;
}

/** A command whose failure nobody waits for (the worker stopped: its restart says so). */
function quietly(promise: Promise<unknown>): void {
  promise.catch(() => undefined);
}

export function unrestorableNotice(reason: string): string {
  return `Your saved session could not be restored (${reason}); started a fresh cluster.`;
}

export class UiSession {
  client!: WorkerClient;
  private worker!: SimWorker;
  private runningId: number | undefined;
  private syncTimer: ReturnType<typeof setTimeout> | undefined;
  private workspaceDirty = true;
  private queuedPatches: PatchMessage[] = [];
  private patchTimer: ReturnType<typeof setTimeout> | undefined;
  private lastPatchAt = 0;
  private readonly autosave: Autosave;
  private readonly heartbeat: Heartbeat;
  private helloSeen: Promise<void> = Promise.resolve();
  /** How long the last restore took in the worker, for the curious (and the e2e test). */
  lastRestore: { ms: number; entries: number } | undefined;

  constructor(
    private readonly createWorker: () => SimWorker,
    storage: SessionStorage,
  ) {
    this.autosave = new Autosave(storage);
    this.heartbeat = new Heartbeat(
      () => this.client.request({ kind: 'ping' }).done,
      () => void this.restartWorker(),
    );
  }

  /** Connects, restores what `loaded` holds (or says why it cannot), then keeps saving. */
  async start(loaded: LoadResult = { kind: 'none' }): Promise<void> {
    if (loaded.kind === 'ok') this.restoreUiState(loaded.session);
    this.spawn();
    useApp.subscribe((s, prev) => {
      if (s.files !== prev.files) {
        this.workspaceDirty = true;
        if (this.syncTimer === undefined) this.syncTimer = setTimeout(() => this.syncWorkspace(), WORKSPACE_SYNC_MS);
      }
    });
    if (loaded.kind === 'ok') await this.restoreCluster(loaded.session);
    else if (loaded.kind === 'unreadable') useApp.getState().setNotice(unrestorableNotice(loaded.reason));
    this.syncWorkspace();
    this.autosave.start();
    await this.helloSeen;
    this.heartbeat.start();
  }

  /** Test hook: stop the worker as a crash would (no message, no error event). */
  stopWorkerForTest = (): void => this.worker.terminate();

  private spawn(): void {
    this.worker = this.createWorker();
    let seen = () => undefined as void;
    // The heartbeat waits for this: a worker still loading its code is not a dead one.
    this.helloSeen = new Promise<void>((resolve) => (seen = resolve));
    this.worker.onerror = (event) => {
      console.error('kubeplay: the simulation worker failed:', event.message);
      void this.restartWorker();
    };
    this.client = new WorkerClient(this.worker, {
      hello: (m) => {
        seen();
        this.queuedPatches = [];
        useApp.getState().hello(m);
        useBrowser.getState().setHost(m.host ?? NO_HOST);
      },
      patch: (m) => {
        if (m.journal) useApp.getState().appendJournal(m.journal);
        if (m.host) useBrowser.getState().setHost(m.host);
        this.queuePatch(m);
      },
      traffic: (m) => useApp.getState().receiveTraffic(m.events, m.skipped, performance.now()),
    });
    this.client.connect();
  }

  /** The worker died (an uncaught error, or no answer to the heartbeat): a new one, from the saved state. */
  private async restartWorker(): Promise<void> {
    if (!this.autosave.enabled) return; // already restarting
    const record = currentRecord();
    this.autosave.enabled = false;
    this.heartbeat.stop();
    this.worker.onerror = null;
    this.worker.terminate();
    this.client.failAll(new Error('the simulation stopped'));
    this.runningId = undefined;
    this.spawn();
    await this.restoreCluster(record);
    this.workspaceDirty = true;
    this.syncWorkspace();
    useApp.getState().setNotice(WORKER_RESTARTED);
    this.autosave.start();
    await this.helloSeen;
    this.heartbeat.start();
  }

  private restoreUiState(saved: SavedSession): void {
    const state = useApp.getState();
    state.updateFiles(() => saved.files);
    state.setHistory(saved.history);
    useApp.setState({ progressByLesson: Object.fromEntries(saved.progress.map((p) => [p.lessonId, p])) });
  }

  private async restoreCluster(saved: SavedSession): Promise<void> {
    try {
      const r = await this.client.request({
        kind: 'restore',
        cluster: saved.cluster,
        lessonId: saved.files.lessonId,
        progress: saved.progress,
      }).done;
      if (r.kind === 'restore') {
        this.lastRestore = { ms: r.replayMs, entries: r.entries };
        console.info(`kubeplay: restored ${r.entries} journal entries in ${Math.round(r.replayMs)} ms`);
      }
    } catch (e) {
      useApp.getState().setNotice(unrestorableNotice(e instanceof Error ? e.message : String(e)));
    }
    this.workspaceDirty = true;
  }

  /** Fire-and-forget commands whose result updates the store (clock, speed). */
  send = (command: Command): void => {
    quietly(
      this.client.request(command).done.then((r) => {
        if (r.kind === 'clock' || r.kind === 'speed') useApp.getState().setClock(r.clock);
        if (r.kind === 'clock' && r.stepped) useApp.getState().showStepNote(r.stepped, r.clock.simTime, command.kind === 'clock' && command.action === 'step-second');
      }),
    );
  };

  /** A fresh cluster; lesson progress stays. */
  reset = (): void => {
    useApp.getState().select(null);
    quietly(this.client.request({ kind: 'reset' }).done);
  };

  /** "Start lesson over": a fresh cluster, the lesson at step 1 with nothing done, its files as shipped. */
  restartLesson = async (): Promise<void> => {
    const { lessons, lessonId } = useApp.getState();
    const lesson = lessons.find((l) => l.id === lessonId);
    if (!lesson) return;
    useApp.getState().updateFiles((s) => F.resetLessonFiles(s, lesson));
    this.syncWorkspace();
    this.reset();
    await this.lessonCommand({ kind: 'lesson', action: 'restart' });
  };

  /** Terminal `onRun`: one command line, output streamed to `write`, resolves to the exit code. */
  run = async (line: string, write: (text: string) => void, reading?: () => void, columns?: number): Promise<number> => {
    this.syncWorkspace();
    const { id, done } = this.client.request({ kind: 'kubectl', line, ...(columns ? { columns } : {}) }, write, reading);
    this.runningId = id;
    try {
      const r = await done;
      return r.kind === 'kubectl' ? r.exitCode : 0;
    } catch (e) {
      write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
      return 1;
    } finally {
      if (this.runningId === id) this.runningId = undefined;
    }
  };

  interrupt = (): void => {
    if (this.runningId !== undefined) this.client.interrupt(this.runningId);
  };

  /** Terminal `onInput`: a line typed into the running command (null: Ctrl+D). */
  input = (text: string | null): void => {
    if (this.runningId !== undefined) this.client.input(this.runningId, text);
  };

  complete = async (line: string): Promise<string[]> => {
    const r = await this.client.request({ kind: 'complete', line }).done;
    return r.kind === 'complete' ? r.candidates : [];
  };

  /** Editor Apply: `kubectl apply -f <active file>` on the editor's current files. */
  apply = async (): Promise<void> => {
    const { files, activeFile } = useApp.getState();
    this.workspaceDirty = false;
    const r = await this.client.request({ kind: 'apply', files, file: activeFile }).done;
    if (r.kind === 'apply') useApp.getState().setApplyResult(r.output, r.exitCode !== 0, r.markers);
  };

  editFile = (name: string, text: string): void => {
    useApp.getState().editFile(name, text);
  };

  /** Shows a lesson file in the editor (it is in the workspace since the lesson started). */
  openLessonFile = (path: string): void => {
    useApp.getState().setActiveFile(path);
  };

  setHistory = (history: readonly string[]): void => {
    useApp.getState().setHistory([...history]);
  };

  /** Starts (or goes back to) a lesson: its files are in the workspace before anything runs. */
  selectLesson = async (lessonId: string): Promise<void> => {
    const lesson = useApp.getState().lessons.find((l) => l.id === lessonId);
    if (lesson) useApp.getState().updateFiles((s) => F.enterLesson(s, lesson));
    this.syncWorkspace();
    await this.lessonCommand({ kind: 'lesson', action: 'load', lessonId });
  };

  goToStep = async (stepIndex: number): Promise<void> => {
    await this.lessonCommand({ kind: 'lesson', action: 'step', stepIndex });
  };

  check = async (): Promise<void> => {
    await this.lessonCommand({ kind: 'lesson', action: 'check' });
  };

  inspect = async (ref: ObjectRef): Promise<InspectResult> => {
    const r = await this.client.request({ kind: 'inspect', ref }).done;
    if (r.kind !== 'inspect') throw new Error(`unexpected answer ${r.kind}`);
    return r.inspect;
  };

  /** The in-app browser's page load: the learner's machine GETs `url` (./browser). */
  browse = async (url: string): Promise<BrowsePage> => {
    const r = await this.client.request({ kind: 'browse', url }).done;
    if (r.kind !== 'browse') throw new Error(`unexpected answer ${r.kind}`);
    return r.page;
  };

  /** Starts or stops cloud-provider-kind. */
  setCloudProvider = (on: boolean): void => {
    quietly(
      this.client.request({ kind: 'cloud-provider', on }).done.then((r) => {
        if (r.kind === 'cloud-provider') useBrowser.getState().setHost(r.host);
      }),
    );
  };

  /** Applies patches at most once per frame, and less often while many pods are drawn. */
  private queuePatch(message: PatchMessage): void {
    this.queuedPatches.push(message);
    const pods = objectsOf(useApp.getState().mirror, 'pods').size;
    this.schedulePatchFlush(Math.max(0, this.lastPatchAt + patchInterval(pods) - performance.now()));
  }

  private schedulePatchFlush(wait: number): void {
    if (this.patchTimer !== undefined) return;
    this.patchTimer = setTimeout(() => {
      requestAnimationFrame(() => {
        this.patchTimer = undefined;
        this.lastPatchAt = performance.now();
        const patches = this.queuedPatches;
        this.queuedPatches = [];
        if (!patches.length) return;
        const [first, ...rest] = splitPatch(mergePatches(patches), MAX_ADDS_PER_FRAME, MAX_CHANGES_PER_FRAME);
        useApp.getState().patch(first);
        // The rest goes first in line for the next frame.
        if (rest.length) {
          this.queuedPatches = [...rest, ...this.queuedPatches];
          this.schedulePatchFlush(0);
        }
      });
    }, wait);
  }

  private async lessonCommand(command: Extract<Command, { kind: 'lesson' }>): Promise<void> {
    try {
      const r = await this.client.request(command).done;
      if (r.kind === 'lesson') useApp.getState().setProgress(r.progress);
    } catch {
      // the worker stopped; its restart brings the lesson back
    }
  }

  private syncWorkspace(): void {
    if (this.syncTimer !== undefined) clearTimeout(this.syncTimer);
    this.syncTimer = undefined;
    if (!this.workspaceDirty) return;
    this.workspaceDirty = false;
    quietly(this.client.request({ kind: 'workspace', files: useApp.getState().files }).done);
  }
}
