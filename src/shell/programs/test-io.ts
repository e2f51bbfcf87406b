/** Runs a program in tests: a MemoryFs, stdin, a fixed clock; collects stdout, stderr and the status. */
import { MemoryFs } from '../memory-fs';
import type { Program, ShellFs, System, Userland } from '../program';

export interface RunOpts {
  stdin?: string;
  files?: Record<string, string>;
  fs?: ShellFs;
  cwd?: string;
  env?: Record<string, string>;
  sys?: Partial<System>;
}

export interface RunResult {
  out: string;
  err: string;
  code: number;
  fs: ShellFs;
}

/** `argv` as the shell would split it (a string is split on spaces). */
export function run(program: Program, userland: Userland, argv: string[] | string, opts: RunOpts = {}): RunResult {
  const fs = opts.fs ?? new MemoryFs(Object.entries(opts.files ?? {}), () => 1_700_000_000_000);
  let out = '';
  let err = '';
  const code = program({
    argv: typeof argv === 'string' ? argv.split(' ') : argv,
    stdin: opts.stdin ?? '',
    env: new Map(Object.entries(opts.env ?? {})),
    cwd: opts.cwd ?? '/',
    fs,
    userland,
    sys: { now: () => 1_700_000_000_000, hostname: 'web', ...opts.sys },
    out: (t) => { out += t; },
    err: (t) => { err += t; },
  });
  return { out, err, code, fs };
}

/** Both userlands at once, for the many cases where they agree. */
export function runBoth(program: Program, argv: string[] | string, opts: RunOpts = {}): [RunResult, RunResult] {
  return [run(program, 'busybox', argv, opts), run(program, 'gnu', argv, opts)];
}
