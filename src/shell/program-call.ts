import type { ProgramIO, ShellFs, System, Userland } from './program';
import type { Shell } from './interpreter';

/** One program's view of the shell (ProgramIO); the environment is built only if it asks. */
export class Call implements ProgramIO {
  readonly cwd: string;
  readonly fs: ShellFs;
  readonly userland: Userland;
  readonly sys: System;
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  private built: Map<string, string> | undefined;

  constructor(private readonly shell: Shell, readonly argv: string[], readonly stdin: string, private readonly assigned: Array<[string, string]>) {
    this.cwd = shell.cwd;
    this.fs = shell.fs;
    this.userland = shell.config.userland;
    this.sys = shell.config.sys;
    const frame = shell.currentFrame;
    this.out = frame.out;
    this.err = frame.err;
  }

  get env(): ReadonlyMap<string, string> {
    if (!this.built) {
      this.built = new Map();
      for (const k of this.shell.exported) this.built.set(k, this.shell.vars.get(k) ?? '');
      for (const [k, v] of this.assigned) this.built.set(k, v);
    }
    return this.built;
  }
}
