/**
 * A port of Go's text/tabwriter (the parts kubectl uses): cells are tab-terminated, the last
 * cell of a line is not part of any column, and a column's width is decided per *block* of
 * consecutive lines that have a cell in that column. kubectl's tables use
 * `(minwidth 6, tabwidth 4, padding 3, ' ')`; describe uses `(0, 8, 2, ' ')`.
 */
export interface TabwriterOptions {
  minWidth: number;
  /** Only used by Go with tab padding or TabIndent, which kubectl does not use. */
  tabWidth: number;
  padding: number;
}

export const TABLE_TABWRITER: TabwriterOptions = { minWidth: 6, tabWidth: 4, padding: 3 };
export const DESCRIBE_TABWRITER: TabwriterOptions = { minWidth: 0, tabWidth: 8, padding: 2 };

/** Go counts runes, not UTF-16 units. */
function runeWidth(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** Formats text containing `\t` cell separators exactly as Go's tabwriter would on Flush. */
export function tabwrite(text: string, opts: TabwriterOptions): string {
  const endsWithNewline = text.endsWith('\n');
  const rawLines = (endsWithNewline ? text.slice(0, -1) : text).split('\n');
  const lines = rawLines.map((l) => l.split('\t'));
  const out: string[] = [];
  const widths: number[] = [];

  const writeLines = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const cells = lines[i];
      let s = '';
      for (let j = 0; j < cells.length; j++) {
        const c = cells[j];
        // Cells inside a column are padded with the pad char (kubectl never sets TabIndent,
        // so even empty cells get spaces); the last cell of a line is written as is.
        s += j < widths.length ? c + ' '.repeat(Math.max(0, widths[j] - runeWidth(c))) : c;
      }
      out.push(s);
    }
  };

  const format = (line0: number, line1: number): void => {
    const column = widths.length;
    for (let cur = line0; cur < line1; cur++) {
      if (column >= lines[cur].length - 1) continue;
      writeLines(line0, cur);
      line0 = cur;
      let width = opts.minWidth;
      for (; cur < line1; cur++) {
        const line = lines[cur];
        if (column >= line.length - 1) break;
        const w = runeWidth(line[column]) + opts.padding;
        if (w > width) width = w;
      }
      widths.push(width);
      format(line0, cur);
      widths.pop();
      line0 = cur;
    }
    writeLines(line0, line1);
  };
  format(0, lines.length);
  return out.join('\n') + (endsWithNewline ? '\n' : '');
}

/**
 * kubectl's watch output (`get -w`) goes through liggitt/tabwriter with `RememberWidths`: each
 * event's row is flushed alone, but a column never gets narrower than it has been — so rows stay
 * aligned with the header until a wider cell (say `ContainerCreating`) widens that column for good.
 * Only for tables whose lines all have the same cells, as kubectl's do.
 */
export class RememberingTabwriter {
  private widths: number[] = [];

  constructor(private readonly opts: TabwriterOptions = TABLE_TABWRITER) {}

  /** Formats and flushes `lines` (cells separated by `\t`), returning the text with newlines. */
  flush(lines: string[]): string {
    const rows = lines.map((l) => l.split('\t'));
    for (const cells of rows) {
      for (let j = 0; j < cells.length - 1; j++) {
        const w = Math.max(this.opts.minWidth, runeWidth(cells[j]) + this.opts.padding);
        if (!(this.widths[j] >= w)) this.widths[j] = w;
      }
    }
    return rows
      .map((cells) => cells.map((c, j) => (j < cells.length - 1 ? c + ' '.repeat(Math.max(0, this.widths[j] - runeWidth(c))) : c)).join(''))
      .map((l) => `${l}\n`)
      .join('');
  }
}
