/**
 * The one typed channel between the UI (main thread) and the simulation host (Web Worker).
 *
 * UI → worker:  `connect`, then `command{id, command}` (every command is answered by exactly one
 *               `result{id}`), `interrupt{id}` (Ctrl+C on a running command line) and
 *               `input{id, text}` (a line typed while it runs, after it said `reading`).
 * Worker → UI:  `hello` once per connect and after every reset (a full snapshot), then `patch`
 *               batches of watch deltas (coalesced per object, at most one per ~16 ms frame),
 *               `output` chunks streamed while a command line runs, `reading{id}` once when it
 *               first reads what the learner types, `result` per command, and `traffic`
 *               batches of requests through the cluster network (per frame, for the graph).
 *
 * Everything here is plain structured-clone data. Handle messages with exhaustive `switch`es
 * (`assertNever`), so adding a variant is a compile error wherever it is not handled.
 */
import type { ContainerView } from './inspect-containers';
import type { VolumeView } from './inspect-volumes';
import type { LessonProgress as StepProgress } from '../lessons';
import type { Lesson } from '../lessons/types';
import type { KObject } from '../sim/core/object';
import type { JournalEntry, SavedCluster } from './journal';
import type { TrafficEvent } from '../sim/network/types';
import type { BrowsePage, HostView } from './browse';

export type { JournalEntry, SavedCluster } from './journal';
export type { BrowsePage, BrowseError, ForwardView, HostView } from './browse';

export const PROTOCOL_VERSION = 3;

/** Simulation speeds the host offers (virtual seconds per wall second). */
export const SPEEDS = [1, 2, 5, 10, 30, 60] as const;
export type Speed = (typeof SPEEDS)[number];

export function isSpeed(value: number): value is Speed {
  return (SPEEDS as readonly number[]).includes(value);
}

/** Where virtual time stands: enough for the UI to tick the clock between patches. */
export interface ClockState {
  /** Virtual ms since the Unix epoch. */
  simTime: number;
  paused: boolean;
  speed: Speed;
}

/** One object change, already coalesced: the object as it is now (when DELETED: only its apiVersion, kind, name, namespace and uid). */
export interface DeltaEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  /** Plural resource name: `pods`, `deployments`, … */
  resource: string;
  object: KObject;
}

/** Every object the UI mirrors, by resource. Events are not mirrored: the inspector asks. */
export type Snapshot = Record<string, KObject[]>;

/** A file the learner edits (an editor tab), by name: what `kubectl apply -f NAME` reads. */
export type WorkspaceFiles = Record<string, string>;

/** A problem to show in the editor at a position (1-based line and column). */
export interface EditorMarker {
  file: string;
  line: number;
  column: number;
  message: string;
  severity: 'error' | 'warning';
}

/** Lessons travel as the lessons loader returns them (plain data). */
export type { Lesson, CheckResult } from '../lessons/types';

/** The lessons module's sticky progress (`completed[i]` stays true once step i passed), per lesson. */
export interface LessonProgress extends StepProgress {
  lessonId: string;
}

/** The object the inspector looks at. */
export interface ObjectRef {
  resource: string;
  namespace?: string;
  name: string;
}

// ---------------------------------------------------------------------------------------------
// UI → worker

export type Command =
  /** One terminal line, e.g. `kubectl get pods -o wide`. Output streams as `output`. */
  | { kind: 'kubectl'; line: string; columns?: number }
  /** Tab completion candidates for a partial line. */
  | { kind: 'complete'; line: string }
  /** Replace the workspace (the editor's files) without applying anything. */
  | { kind: 'workspace'; files: WorkspaceFiles }
  /** Save the workspace, then `kubectl apply -f <file>`; parse errors come back as markers. */
  | { kind: 'apply'; files: WorkspaceFiles; file: string }
  /**
   * `step` runs the cluster's next action (usually one api write) and says what it was;
   * `step-second` runs on to the next whole virtual second.
   */
  | { kind: 'clock'; action: 'pause' | 'play' | 'step' | 'step-second' }
  | { kind: 'speed'; speed: Speed }
  /** A brand-new cluster (same seed); answered after a fresh `hello`. */
  | { kind: 'reset' }
  | { kind: 'lesson'; action: 'load'; lessonId: string }
  | { kind: 'lesson'; action: 'step'; stepIndex: number }
  | { kind: 'lesson'; action: 'check' }
  /** Back to step 1 of the open lesson with nothing completed ("Start lesson over"). */
  | { kind: 'lesson'; action: 'restart' }
  /**
   * Rebuild a saved cluster (a fresh one, then its journal replayed) and the lessons' progress;
   * answered after a fresh `hello`. Fails (with a fresh cluster) when the journal cannot replay.
   */
  | { kind: 'restore'; cluster: SavedCluster; lessonId: string | null; progress: LessonProgress[] }
  /** Answered at once: the UI's heartbeat, to notice a worker that stopped answering. */
  | { kind: 'ping' }
  /** YAML, describe output and events of one object, for the inspector. */
  | { kind: 'inspect'; ref: ObjectRef }
  /** The in-app browser: the host's HTTP GET of `url` (e.g. a port-forward's `localhost:8080`). */
  | { kind: 'browse'; url: string }
  /** Starts or stops cloud-provider-kind (off: LoadBalancers stay `<pending>`). */
  | { kind: 'cloud-provider'; on: boolean };

export type CommandKind = Command['kind'];

export type UiToWorker =
  | { type: 'connect' }
  | { type: 'command'; id: number; command: Command }
  /** Interrupt the running command `id` (Ctrl+C): it ends with exit code 130. */
  | { type: 'interrupt'; id: number }
  /** Text typed while command `id` runs (a line with its newline), or null for Ctrl+D. */
  | { type: 'input'; id: number; text: string | null };

// ---------------------------------------------------------------------------------------------
// Worker → UI

export interface InspectResult {
  yaml: string;
  describe: string;
  /** `kubectl get events --field-selector involvedObject.name=…` style table. */
  events: string;
  /** False when the object no longer exists. */
  found: boolean;
  /** A pod's containers: states, restarts and probes with their latest failure. */
  containers?: ContainerView[];
  /** A CronJob's next scheduled run (RFC 3339), unless suspended. */
  nextRun?: string;
  /** A pod's volumes and the files in them now. */
  volumes?: VolumeView[];
}

/** What each command answers with, by command kind. */
export type CommandResult =
  | { kind: 'kubectl'; exitCode: number }
  | { kind: 'complete'; candidates: string[] }
  | { kind: 'workspace' }
  | { kind: 'apply'; exitCode: number; output: string; markers: EditorMarker[] }
  /** `stepped`: after a step, what happened, one line per api write (`replicaset-controller created Pod web-…`). */
  | { kind: 'clock'; clock: ClockState; stepped?: string[] }
  | { kind: 'speed'; clock: ClockState }
  | { kind: 'reset' }
  | { kind: 'lesson'; progress: LessonProgress | null }
  | { kind: 'restore'; replayMs: number; entries: number }
  | { kind: 'ping' }
  | { kind: 'inspect'; inspect: InspectResult }
  | { kind: 'browse'; page: BrowsePage }
  | { kind: 'cloud-provider'; host: HostView };

export type WorkerToUi =
  | {
      type: 'hello';
      protocolVersion: number;
      snapshot: Snapshot;
      rv: number;
      simTime: number;
      clock: ClockState;
      lessons: Lesson[];
      progress: LessonProgress | null;
      nodeNames: string[];
      /** The cluster's whole journal (empty after a reset): what the UI saves. */
      journal: JournalEntry[];
      /** The learner's machine: forwarded ports, cloud-provider-kind on or off (the session always sends it). */
      host?: HostView;
    }
  | {
      type: 'patch';
      events: DeltaEvent[];
      rv: number;
      simTime: number;
      clock: ClockState;
      /** Present when the lesson checks changed in this batch. */
      progress?: LessonProgress | null;
      /** Journal entries recorded since the last hello/patch. */
      journal?: JournalEntry[];
      /** Present when a port was forwarded or released, or the cloud provider switched. */
      host?: HostView;
    }
  | { type: 'output'; id: number; text: string; stream: 'stdout' | 'stderr' }
  /** Command `id` reads the terminal: typed lines go to it (`input`), not to the next prompt. */
  | { type: 'reading'; id: number }
  /** Requests through the cluster network since the last batch (the latest few; `skipped` more were not sent). */
  | { type: 'traffic'; events: TrafficEvent[]; skipped: number }
  | { type: 'result'; id: number; ok: true; result: CommandResult }
  | { type: 'result'; id: number; ok: false; error: string };

/** Exhaustiveness guard for `switch` statements over the unions above. */
export function assertNever(value: never): never {
  throw new Error(`unhandled protocol variant: ${JSON.stringify(value)}`);
}
