/**
 * The UI's commands to the worker, as plain functions over one `WorkerClient` and the store.
 * Components call these; they never post messages themselves.
 */
import type { Command, InspectResult, ObjectRef } from '../worker/protocol';
import { WorkerClient, type WorkerPort } from './client';
import { objectsOf } from './mirror';
import { mergePatches, patchInterval, splitPatch, type PatchMessage } from './patches';
import { useStepNote } from './step-note';
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

export class UiSession {
  readonly client: WorkerClient;
  private runningId: number | undefined;
  private syncTimer: ReturnType<typeof setTimeout> | undefined;
  private workspaceDirty = true;
  private queuedPatches: PatchMessage[] = [];
  private patchTimer: ReturnType<typeof setTimeout> | undefined;
  private lastPatchAt = 0;

  constructor(port: WorkerPort) {
    this.client = new WorkerClient(port, {
      hello: (m) => {
        this.queuedPatches = [];
        useStepNote.getState().clear();
        useApp.getState().hello(m);
      },
      patch: (m) => this.queuePatch(m),
    });
  }

  start(): void {
    this.client.connect();
    this.syncWorkspace();
  }

  /** Fire-and-forget commands whose result updates the store (clock, speed). */
  send = (command: Command): void => {
    void this.client.request(command).done.then((r) => {
      if (r.kind === 'clock' || r.kind === 'speed') useApp.getState().setClock(r.clock);
      if (r.kind === 'clock' && r.stepped) useStepNote.getState().show(r.stepped, r.clock.simTime, command.kind === 'clock' && command.action === 'step-second');
    });
  };

  reset = (): void => {
    useApp.getState().select(null);
    void this.client.request({ kind: 'reset' }).done;
  };

  /** Terminal `onRun`: one command line, output streamed to `write`, resolves to the exit code. */
  run = async (line: string, write: (text: string) => void): Promise<number> => {
    this.syncWorkspace();
    const { id, done } = this.client.request({ kind: 'kubectl', line }, write);
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
    this.workspaceDirty = true;
    if (this.syncTimer === undefined) this.syncTimer = setTimeout(() => this.syncWorkspace(), WORKSPACE_SYNC_MS);
  };

  /** Opens a lesson file in the editor (and the worker's workspace). */
  openLessonFile = (path: string): void => {
    const { lessons, progress } = useApp.getState();
    const lesson = lessons.find((l) => l.id === progress?.lessonId);
    const text = lesson?.files[path];
    if (text === undefined) return;
    useApp.getState().openFile(path, text);
    this.workspaceDirty = true;
    this.syncWorkspace();
  };

  selectLesson = async (lessonId: string): Promise<void> => {
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
    const r = await this.client.request(command).done;
    if (r.kind === 'lesson') useApp.getState().setProgress(r.progress);
  }

  private syncWorkspace(): void {
    if (this.syncTimer !== undefined) clearTimeout(this.syncTimer);
    this.syncTimer = undefined;
    if (!this.workspaceDirty) return;
    this.workspaceDirty = false;
    void this.client.request({ kind: 'workspace', files: useApp.getState().files }).done;
  }
}
