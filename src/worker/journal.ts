/**
 * The cluster's journal: every command that can change the cluster, with the virtual time it ran
 * at. Clock timers hold closures that cannot be serialized, so a saved cluster is its seed plus
 * this journal, replayed deterministically by `Session` (fresh cluster, then each entry at its
 * time through the same `execute` path). Every kubectl line is journaled (replaying a `get` costs
 * little, guessing which lines write would cost correctness), with the workspace it read, and so
 * are the in-app browser's page loads (they reach apps and port-forwards) and the cloud-provider
 * switch; the UI's own reads (completion, the inspector) are not.
 */
import type { Command, Speed, WorkspaceFiles } from './protocol';

/** A journaled command: what the UI sent, or an interrupt of the kubectl entry at `entry`. */
export type JournaledCommand =
  | Extract<Command, { kind: 'kubectl' | 'apply' | 'workspace' | 'clock' | 'browse' | 'cloud-provider' }>
  | { kind: 'interrupt'; entry: number }
  /** Typed input (null: Ctrl+D) for the kubectl entry at `entry`. */
  | { kind: 'input'; entry: number; text: string | null };

export interface JournalEntry {
  /** Virtual ms at which the command ran. */
  at: number;
  command: JournaledCommand;
}

/** Everything needed to rebuild a cluster: the journal, where time stood, how the clock ran. */
export interface SavedCluster {
  entries: JournalEntry[];
  simTime: number;
  paused: boolean;
  speed: Speed;
}

export class Journal {
  private list: JournalEntry[] = [];
  private sent = 0;
  private workspaceJson = '{}';
  /** Running kubectl command id → its entry, so Ctrl+C can be journaled against it. */
  private readonly kubectlEntries = new Map<number, number>();

  get entries(): readonly JournalEntry[] {
    return this.list;
  }

  clear(): void {
    this.list = [];
    this.sent = 0;
    this.workspaceJson = '{}';
    this.kubectlEntries.clear();
  }

  /** Starts from a restored journal (all of it already known to the UI). */
  load(entries: readonly JournalEntry[]): void {
    this.clear();
    this.list = [...entries];
    this.sent = this.list.length;
    for (const e of this.list) if (e.command.kind === 'workspace' || e.command.kind === 'apply') this.workspaceJson = JSON.stringify(e.command.files);
  }

  /** Records a command that may change the cluster; the workspace goes first if it changed. */
  record(at: number, id: number, command: JournaledCommand, workspace: WorkspaceFiles): void {
    if (command.kind === 'kubectl') this.noteWorkspace(at, workspace);
    if (command.kind === 'apply' || command.kind === 'workspace') this.workspaceJson = JSON.stringify(command.files);
    this.list.push({ at, command });
    if (command.kind === 'kubectl') this.kubectlEntries.set(id, this.list.length - 1);
  }

  /** Ctrl+C on command `id` (read-only waits mostly, but it shapes when Step wakes). */
  recordInterrupt(at: number, id: number): void {
    const entry = this.kubectlEntries.get(id);
    if (entry === undefined) return;
    this.kubectlEntries.delete(id);
    this.list.push({ at, command: { kind: 'interrupt', entry } });
  }

  /** What the learner typed into running command `id` (a replay feeds it at the same instant). */
  recordInput(at: number, id: number, text: string | null): void {
    const entry = this.kubectlEntries.get(id);
    if (entry !== undefined) this.list.push({ at, command: { kind: 'input', entry, text } });
  }

  /** Command `id` finished by itself. */
  finished(id: number): void {
    this.kubectlEntries.delete(id);
  }

  /** Entries the UI has not been sent yet (for the next patch). */
  unsent(): JournalEntry[] {
    const fresh = this.list.slice(this.sent);
    this.sent = this.list.length;
    return fresh;
  }

  private noteWorkspace(at: number, files: WorkspaceFiles): void {
    const json = JSON.stringify(files);
    if (json === this.workspaceJson) return;
    this.workspaceJson = json;
    this.list.push({ at, command: { kind: 'workspace', files } });
  }
}
