/**
 * The Web Worker entry: wires the pure simulation, kubectl and lessons into a `Session` and
 * connects it to `postMessage`. Nothing else lives here.
 */
/// <reference lib="webworker" />
import { kubectl } from '../kubectl';
import { complete } from '../kubectl/complete';
import { LESSONS } from '../lessons/catalog';
import { createCluster } from '../sim/cluster';
import type { UiToWorker, WorkerToUi } from './protocol';
import { Session } from './session';
import { manifestProblems } from '../kubectl/manifests';

declare const self: DedicatedWorkerGlobalScope;

const session = new Session({
  createCluster: () => createCluster({ seed: 42 }),
  kubectl,
  complete,
  // kubectl's own parser: the markers sit where kubectl's error message says, with its hint.
  manifestProblems: (text, filename) => manifestProblems(text, filename).map((p) => ({ ...p, message: p.hint ? `${p.message}\n${p.hint}` : p.message })),
  lessons: LESSONS,
  post: (message: WorkerToUi) => self.postMessage(message),
  wall: {
    now: () => performance.now(),
    set: (fn, ms) => setTimeout(fn, ms),
    clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  },
});

self.onmessage = (e: MessageEvent<UiToWorker>) => session.handle(e.data);
