/**
 * The Web Worker entry: wires the pure simulation, kubectl and lessons into a `Session` and
 * connects it to `postMessage`. Nothing else lives here.
 */
/// <reference lib="webworker" />
import { kubectl, splitCommandLine } from '../kubectl';
import { complete } from '../kubectl/complete';
import { LESSONS } from '../lessons/catalog';
import { createCluster } from '../sim/cluster';
import type { UiToWorker, WorkerToUi } from './protocol';
import { Session } from './session';
import { parseManifests } from '../kubectl/manifests';

declare const self: DedicatedWorkerGlobalScope;

const session = new Session({
  createCluster: () => createCluster({ seed: 42 }),
  kubectl,
  splitCommandLine,
  complete,
  // kubectl's own parser: the markers sit where kubectl's error message says.
  manifestProblems: (text, filename) => parseManifests(text, filename).errors,
  lessons: LESSONS,
  post: (message: WorkerToUi) => self.postMessage(message),
  wall: {
    now: () => performance.now(),
    set: (fn, ms) => setTimeout(fn, ms),
    clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  },
});

self.onmessage = (e: MessageEvent<UiToWorker>) => session.handle(e.data);
