/**
 * ls's column layout on a terminal: GNU `calculate_columns` (as many columns as fit, each as
 * wide as its longest name + 2, padded with tabs of 8 as GNU does) and busybox `display_files`
 * (one width for all: the longest name + 2, spaces).
 */
import type { Userland } from '../program';

export function columns(names: string[], width: number, userland: Userland): string {
  if (!names.length) return '';
  return userland === 'gnu' ? gnuColumns(names, width) : busyboxColumns(names, width);
}

function gnuColumns(names: string[], width: number): string {
  const n = names.length;
  let layout = { rows: n, widths: [0] };
  for (let cols = Math.min(n, Math.max(1, Math.floor(width / 3))); cols >= 1; cols--) {
    const rows = Math.ceil(n / cols);
    const used = Math.ceil(n / rows);
    const widths: number[] = [];
    names.forEach((s, i) => {
      const c = Math.floor(i / rows);
      widths[c] = Math.max(widths[c] ?? 0, s.length + (c === used - 1 ? 0 : 2));
    });
    if (cols === 1 || widths.reduce((a, b) => a + b, 0) < width) { layout = { rows, widths }; break; }
  }
  let out = '';
  for (let r = 0; r < layout.rows; r++) {
    let pos = 0;
    for (let c = 0, i = r; i < n; c++, i += layout.rows) {
      out += names[i];
      if (i + layout.rows >= n) break;
      out += indent(pos + names[i].length, pos + layout.widths[c]);
      pos += layout.widths[c];
    }
    out += '\n';
  }
  return out;
}

/** ls.c `indent`: tabs of 8 where a tab stop is reached, then spaces. */
function indent(from: number, to: number): string {
  let s = '';
  while (from < to) {
    if (Math.floor(to / 8) > Math.floor((from + 1) / 8)) { s += '\t'; from += 8 - (from % 8); } else { s += ' '; from++; }
  }
  return s;
}

function busyboxColumns(names: string[], width: number): string {
  const colWidth = Math.max(...names.map((s) => s.length)) + 2;
  let cols = Math.max(1, Math.floor(width / colWidth));
  let rows = Math.ceil(names.length / cols);
  cols = Math.ceil(names.length / rows);
  let out = '';
  for (let r = 0; r < rows; r++) {
    const row: string[] = [];
    for (let c = 0; c < cols; c++) {
      const name = names[c * rows + r];
      if (name !== undefined) row.push(name);
    }
    out += row.map((s, i) => (i < row.length - 1 ? s.padEnd(colWidth) : s)).join('') + '\n';
  }
  return out;
}
