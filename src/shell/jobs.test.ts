import { describe, expect, it } from 'vitest';
import { JobTable } from './jobs';
import type { ShellRun } from './interpreter';

/** A job that waits `ms` of virtual time, then exits with `code`. */
function* sleeper(ms: number, code = 0): ShellRun<number> {
  yield { until: () => false, timeoutMs: ms };
  return code;
}

/** A job that waits for ever (a port-forward); `stopped` tells whether its `finally` ran. */
function forever(state: { stopped: boolean }): ShellRun<number> {
  return (function* () {
    try {
      yield { until: () => false, timeoutMs: Infinity };
      return 0;
    } finally {
      state.stopped = true;
    }
  })();
}

describe('background jobs', () => {
  it('says [N] PID, runs on as time passes, and tells of the end after that line', () => {
    let now = 0;
    const jobs = new JobTable(() => now);
    const said: string[] = [];
    jobs.beginLine();
    jobs.start(sleeper(3000), 'sleep 3', (l) => said.push(l));
    jobs.start(sleeper(1000, 2), 'false-ish', (l) => said.push(l));
    expect(said).toEqual(['[1] 4215\n', '[2] 4216\n']);
    expect(jobs.lastPid).toBe(4216);
    expect(jobs.notices()).toBe('');
    jobs.beginLine();
    now = 5000;
    jobs.poll();
    expect(jobs.notices()).toBe('[1]-  Done                    sleep 3\n[2]+  Exit 2                  false-ish\n');
    expect(jobs.list()).toBe('');
  });

  it('kill %N ends a job (its finally runs) and is noticed a line later; bash’s errors otherwise', () => {
    const jobs = new JobTable(() => 0);
    const state = { stopped: false };
    jobs.beginLine();
    jobs.start(forever(state), 'kubectl port-forward pod/web 8080:80', () => undefined);
    expect(jobs.list()).toBe('[1]+  Running                 kubectl port-forward pod/web 8080:80 &\n');
    jobs.beginLine();
    const errors: string[] = [];
    expect(jobs.kill(['%1'], (t) => errors.push(t))).toBe(0);
    expect(state.stopped).toBe(true);
    expect(jobs.notices()).toBe('');
    jobs.beginLine();
    expect(jobs.notices()).toBe('[1]+  Terminated              kubectl port-forward pod/web 8080:80\n');
    expect(jobs.kill(['%1'], (t) => errors.push(t))).toBe(1);
    expect(jobs.kill(['99999'], (t) => errors.push(t))).toBe(1);
    expect(errors).toEqual(['bash: kill: %1: no such job\n', 'bash: kill: (99999) - No such process\n']);
  });
});
