/** awk's built-in functions (POSIX: length substr index split sub gsub match sprintf toupper tolower, math, close; srand/rand as a pure LCG). */
import type { Expr } from './awk-ast';
import type { AwkRun } from './awk-run';
import { type Arr, splitFields, StrNum, type Val } from './awk-value';
import { isFsError, resolvePath } from './common';

export function callBuiltin(run: AwkRun, name: string, args: Expr[]): Val {
  const arg = (i: number) => run.eval(args[i]);
  const s = (i: number) => run.str(arg(i));
  const n = (i: number) => run.num(arg(i));
  switch (name) {
    case 'length': {
      if (!args.length) return [...run.record].length;
      const a = args[0];
      if (a.k === 'var' && run.lookup(a.name) instanceof Map) return (run.lookup(a.name) as Arr).size;
      return [...s(0)].length;
    }
    case 'substr': {
      const chars = [...s(0)];
      // Both mawk and busybox move a start before 1 to 1 and keep the length.
      const start = Math.max(1, Math.round(n(1)));
      const end = args.length > 2 ? start + Math.round(n(2)) : Infinity;
      return chars.slice(start - 1, Math.max(0, Math.min(end, chars.length + 1) - 1)).join('');
    }
    case 'index': return s(1) === '' && run.io.userland === 'busybox' ? 0 : s(0).indexOf(s(1)) + 1;
    case 'split': {
      const arr = run.array((args[1] as { name: string }).name);
      arr.clear();
      const fs = args[2] ? (args[2].k === 're' ? args[2].v : s(2)) : run.str(run.get('FS'));
      const parts = args[2]?.k === 're' ? (s(0) === '' ? [] : s(0).split(run.regex(fs))) : splitFields(s(0), fs, (re) => run.regex(re));
      parts.forEach((p, i) => arr.set(String(i + 1), new StrNum(p)));
      return parts.length;
    }
    case 'sub': case 'gsub': {
      const re = args[0].k === 're' ? run.regex(args[0].v) : run.regex(s(0));
      const target: Expr = args[2] ?? { k: 'field', e: { k: 'num', v: 0 } };
      const text = run.str(run.value(target));
      const repl = s(1);
      let count = 0;
      const g = new RegExp(re.source, name === 'gsub' ? 'g' : '');
      const out = text.replace(g, (m) => { count++; return repl.replace(/\\\\&|\\&|&/g, (t) => (t === '&' ? m : t === '\\&' ? '&' : '\\' + m)); });
      if (count) run.assign(target, out);
      return count;
    }
    case 'match': {
      const re = args[1].k === 're' ? run.regex(args[1].v) : run.regex(s(1));
      const m = new RegExp(re.source).exec(s(0));
      run.globals.set('RSTART', m ? m.index + 1 : 0);
      run.globals.set('RLENGTH', m ? m[0].length : -1);
      return m ? m.index + 1 : 0;
    }
    case 'sprintf': {
      const [fmt, ...rest] = args.map((a) => run.eval(a));
      return run.sprintf('sprintf', fmt ?? '', rest);
    }
    case 'toupper': return s(0).toUpperCase();
    case 'tolower': return s(0).toLowerCase();
    case 'int': return Math.trunc(n(0));
    case 'sqrt': return Math.sqrt(n(0));
    case 'exp': return Math.exp(n(0));
    case 'log': return Math.log(n(0));
    case 'sin': return Math.sin(n(0));
    case 'cos': return Math.cos(n(0));
    case 'atan2': return Math.atan2(n(0), n(1));
    case 'srand': { const old = run.randSeed; run.randSeed = args.length ? n(0) : 0; return old; }
    case 'rand': run.randSeed = (run.randSeed * 1103515245 + 12345) % 2 ** 31; return run.randSeed / 2 ** 31;
    case 'close': run.outputs.delete(s(0)); run.fileCursors.delete(s(0)); return 0;
    default: return 0;
  }
}

/** `getline`, `getline var`, `getline < file`: 1, 0 at the end, -1 when the file cannot be read. */
export function getline(run: AwkRun, target: Expr | undefined, file: Expr | undefined): Val {
  let line: string | undefined;
  if (file) {
    const name = run.str(run.eval(file));
    let cur = run.fileCursors.get(name);
    if (!cur) {
      const text = name === '-' ? run.io.stdin : run.io.fs.read(resolvePath(run.io, name));
      if (isFsError(text)) return -1;
      cur = { lines: text === '' ? [] : text.replace(/\n$/, '').split('\n'), at: 0 };
      run.fileCursors.set(name, cur);
    }
    line = cur.lines[cur.at++];
  } else {
    if (!run.input.sources.length && run.input.at < 0) run.input.sources = [{ name: '', text: run.io.stdin }];
    line = run.nextRecord();
  }
  if (line === undefined) return 0;
  if (target) run.assign(target, new StrNum(line)); else run.setRecord(line);
  return 1;
}
