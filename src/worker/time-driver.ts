/**
 * Drives virtual time from wall time × speed. Idle costs nothing: between ticks the driver
 * sleeps until the wall instant at which the next virtual timer falls due (or not at all when
 * nothing is pending), instead of polling every frame.
 */
import type { Speed } from './protocol';

/** The part of the virtual clock the driver needs. */
export interface DrivenClock {
  now(): number;
  advanceTo(time: number): void;
}

/** Wall time and timers: `performance.now` + `setTimeout` in the worker, fakes in tests. */
export interface WallTimers {
  now(): number;
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

/** Shortest sleep between ticks: nothing on screen changes faster than a frame. */
export const FRAME_MS = 16;

export class TimeDriver {
  private wallAnchor = 0;
  private simAnchor = 0;
  private timer: unknown = undefined;
  private _paused = false;
  private _speed: Speed = 1;

  /**
   * @param nextWake when the next thing is due in virtual time (a clock timer or a command's
   *        wait deadline), or undefined when the cluster is idle.
   * @param onTick called after every advance of virtual time.
   */
  constructor(
    private readonly clock: DrivenClock,
    private readonly wall: WallTimers,
    private readonly nextWake: () => number | undefined,
    private readonly onTick: () => void,
  ) {
    this.reanchor();
  }

  get paused(): boolean {
    return this._paused;
  }

  get speed(): Speed {
    return this._speed;
  }

  /** Brings virtual time up to the wall clock (a no-op while paused). */
  catchUp(): void {
    if (this._paused) return;
    // Whole virtual milliseconds: wall time is fractional, the simulation's timestamps are not.
    const target = Math.floor(this.simAnchor + (this.wall.now() - this.wallAnchor) * this._speed);
    if (target > this.clock.now()) this.clock.advanceTo(target);
  }

  pause(): void {
    if (this._paused) return;
    this.catchUp();
    this._paused = true;
    this.schedule();
  }

  play(): void {
    if (!this._paused) return;
    this._paused = false;
    this.reanchor();
    this.schedule();
  }

  setSpeed(speed: Speed): void {
    this.catchUp();
    this._speed = speed;
    this.reanchor();
    this.schedule();
  }

  /**
   * Moves virtual time by hand (`advance` runs the cluster's next action, or on to the next
   * second), then carries on from there: the wall clock re-anchors, waiting commands look again.
   */
  step<T>(advance: () => T): T {
    this.catchUp();
    const result = advance();
    this.reanchor();
    this.onTick();
    this.schedule();
    return result;
  }

  /** (Re)plans the next wake-up; call after anything that may have added timers. */
  schedule(): void {
    if (this.timer !== undefined) this.wall.clear(this.timer);
    this.timer = undefined;
    if (this._paused) return;
    const next = this.nextWake();
    if (next === undefined) return;
    const delay = Math.max(FRAME_MS, (next - this.clock.now()) / this._speed);
    this.timer = this.wall.set(() => this.tick(), delay);
  }

  stop(): void {
    if (this.timer !== undefined) this.wall.clear(this.timer);
    this.timer = undefined;
    this._paused = true;
  }

  private tick(): void {
    this.timer = undefined;
    this.catchUp();
    this.onTick();
    this.schedule();
  }

  private reanchor(): void {
    this.wallAnchor = this.wall.now();
    this.simAnchor = this.clock.now();
  }
}
