/**
 * seq [-w] [-s SEP] [FIRST [INC]] LAST — coreutils seq.c, busybox coreutils/seq.c (checked
 * against GNU seq 9.1 and busybox 1.35). Decimals print with the most decimals of the operands.
 */
import type { Program } from '../program';
import { has, last, parseOpts, usageError } from './common';

export const seq: Program = (io) => {
  const gnu = io.userland === 'gnu';
  // Negative numbers are operands, not options (seq 5 -1 1).
  const args = io.argv.slice(1);
  const firstNum = args.findIndex((a) => /^-\d/.test(a));
  const p = parseOpts(io, { short: 'ws:f:', long: gnu ? { 'equal-width': 'w', 'separator=': 's', 'format=': 'f' } : undefined },
    firstNum < 0 ? args : [...args.slice(0, firstNum), '--', ...args.slice(firstNum)]);
  if (typeof p === 'number') return p;
  const ops = p.operands;
  if (ops.length === 0 || ops.length > 3) {
    if (!gnu) return usageError(io, 1);
    return usageError(io, 1, ops.length ? `extra operand '${ops[3]}'` : 'missing operand');
  }
  for (const o of ops) {
    if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(o)) {
      return gnu ? usageError(io, 1, `invalid floating point argument: '${o}'`) : usageError(io, 1);
    }
  }
  const nums = ops.map(Number);
  const [first, inc, lastN] = ops.length === 1 ? [1, 1, nums[0]] : ops.length === 2 ? [nums[0], 1, nums[1]] : nums;
  if (inc === 0) return gnu ? usageError(io, 1, `invalid Zero increment value: '${ops[1]}'`) : usageError(io, 1);
  const decimals = Math.max(...ops.map((o) => (o.includes('.') ? o.split('.')[1].replace(/e.*/i, '').length : 0)));
  const sep = last(p, 's') ?? '\n';
  const items: string[] = [];
  for (let i = 0; ; i++) {
    const n = first + i * inc;
    if (inc > 0 ? n > lastN + 1e-10 : n < lastN - 1e-10) break;
    items.push(n.toFixed(decimals));
    if (items.length > 100_000) break;
  }
  if (has(p, 'w')) {
    const width = Math.max(...items.map((s) => s.length));
    for (let i = 0; i < items.length; i++) {
      const neg = items[i].startsWith('-');
      items[i] = (neg ? '-' : '') + items[i].slice(neg ? 1 : 0).padStart(width - (neg ? 1 : 0), '0');
    }
  }
  if (items.length) io.out(items.join(sep) + '\n');
  return 0;
};
