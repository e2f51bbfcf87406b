/**
 * YAML exactly as kubectl prints it: sigs.k8s.io/yaml turns the object into JSON, then
 * go-yaml v2 emits it. That means keys sorted, 2-space indent, list items at their key's
 * indent, YAML 1.1 quoting (`"80"`, `"true"`, `"yes"`, `"n"`, `""`, timestamps), single quotes
 * where plain text would be misread (`'a: b'`), `|`/`|-` for multi-line strings, and long
 * scalars folded at spaces past column 80 (go-yaml's best_width).
 */
const BEST_WIDTH = 80;

export function toYaml(value: unknown): string {
  const out: string[] = [];
  emitNode(value, 0, out, '');
  return out.join('');
}

/** `prefix` is what is already on the current line (`key: `, `- `); `indent` is the block's. */
function emitNode(v: unknown, indent: number, out: string[], prefix: string): void {
  if (Array.isArray(v)) {
    if (v.length === 0) return void out.push(`${prefix}[]\n`);
    if (prefix) out.push(prefix.trimEnd() + '\n');
    for (const item of v) emitSeqItem(item, indent, out);
    return;
  }
  if (v !== null && typeof v === 'object') {
    const keys = sortedKeys(v as Record<string, unknown>);
    if (keys.length === 0) return void out.push(`${prefix}{}\n`);
    if (prefix) out.push(prefix.trimEnd() + '\n');
    keys.forEach((k) => emitMapEntry(k, (v as Record<string, unknown>)[k], indent, out, ' '.repeat(indent)));
    return;
  }
  out.push(scalarText(v, prefix, indent) + '\n');
}

function emitMapEntry(key: string, value: unknown, indent: number, out: string[], lead: string): void {
  const prefix = `${lead}${keyText(key)}: `;
  if (Array.isArray(value) && value.length) {
    // go-yaml: a sequence inside a mapping is not indented.
    out.push(prefix.trimEnd() + '\n');
    for (const item of value) emitSeqItem(item, indent, out);
  } else if (value !== null && typeof value === 'object' && !Array.isArray(value) && sortedKeys(value as Record<string, unknown>).length) {
    out.push(prefix.trimEnd() + '\n');
    const obj = value as Record<string, unknown>;
    for (const k of sortedKeys(obj)) emitMapEntry(k, obj[k], indent + 2, out, ' '.repeat(indent + 2));
  } else {
    emitNode(value, indent, out, prefix);
  }
}

function emitSeqItem(item: unknown, indent: number, out: string[]): void {
  const dash = ' '.repeat(indent) + '- ';
  if (Array.isArray(item) && item.length) {
    // `- - x`: the nested sequence continues on the same line.
    const nested: string[] = [];
    for (const sub of item) emitSeqItem(sub, indent + 2, nested);
    const text = nested.join('');
    out.push(dash + text.slice(indent + 2));
    return;
  }
  if (item !== null && typeof item === 'object' && !Array.isArray(item) && sortedKeys(item as Record<string, unknown>).length) {
    const obj = item as Record<string, unknown>;
    sortedKeys(obj).forEach((k, i) => emitMapEntry(k, obj[k], indent + 2, out, i === 0 ? dash : ' '.repeat(indent + 2)));
    return;
  }
  emitNode(item, indent, out, dash);
}

/** Keys in Go's map order (sorted), skipping undefined values (absent in JSON). */
function sortedKeys(obj: Record<string, unknown>): string[] {
  return Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
}

function keyText(key: string): string {
  const style = chooseStyle(key);
  if (style === 'plain') return key;
  if (style === 'single') return `'${key.replace(/'/g, "''")}'`;
  return doubleQuoted(key, Infinity, 0, 0);
}

/** A scalar value after `prefix` on a line, in a block whose indent is `indent`. */
function scalarText(v: unknown, prefix: string, indent: number): string {
  if (v === null || v === undefined) return prefix + 'null';
  if (typeof v === 'boolean') return prefix + String(v);
  if (typeof v === 'number') return prefix + formatNumber(v);
  const s = String(v);
  const contIndent = indent + 2;
  if (s.includes('\n') && blockAllowed(s)) return prefix + literal(s, contIndent);
  const style = s.includes('\n') ? 'double' : chooseStyle(s);
  if (style === 'plain') return folded(prefix, s, contIndent, '', '');
  if (style === 'single') return folded(prefix, s.replace(/'/g, "''"), contIndent, "'", "'");
  return prefix + doubleQuoted(s, BEST_WIDTH, prefix.length, contIndent);
}

function formatNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  if (n === Infinity) return '.inf';
  if (n === -Infinity) return '-.inf';
  if (Number.isNaN(n)) return '.nan';
  // Go's strconv 'g' with the shortest representation.
  const s = String(n);
  return s.includes('e') ? s.replace(/e([+-])(\d)$/, 'e$10$2') : s;
}

/** Plain or single-quoted text, broken at a space once the line is past column 80. */
function folded(prefix: string, text: string, contIndent: number, open: string, close: string): string {
  // A break needs a space past column 80, so shorter lines are written as they are.
  if (prefix.length + open.length + text.length <= BEST_WIDTH + 1) return prefix + open + text + close;
  let line = prefix + open;
  const lines: string[] = [];
  const words = text.split(' ');
  // go-yaml breaks at a single space (not at runs of spaces) when the column is beyond the width.
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (i > 0) {
      const canBreak = line.length > BEST_WIDTH && w !== '' && words[i - 1] !== '' && !(open && i === words.length - 1 && w === '');
      if (canBreak) {
        lines.push(line);
        line = ' '.repeat(contIndent) + w;
        continue;
      }
      line += ' ';
    }
    line += w;
  }
  lines.push(line + close);
  return lines.join('\n');
}

function literal(s: string, indent: number): string {
  let chomp = '-';
  if (s.endsWith('\n')) chomp = s.endsWith('\n\n') || s === '\n' ? '+' : '';
  const hint = s.startsWith(' ') || s.startsWith('\n') ? '2' : '';
  const body = chomp === '-' ? s : s.slice(0, -1);
  const lines = body.split('\n').map((l) => (l === '' ? '' : ' '.repeat(indent) + l));
  return `|${hint}${chomp}\n${lines.join('\n')}`;
}

function blockAllowed(s: string): boolean {
  // go-yaml refuses block style for a space before a line break, trailing space, or specials.
  return !/ \n|\n |[^\n\t\x20-\x7e\u0085\u00a0-\ud7ff\ue000-\ufffd]/.test(s.replace(/\n /g, '\nX')) && !s.endsWith(' ') && !/[\x00-\x08\x0b-\x1f\x7f]/.test(s);
}

function doubleQuoted(s: string, width: number, startCol: number, contIndent: number): string {
  let out = '"';
  let col = startCol + 1;
  let spaces = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === ' ') {
      if (!spaces && col > width && i !== 0 && i !== s.length - 1) {
        out += '\n' + ' '.repeat(contIndent);
        col = contIndent;
        if (s[i + 1] === ' ') {
          out += '\\';
          col++;
        }
      } else {
        out += ' ';
        col++;
      }
      spaces = true;
      continue;
    }
    spaces = false;
    let e: string;
    switch (c) {
      case '"':
        e = '\\"';
        break;
      case '\\':
        e = '\\\\';
        break;
      case '\n':
        e = '\\n';
        break;
      case '\t':
        e = '\\t';
        break;
      case '\r':
        e = '\\r';
        break;
      case '\0':
        e = '\\0';
        break;
      default: {
        const code = c.charCodeAt(0);
        e = code < 0x20 || code === 0x7f ? '\\x' + code.toString(16).toUpperCase().padStart(2, '0') : c;
      }
    }
    out += e;
    col += e.length;
  }
  return out + '"';
}

const BOOL_LIKE = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'n', 'N', 'no', 'No', 'NO', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'on', 'On', 'ON', 'off', 'Off', 'OFF']);
const NULL_LIKE = new Set(['', '~', 'null', 'Null', 'NULL']);

/** Whether go-yaml v2 would read the plain text back as something other than a string. */
function resolvesToNonString(s: string): boolean {
  if (NULL_LIKE.has(s) || BOOL_LIKE.has(s)) return true;
  if (/^[-+]?(\.inf|\.Inf|\.INF)$/.test(s) || /^(\.nan|\.NaN|\.NAN)$/.test(s)) return true;
  const plain = s.replace(/_/g, '');
  if (/^[-+]?(0b[01]+|0x[0-9a-fA-F]+|0o?[0-7]+|[0-9]+)$/.test(plain)) return true;
  if (/^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/.test(plain)) return true;
  if (/^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?$/.test(s)) return true; // base 60
  return isTimestamp(s);
}

function isTimestamp(s: string): boolean {
  return /^\d{4}-\d{1,2}-\d{1,2}([Tt ]\d{1,2}:\d{1,2}:\d{1,2}(\.\d+)?(Z|[-+]\d{1,2}(:\d{2})?)?)?$/.test(s);
}

/** go-yaml's choice between plain, single-quoted and double-quoted for one-line text. */
function chooseStyle(s: string): 'plain' | 'single' | 'double' {
  // Fast path for the common identifier-like strings (names, images, kinds).
  if (/^[A-Za-z][A-Za-z0-9_./-]*$/.test(s)) return BOOL_LIKE.has(s) || NULL_LIKE.has(s) ? 'double' : 'plain';
  if (resolvesToNonString(s)) return 'double';
  if (/[\x00-\x09\x0b-\x1f\x7f\u0085\u2028\u2029\ufeff]/.test(s)) return 'double';
  return plainAllowed(s) ? 'plain' : 'single';
}

function plainAllowed(s: string): boolean {
  if (s.length === 0) return false;
  if (s.startsWith('---') || s.startsWith('...')) return false;
  if (s[0] === ' ' || s[s.length - 1] === ' ' || s[0] === '\t' || s[s.length - 1] === '\t') return false;
  const ws = (i: number) => i >= s.length || s[i] === ' ' || s[i] === '\t';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(c)) return false;
      if ((c === '?' || c === ':' || c === '-') && ws(1)) return false;
    } else {
      if (c === ':' && ws(i + 1)) return false;
      if (c === '#' && (s[i - 1] === ' ' || s[i - 1] === '\t')) return false;
    }
  }
  return true;
}
