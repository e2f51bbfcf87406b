/**
 * The terminal's running lines: each a host-shell program (bash running kubectl, pipes, loops…)
 * advanced until it finishes or parks on a `Wait` — a condition, a deadline in virtual time, an
 * optional poll — and resumed when virtual time moves, when the learner types, or ended by Ctrl+C.
 */
import type { KubectlProgram, Wait } from '../kubectl/types';
import type { TypedInput } from './typed-input';

/** The host's word (not kubectl's) when a command waits on a paused clock: dim, once. */
export const PAUSED_WAIT_NOTICE = '\x1b[2mThe clock is paused: this command waits for virtual time. Press Play, or Step to go one action at a time.\x1b[22m\n';

/** Bash's exit code for a command ended by Ctrl+C (128 + SIGINT). */
export const INTERRUPTED_EXIT = 130;

export type Output = (text: string, stream: 'stdout' | 'stderr') => void;

/** A command line (the host shell running it) parked on a `Wait` until its condition holds or virtual time runs out. */
interface Running {
  id: number;
  program: KubectlProgram;
  /** What the learner types while it runs. */
  input?: TypedInput;
  wait?: { until: () => boolean; deadline: number; pollMs?: number };
  out: Output;
  done: (exitCode: number) => void;
  /** The paused-clock notice was shown (once per command). */
  toldPaused?: boolean;
}

/** What the lines read of the session's clock. */
export interface LinesClock {
  now(): number;
  paused(): boolean;
}

export class RunningLines {
  private readonly running = new Map<number, Running>();

  constructor(private readonly clock: LinesClock) {}

  /** Runs a line's program until it finishes or waits; `done` gets its exit code. */
  start(id: number, program: KubectlProgram, io: { input?: TypedInput; out: Output; done: (exitCode: number) => void }): void {
    this.run({ id, program, ...io });
  }

  /** The ids of the lines still running. */
  ids(): number[] {
    return [...this.running.keys()];
  }

  /**
   * What the learner types into line `id`, if it reads: each line may be what its wait was
   * waiting for. Taken before the session catches up with time, as Ctrl+C's is.
   */
  typist(id: number): ((text: string | null) => void) | undefined {
    const r = this.running.get(id);
    const input = r?.input;
    if (!r || !input) return undefined;
    return (text) => {
      input.push(text);
      if (r.wait?.until()) this.run(r, true);
    };
  }

  /** Ctrl+C for line `id`, if it runs: the program ends with 130. */
  interrupter(id: number): (() => void) | undefined {
    const r = this.running.get(id);
    if (!r) return undefined;
    return () => {
      this.running.delete(id);
      try {
        r.program.return(INTERRUPTED_EXIT);
      } finally {
        r.done(INTERRUPTED_EXIT);
      }
    };
  }

  /** The clock was paused (or stepped): every waiting line says so, once. */
  tellIfPaused(): void {
    for (const r of this.running.values()) this.tellOne(r);
  }

  /** After virtual time moved: resume programs whose wait holds or timed out. */
  resume(): void {
    const now = this.clock.now();
    for (const r of [...this.running.values()]) {
      if (!r.wait) continue;
      if (r.wait.until()) this.run(r, true);
      else if (now >= r.wait.deadline) this.run(r, false);
    }
  }

  /** The earlier of `next` and the first deadline or poll of a waiting line. */
  nextWake(next: number | undefined): number | undefined {
    const now = this.clock.now();
    for (const r of this.running.values()) {
      if (!r.wait) continue;
      // A wait with no deadline (`get -w`) wakes on changes only, unless it asks to be polled
      // (`logs -f`: a log line is no change anyone announces).
      const at = Math.min(r.wait.deadline, r.wait.pollMs ? now + r.wait.pollMs : Infinity);
      if (Number.isFinite(at) && (next === undefined || at < next)) next = at;
    }
    return next;
  }

  /** Advances a program until it finishes or parks on a wait that does not hold yet. */
  private run(r: Running, resume = true): void {
    let input = resume;
    for (;;) {
      let step: IteratorResult<Wait, number>;
      try {
        step = r.program.next(input);
      } catch (e) {
        r.out(`error: ${e instanceof Error ? e.message : String(e)}\n`, 'stderr');
        this.running.delete(r.id);
        r.done(1);
        return;
      }
      if (step.done) {
        this.running.delete(r.id);
        r.done(step.value);
        return;
      }
      if (step.value.until()) {
        input = true;
        continue;
      }
      r.wait = { until: step.value.until, deadline: this.clock.now() + step.value.timeoutMs, pollMs: step.value.pollMs };
      this.running.set(r.id, r);
      this.tellOne(r);
      return;
    }
  }

  private tellOne(r: Running): void {
    if (!this.clock.paused() || r.toldPaused || !r.wait) return;
    r.toldPaused = true;
    r.out(PAUSED_WAIT_NOTICE, 'stderr');
  }
}

/** Runs a program to its end without moving virtual time (waits answer with their state now). */
export function runNow(start: (out: Output) => KubectlProgram): { exitCode: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const program = start((text, stream) => {
    if (stream === 'stdout') stdout += text;
    else stderr += text;
  });
  let step = program.next(true);
  while (!step.done) step = program.next(step.value.until());
  return { exitCode: step.value, stdout, stderr };
}
