/** The text tools of the learner's host (grep, head, wc, base64, …): the programs registry's GNU userland. */
import type { ShellProgram } from '../interpreter';
import { programsFor } from '../programs';

export const hostPrograms = (): ReadonlyMap<string, ShellProgram> => programsFor('gnu');
