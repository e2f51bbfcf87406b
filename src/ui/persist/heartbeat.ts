/**
 * Notices a simulation worker that stopped answering: a ping every PING_MS; no answer for
 * DEAD_AFTER_MS while the page is visible (a hidden tab's timers are throttled) means it died.
 * Generous on purpose: a worker busy with one big command (an apply of 100,000 replicas on a
 * loaded machine) answers late, and restarting it would replay that command again.
 */
export const PING_MS = 1_000;
export const DEAD_AFTER_MS = 20_000;

export class Heartbeat {
  private timer: ReturnType<typeof setInterval> | undefined;
  private lastAnswer = 0;

  constructor(
    private readonly ping: () => Promise<unknown>,
    private readonly onDead: () => void,
    private readonly now: () => number = () => performance.now(),
    private readonly visible: () => boolean = () => typeof document === 'undefined' || document.visibilityState === 'visible',
  ) {}

  start(): void {
    this.stop();
    this.lastAnswer = this.now();
    this.timer = setInterval(() => this.beat(), PING_MS);
  }

  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  private beat(): void {
    if (!this.visible()) {
      this.lastAnswer = this.now();
      return;
    }
    if (this.now() - this.lastAnswer > DEAD_AFTER_MS) {
      this.stop();
      this.onDead();
      return;
    }
    this.ping().then(
      () => (this.lastAnswer = this.now()),
      () => undefined,
    );
  }
}
