/** true and false: exit 0 and 1, whatever their arguments (coreutils true.c; busybox true.c/false.c). */
import type { Program } from '../program';

export const trueProgram: Program = () => 0;
export const falseProgram: Program = () => 1;
