/**
 * A pod as `kubectl exec`, `ps`, `kill` and the pod network reach it: its running containers
 * (one network namespace: `localhost` is any of them) and its IP. The pod worker provides it.
 */
import type { Container, Pod } from 'kubernetes-types/core/v1';
import type { ContainerSystem } from '../../../shell/container-system';
import type { ContainerFiles } from '../../fs/pod-files';
import type { ImageInfo } from '../../images';
import type { ProcessPlan } from '../container-process';

export interface RunningContainer {
  name: string;
  spec: Container;
  image: ImageInfo;
  plan: ProcessPlan;
  files: ContainerFiles;
  /** Virtual ms the current instance started. */
  startedAt: number;
  /** The 64-hex id containerd gave the instance. */
  containerID: string;
  /** PIDs handed to exec'd processes (the main process is 1). */
  pids: { next: number };
  /** When its main process was told to stop (kept for its log once it has exited). */
  stoppedAt?: number;
  /** The PID whose SIGTERM stopped it, if a process of the container did. */
  stoppedBy?: number;
  /** PID 1 got a signal it handles from process `fromPid` (`kill 1` from inside): it stops as it would on SIGTERM. */
  stopFromInside(fromPid: number): void;
  /** The main process ends by itself now with `code` (an attached shell's `exit`, ./attach.ts). */
  exitMain(code: number): void;
}

export interface PodSandbox {
  pod: Pod;
  podIP: string | undefined;
  /** Running containers (init, sidecars and app containers). */
  running(): RunningContainer[];
}

/**
 * The network a process in pod `self` sees at `now` (the cluster network, from that pod).
 * `lasting`: the process runs on through time (a main process), so names are looked up again each time.
 */
export type PodNetworkOf = (self: PodSandbox, now: () => number, lasting?: boolean) => Partial<ContainerSystem>;
