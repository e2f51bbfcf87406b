/**
 * The seam between the shell and the programs it runs. A program (`src/shell/programs/<name>.ts`)
 * is a small pure function with the real tool's flags and error texts; it reads its input and
 * files and writes its output through `ProgramIO`. The same program runs inside containers
 * (busybox applets, a Debian userland) and in the learner's host shell, so whose words it
 * speaks is a parameter (`userland`), not a copy.
 *
 * Programs never see a clock, a timer or the DOM: what needs time (`sleep`) or the cluster
 * (`kubectl`, `wget` to a pod) reaches them through the shell's driver and `System`.
 */

import type { ContainerSystem } from './container-system';

/** Errors a file system call can give, as errno names (programs turn them into their own words). */
export type FsError = 'ENOENT' | 'EISDIR' | 'ENOTDIR' | 'EACCES' | 'EROFS' | 'EEXIST' | 'ENOTEMPTY';

export interface FileStat {
  type: 'file' | 'dir' | 'symlink';
  size: number;
  /** Permission bits (0o644). */
  mode: number;
  /** Virtual ms since the epoch of the last change. */
  mtime: number;
  /** 1 KiB blocks it takes, when not whole 4 KiB blocks of its size (a tmpfs directory takes none). */
  blocksKb?: number;
}

/**
 * The files a process sees. Paths are absolute and normalised (the shell resolves `cwd`).
 * Implementations that care about time (a container's writable layer, shared volumes) are
 * built with a `now()` closure by whoever runs the process; the interface carries no time.
 */
export interface ShellFs {
  stat(path: string): FileStat | FsError;
  /** The entry itself when it is a symlink (file systems without symlinks need not say). */
  lstat?(path: string): FileStat | FsError;
  /** A symlink's target. */
  readlink?(path: string): string | FsError;
  read(path: string): string | FsError;
  /** Names in a directory, sorted bytewise. */
  list(path: string): string[] | FsError;
  write(path: string, content: string, append: boolean): FsError | undefined;
  remove(path: string, recursive: boolean): FsError | undefined;
  mkdir(path: string, parents: boolean): FsError | undefined;
}

/** Whose messages and flags a program speaks. */
export type Userland = 'busybox' | 'gnu';

export interface ProgramIO {
  /** argv[0] is the name as invoked (`/bin/cat`, `cat`). */
  argv: string[];
  stdin: string;
  env: ReadonlyMap<string, string>;
  cwd: string;
  fs: ShellFs;
  userland: Userland;
  sys: System;
  out(text: string): void;
  err(text: string): void;
}

/** Returns the exit status. */
export type Program = (io: ProgramIO) => number;

/** What a program may ask of the world it runs in; absent capabilities behave as "not here". */
export interface System extends ContainerSystem {
  /** Virtual ms since the epoch (`date`). */
  now(): number;
  hostname: string;
  /** busybox's version when the userland is an image's busybox (`1.28.4`): applets that changed read it. */
  busybox?: string;
  /** Other capabilities (network, processes, signals) are added by the modules that provide them. */
}
