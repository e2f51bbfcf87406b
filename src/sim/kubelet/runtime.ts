/** What a pod worker needs from its node's kubelet (container runtime, image store, IPs). */
import type { Clock } from '../core/clock';
import type { NodeSpec, SimContext } from '../context';
import type { KObject } from '../core/object';
import type { Backoff } from './backoff';
import type { ImageInfo, ImageRef } from '../images';
import type { LogStore } from './logs';
import type { PodNetworkOf } from './exec/sandbox';

export interface PullTicket {
  /** When the pull completes (or fails). */
  finishAt: number;
  /** The pull itself. */
  pullMs: number;
  /** From the request to the end, including the wait behind other pulls. */
  waitedMs: number;
}

export interface NodeRuntime {
  ctx: SimContext;
  clock: Clock;
  /** Who this kubelet's clock timers work for: `kubelet (kind-worker)`. */
  actor: string;
  node: NodeSpec;
  logs: LogStore;
  /** The network its pods' processes reach (set once the cluster has one). */
  podNetwork?: PodNetworkOf;
  crashBackoff: Backoff;
  pullBackoff: Backoff;
  now(): string;
  /** When this kubelet started (virtual ms): probe workers jitter their first run just after. */
  startedAt?: number;
  record(obj: KObject, type: 'Normal' | 'Warning', reason: string, message: string, fieldPath?: string): void;
  /** Delay before a new pod's sandbox (pause container + network) is ready. */
  sandboxDelay(): number;
  allocateIP(): string;
  containerId(): string;
  hasImage(normalized: string): boolean;
  /** Queues a pull (the kubelet pulls one image at a time); `image` undefined = it will fail. */
  queuePull(image: ImageInfo | undefined, alreadyPresent: boolean): PullTicket;
  imagePulled(image: ImageInfo, ref: ImageRef): void;
  /** The pod reached Succeeded/Failed: its requests no longer count against the node. */
  podTerminal(namespace: string, name: string): void;
  /** The worker is done with the pod (removed or force-deleted). */
  released(uid: string, namespace: string, name: string, podIP?: string): void;
}
