/** A tree walk over a ShellFs (grep -r, find, du, cp -r): pre-order, names in byte order. */
import type { FileStat, ShellFs } from '../program';
import { isFsError } from './common';

export interface Visit {
  /** The path as the walk spelled it (`dir/sub/f` under an operand `dir`). */
  path: string;
  /** The normalised absolute path for fs calls. */
  abs: string;
  stat: FileStat;
  depth: number;
}

export function* walk(fs: ShellFs, path: string, abs: string, depth = 0): Generator<Visit> {
  const stat = fs.stat(abs);
  if (isFsError(stat)) return;
  yield { path, abs, stat, depth };
  if (stat.type !== 'dir') return;
  const names = fs.list(abs);
  if (isFsError(names)) return;
  for (const name of names) {
    yield* walk(fs, `${path.replace(/\/+$/, '')}/${name}`, abs === '/' ? `/${name}` : `${abs}/${name}`, depth + 1);
  }
}
