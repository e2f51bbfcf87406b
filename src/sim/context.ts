/** What every simulated component (controller, scheduler, kubelet) is given to work with. */
import type { ApiServer } from './api/apiserver';
import type { Clock } from './core/clock';
import type { EventRecorder } from './events';
import type { Rng } from './core/rng';
import type { Store } from './core/store';
import type { NodeFilesystems } from './fs/node-files';

export interface SimContext {
  api: ApiServer;
  clock: Clock;
  /** The cluster's root stream: components take `rng.fork('<name>')`. */
  rng: Rng;
  events: EventRecorder;
  /** For informers only; everything else reads and writes through `api`. */
  store: Store;
  /** Each node's own files (hostPath and local-path volumes live there); see nodeFilesOf. */
  nodeFiles?: NodeFilesystems;
}

/** A simulated machine: what a kubelet registers as its Node. */
export interface NodeSpec {
  name: string;
  controlPlane: boolean;
  /** CPU in millicores and memory in bytes. */
  cpuMillis: number;
  memoryBytes: number;
  pods: number;
  internalIP: string;
}
