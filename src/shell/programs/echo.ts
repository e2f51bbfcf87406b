/**
 * /bin/echo [-neE] [STRING]... — the executable (coreutils echo.c, busybox coreutils/echo.c),
 * which xargs, find -exec and env run; the shell's own `echo` is its builtin. -e escapes:
 * \\ \a \b \c \e \f \n \r \t \v \0NNN.
 */
import type { Program } from '../program';

export const echo: Program = (io) => {
  const args = io.argv.slice(1);
  let newline = true;
  let escapes = false;
  while (args.length && /^-[neE]+$/.test(args[0])) {
    const flags = args.shift()!;
    for (const f of flags.slice(1)) {
      if (f === 'n') newline = false;
      else escapes = f === 'e';
    }
  }
  let text = args.join(' ');
  if (escapes) {
    const cut = text.indexOf('\\c');
    if (cut >= 0) { text = text.slice(0, cut); newline = false; }
    text = text.replace(/\\(0[0-7]{0,3}|[\\abefnrtv])/g, (_, e: string) =>
      e[0] === '0' ? String.fromCharCode(parseInt(e.slice(1) || '0', 8)) : ({ '\\': '\\', a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' } as Record<string, string>)[e]);
  }
  io.out(text + (newline ? '\n' : ''));
  return 0;
};
