/**
 * bash's background jobs (`cmd &`) for the learner's host shell: a program started in the
 * background keeps running while later lines run — the book's `kubectl port-forward … &` before
 * its `curl localhost:8080`. A job goes on whenever the shell waits (its own wait ended, or
 * timed out), its output goes to the terminal as it comes, and bash's notices are bash's:
 * `[1] 4215` when it starts, `[1]+  Done                    cmd` (or `Exit 1`) after the line
 * during which it ended, `Terminated` after the line that follows `kill %1` (the signal arrives
 * after bash has shown its next prompt), `jobs`, `kill %1`, `$!`.
 */
import type { ShellRun, ShellWait } from './interpreter';

interface Job {
  id: number;
  pid: number;
  text: string;
  run: ShellRun<number>;
  /** The wait it is in and when that wait times out (virtual ms). */
  wait?: ShellWait;
  deadline: number;
  /** Set once it has ended: how, and during which line (a kill is noticed a line later). */
  ended?: { status: string; line: number; killed?: true };
}

/** The signals `kill` sends here, and how bash reports a job they ended. */
const SIGNALS: Record<string, string> = { TERM: 'Terminated', '15': 'Terminated', KILL: 'Killed', '9': 'Killed', INT: 'Interrupt', '2': 'Interrupt', HUP: 'Hangup', '1': 'Hangup' };

/** bash's first pid here: any number would do, the same one every run. */
const FIRST_PID = 4215;

export class JobTable {
  private jobs: Job[] = [];
  private nextPid = FIRST_PID;
  private line = 0;
  /** `$!`. */
  lastPid: number | undefined;

  constructor(private readonly now: () => number) {}

  /** A new line of the shell begins. */
  beginLine(): void {
    this.line++;
  }

  /** Starts `run` as job `text`, after `announce` has said bash's `[1] 4215`. */
  start(run: ShellRun<number>, text: string, announce: (line: string) => void): void {
    const id = this.jobs.length ? Math.max(...this.jobs.map((j) => j.id)) + 1 : 1;
    const job: Job = { id, pid: this.nextPid++, text, run, deadline: Infinity };
    this.jobs.push(job);
    this.lastPid = job.pid;
    announce(`[${id}] ${job.pid}\n`);
    this.resume(job, undefined);
  }

  /** Runs on every job whose wait has ended (or timed out) by now. */
  poll(): void {
    for (const job of this.jobs) {
      for (let guard = 0; !job.ended && job.wait && guard < 10_000; guard++) {
        const held = job.wait.until();
        if (!held && this.now() < job.deadline) break;
        this.resume(job, held);
      }
    }
  }

  private resume(job: Job, held: boolean | undefined): void {
    let step: IteratorResult<ShellWait, number>;
    try {
      step = held === undefined ? job.run.next() : job.run.next(held);
    } catch {
      step = { done: true, value: 1 };
    }
    if (step.done) {
      job.wait = undefined;
      job.ended = { status: step.value === 0 ? 'Done' : `Exit ${step.value}`, line: this.line };
    } else {
      job.wait = step.value;
      job.deadline = this.now() + step.value.timeoutMs;
    }
  }

  /** At the end of a line: the notices of the jobs that ended; they leave the table. */
  notices(): string {
    const noticed = (j: Job) => !!j.ended && !(j.ended.killed && j.ended.line === this.line);
    let out = '';
    for (const job of this.jobs) if (noticed(job)) out += `[${job.id}]${this.mark(job)}  ${job.ended!.status.padEnd(24)}${job.text}\n`;
    this.jobs = this.jobs.filter((j) => !noticed(j));
    return out;
  }

  /** `jobs`: each job with its state; an ended one is thereby told of, and leaves the table. */
  list(): string {
    const out = this.jobs.map((j) => `[${j.id}]${this.mark(j)}  ${(j.ended?.status ?? 'Running').padEnd(24)}${j.text}${j.ended ? '' : ' &'}\n`).join('');
    this.jobs = this.jobs.filter((j) => !j.ended);
    return out;
  }

  /**
   * `kill [-SIGNAL] %N|PID` (bash's builtin): the signal ends the job (its `finally` frees what
   * it holds, as Ctrl+C would); returns the status, after bash's message for what is not there.
   */
  kill(args: string[], err: (text: string) => void): number {
    let signal = 'TERM';
    const targets: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (a === '-s' || a === '-n') signal = (args[++i] ?? '').toUpperCase().replace(/^SIG/, '');
      else if (/^-\w+$/.test(a) && targets.length === 0) signal = a.slice(1).toUpperCase().replace(/^SIG/, '');
      else targets.push(a);
    }
    const status = SIGNALS[signal];
    if (!status) { err(`bash: kill: ${signal}: invalid signal specification\n`); return 1; }
    if (!targets.length) { err('kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n'); return 2; }
    let code = 0;
    for (const t of targets) {
      const job = t.startsWith('%') ? this.find(t) : this.jobs.find((j) => String(j.pid) === t);
      if (!job || job.ended) {
        err(t.startsWith('%') ? `bash: kill: ${t}: no such job\n` : /^\d+$/.test(t) ? `bash: kill: (${t}) - No such process\n` : `bash: kill: ${t}: arguments must be process or job IDs\n`);
        code = 1;
        continue;
      }
      job.run.return(130);
      job.wait = undefined;
      job.ended = { status, line: this.line, killed: true };
    }
    return code;
  }

  private find(spec: string): Job | undefined {
    const live = this.jobs;
    if (spec === '%' || spec === '%%' || spec === '%+') return live[live.length - 1];
    if (spec === '%-') return live[live.length - 2];
    return live.find((j) => String(j.id) === spec.slice(1));
  }

  /** `+` the current job (the newest), `-` the one before it. */
  private mark(job: Job): string {
    const i = this.jobs.indexOf(job);
    return i === this.jobs.length - 1 ? '+' : i === this.jobs.length - 2 ? '-' : ' ';
  }
}
