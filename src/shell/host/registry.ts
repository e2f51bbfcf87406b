/**
 * The text tools of the learner's host (grep, head, wc, base64, …): the programs registry's GNU
 * userland. Until the programs track is merged there are none here and the shell's inline
 * programs (cat, sort, seq, …) serve; at the merge this becomes
 * `export const hostPrograms = () => programsFor('gnu');` (src/shell/programs/index.ts).
 */
import type { ShellProgram } from '../interpreter';

const NONE: ReadonlyMap<string, ShellProgram> = new Map();

export const hostPrograms = (): ReadonlyMap<string, ShellProgram> => NONE;
