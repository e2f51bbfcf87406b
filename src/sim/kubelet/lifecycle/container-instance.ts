/**
 * One started instance of a container, as exec, attach and `kill 1` reach it, and its log.
 * Both live as long as the container, for every container of every pod: they are class
 * instances holding what they need, not closures that would keep startContainer's whole scope.
 */
import type { ImageInfo } from '../../images';
import type { ContainerFiles } from '../../fs/pod-files';
import type { RunningContainer } from '../exec/sandbox';
import type { LogLine, LogRun } from '../logs';
import type { ProcessPlan } from '../container-process';
import type { Startable } from './start';

/** The worker's answers to a container's own processes (`kill 1`, an attached shell's `exit`). */
export interface InsideSignals<C> {
  stopFromInside(c: C, fromPid: number): void;
  exitFromInside(c: C, code: number): void;
}

export class ContainerInstance<C extends Startable> implements RunningContainer {
  readonly name: string;
  readonly spec: C['spec'];
  readonly plan: ProcessPlan;
  readonly containerID: string;
  readonly pids = { next: 7 };
  stoppedAt?: number;
  stoppedBy?: number;

  constructor(
    private readonly c: C,
    readonly image: ImageInfo,
    readonly files: ContainerFiles,
    readonly startedAt: number,
    containerID: string,
    private readonly signals: InsideSignals<C>,
  ) {
    this.name = c.spec.name;
    this.spec = c.spec;
    this.plan = c.plan!;
    this.containerID = containerID.slice('containerd://'.length);
  }

  stopFromInside(fromPid: number): void {
    this.signals.stopFromInside(this.c, fromPid);
  }

  exitMain(code: number): void {
    this.signals.exitFromInside(this.c, code);
  }
}

/** The instance's log; a restart clears c.stoppedAt, so an earlier instance keeps its own stop. */
export class InstanceLog implements LogRun {
  readonly startedAt: number;
  finishedAt?: number;

  constructor(
    private readonly c: Startable,
    private readonly instance: RunningContainer,
    readonly containerID: string,
  ) {
    this.startedAt = instance.startedAt;
  }

  lines(untilAbs: number): LogLine[] {
    const { c, instance } = this;
    return instance.plan.lines(this.startedAt, untilAbs, c.instance === instance ? c.stoppedAt : instance.stoppedAt, instance.stoppedBy);
  }
}
