/**
 * env [-i] [-u NAME] [NAME=VALUE]... [COMMAND [ARG]...] and printenv [NAME]... — coreutils
 * env.c/printenv.c, busybox coreutils/env.c/printenv.c. A COMMAND runs through `runCommand`.
 */
import type { Program } from '../program';
import { all, has, parseOpts } from './common';
import { runCommand } from './run-command';

export const env: Program = (io) => {
  const gnu = io.userland === 'gnu';
  const args = io.argv.slice(1).map((a) => (a === '-' ? '-i' : a));
  const p = parseOpts(io, { short: 'iu:0', stopAtOperand: true, usageStatus: 125, long: gnu ? { 'ignore-environment': 'i', 'unset=': 'u', null: '0' } : undefined }, args);
  if (typeof p === 'number') return p;
  const vars = new Map(has(p, 'i') ? [] : io.env);
  for (const name of all(p, 'u')) vars.delete(name);
  let i = 0;
  for (; i < p.operands.length && p.operands[i].includes('='); i++) {
    const a = p.operands[i];
    vars.set(a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1));
  }
  const command = p.operands.slice(i);
  if (command.length) return runCommand(io, command, io.stdin, vars, 'env');
  for (const [k, v] of vars) io.out(`${k}=${v}\n`);
  return 0;
};

export const printenv: Program = (io) => {
  const p = parseOpts(io, { short: '0', long: io.userland === 'gnu' ? { null: '0' } : undefined });
  if (typeof p === 'number') return p;
  if (!p.operands.length) {
    for (const [k, v] of io.env) io.out(`${k}=${v}\n`);
    return 0;
  }
  let code = 0;
  for (const name of p.operands) {
    const v = io.env.get(name);
    if (v === undefined) code = 1;
    else io.out(v + '\n');
  }
  return code;
};
