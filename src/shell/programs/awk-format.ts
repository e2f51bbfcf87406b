/**
 * C's printf conversions as awk's printf/sprintf use them (%d %i %o %x %X %u %c %s %e %E %f
 * %F %g %G %%, flags `-+ #0`, width, precision, `*`), and %.6g for numbers in output.
 */

export function formatNumberG(v: number, precision = 6, alt = false, upper = false): string {
  if (!Number.isFinite(v)) return Number.isNaN(v) ? (upper ? 'NAN' : 'nan') : (v < 0 ? '-' : '') + (upper ? 'INF' : 'inf');
  const p = precision === 0 ? 1 : precision;
  if (v === 0) return alt ? (0).toFixed(p - 1) : '0';
  const exp = Number(v.toExponential(p - 1).split('e')[1]);
  let s = p > exp && exp >= -4 ? v.toFixed(p - 1 - exp) : formatE(v, p - 1, upper);
  if (!alt) {
    s = s.replace(/(\.\d*?)0+(e|E|$)/, '$1$2').replace(/\.(e|E|$)/, '$1');
  }
  return s;
}

export function formatE(v: number, precision: number, upper = false): string {
  const [m, e] = v.toExponential(precision).split('e');
  const n = Number(e);
  const s = `${m}e${n < 0 ? '-' : '+'}${String(Math.abs(n)).padStart(2, '0')}`;
  return upper ? s.toUpperCase() : s;
}

/** sprintf: `args` are already numbers or strings as each conversion needs them via `num`/`str`. */
export function sprintf(format: string, args: unknown[], num: (v: unknown) => number, str: (v: unknown) => string): string {
  let out = '';
  let k = 0;
  const re = /%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d*))?([a-zA-Z%])/g;
  let last = 0;
  for (let m = re.exec(format); m; m = re.exec(format)) {
    out += format.slice(last, m.index);
    last = re.lastIndex;
    const [, flags, w, pr, conv] = m;
    if (conv === '%') { out += '%'; continue; }
    let width = w === '*' ? num(args[k++]) : w ? Number(w) : 0;
    let left = flags.includes('-');
    if (width < 0) { left = true; width = -width; }
    const precision = pr === undefined ? undefined : pr === '*' ? num(args[k++]) : Number(pr || 0);
    const arg = args[k++];
    let body: string;
    let numeric = true;
    switch (conv) {
      case 'd': case 'i': case 'u': {
        const n = Math.trunc(num(arg));
        body = Math.abs(n).toString();
        if (precision !== undefined) body = body.padStart(precision, '0');
        body = sign(n, flags) + body;
        break;
      }
      case 'o': case 'x': case 'X': {
        const n = Math.trunc(num(arg));
        body = (n < 0 ? 2 ** 64 + n : n).toString(conv === 'o' ? 8 : 16);
        if (conv === 'X') body = body.toUpperCase();
        if (flags.includes('#') && n !== 0) body = (conv === 'o' ? '0' : conv === 'x' ? '0x' : '0X') + body;
        break;
      }
      case 'e': case 'E': { const n = num(arg); body = sign(n, flags) + formatE(Math.abs(n), precision ?? 6, conv === 'E'); break; }
      case 'f': case 'F': { const n = num(arg); body = sign(n, flags) + Math.abs(n).toFixed(precision ?? 6); break; }
      case 'g': case 'G': { const n = num(arg); body = sign(n, flags) + formatNumberG(Math.abs(n), precision ?? 6, flags.includes('#'), conv === 'G'); break; }
      case 'c': {
        numeric = false;
        body = typeof arg === 'number' ? String.fromCharCode(arg) : str(arg).slice(0, 1);
        break;
      }
      case 's': {
        numeric = false;
        body = str(arg);
        if (precision !== undefined) body = body.slice(0, precision);
        break;
      }
      default:
        numeric = false;
        body = m[0];
        k--;
    }
    if (body.length < width) {
      if (left) body = body.padEnd(width);
      else if (numeric && flags.includes('0') && precision === undefined) {
        const s = /^[-+ ]/.test(body) ? body[0] : '';
        body = s + body.slice(s.length).padStart(width - s.length, '0');
      } else body = body.padStart(width);
    }
    out += body;
  }
  return out + format.slice(last);
}

function sign(n: number, flags: string): string {
  return n < 0 || Object.is(n, -0) ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '';
}
