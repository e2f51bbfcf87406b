/**
 * yes [STRING]... — prints its line until the reader goes away. The shell runs a pipeline's
 * stages one after another, so yes stops after `YES_LINES` lines: enough for `yes | head`.
 */
import type { Program } from '../program';

export const YES_LINES = 10_000;

export const yes: Program = (io) => {
  const line = (io.argv.length > 1 ? io.argv.slice(1).join(' ') : 'y') + '\n';
  io.out(line.repeat(YES_LINES));
  return 0;
};
