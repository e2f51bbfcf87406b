/**
 * Bash-like Tab completion, pure. The host's `onComplete(line)` returns candidates for the word
 * being typed (preferred: each candidate is the whole completed word, e.g. `pods` for
 * `kubectl get po`); whole-line candidates (`kubectl get pods`) are accepted too.
 */

export interface CompletionOutcome {
  /** New text before the cursor, or undefined when the line does not change. */
  replacement?: string;
  /** Candidates to list under the line (second Tab with several candidates). */
  listing?: string[];
}

/** Start of the word under completion: after the last unescaped whitespace. */
export function wordStart(line: string): number {
  for (let i = line.length - 1; i >= 0; i -= 1) {
    if (/\s/.test(line[i]) && line[i - 1] !== '\\') return i + 1;
  }
  return 0;
}

export function commonPrefix(words: readonly string[]): string {
  if (words.length === 0) return '';
  let prefix = words[0];
  for (const word of words.slice(1)) {
    let n = 0;
    while (n < prefix.length && n < word.length && prefix[n] === word[n]) n += 1;
    prefix = prefix.slice(0, n);
  }
  return prefix;
}

/**
 * Decides what a Tab does. `line` is the text before the cursor; `tabCount` is 1 for the first
 * Tab, 2+ for repeated ones (bash lists the candidates on the second Tab when it cannot extend).
 */
export function resolveCompletion(line: string, candidates: readonly string[], tabCount: number): CompletionOutcome {
  const start = wordStart(line);
  const outcome = resolveAt(line, start, candidates, tabCount);
  // Like bash's COMP_WORDBREAKS: `--output=w` may be completed as the value after `=`.
  const equals = line.lastIndexOf('=');
  if (outcome === undefined && equals >= start) return resolveAt(line, equals + 1, candidates, tabCount) ?? {};
  return outcome ?? {};
}

function resolveAt(line: string, start: number, candidates: readonly string[], tabCount: number): CompletionOutcome | undefined {
  const head = line.slice(0, start);
  const fullLine = head !== '' && candidates.length > 0 && candidates.every((c) => c.startsWith(head));
  const words = [...new Set(candidates.map((c) => (fullLine ? c.slice(head.length) : c)))];
  const word = line.slice(start);
  const matching = words.filter((w) => w.startsWith(word));
  if (matching.length === 0) return undefined;
  if (matching.length === 1) {
    const only = matching[0];
    // bash adds a space after a finished word, but not after a directory-like or `--flag=` prefix
    const suffix = /[/=:]$/.test(only) ? '' : ' ';
    return { replacement: head + only + suffix };
  }
  const prefix = commonPrefix(matching);
  if (prefix.length > word.length) return { replacement: head + prefix };
  if (tabCount >= 2) return { listing: [...matching].sort() };
  return {};
}

/**
 * Lays out words in columns like bash/readline: sorted down the columns, each column as wide as
 * the longest word plus two spaces, as many columns as fit in `width`. Lines end with CRLF.
 */
export function formatColumns(words: readonly string[], width: number): string {
  if (words.length === 0) return '';
  const cell = Math.max(...words.map((w) => w.length)) + 2;
  const columns = Math.max(1, Math.floor((width + 2) / cell));
  const rows = Math.ceil(words.length / columns);
  const lines: string[] = [];
  for (let r = 0; r < rows; r += 1) {
    let line = '';
    for (let c = 0; c < columns; c += 1) {
      const word = words[c * rows + r];
      if (word === undefined) break;
      const isLast = (c + 1) * rows + r >= words.length;
      line += isLast ? word : word.padEnd(cell);
    }
    lines.push(line);
  }
  return lines.join('\r\n') + '\r\n';
}
