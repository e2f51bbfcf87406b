/**
 * The terminal's line discipline, kept free of xterm so it can be unit-tested: it turns the
 * strings xterm's `onData` delivers (keystrokes, escape sequences, pasted text) into edits of
 * one input line, and returns the ANSI output that redraws that line plus the actions the
 * host must perform (run a line, complete, interrupt, clear the screen).
 *
 * Redrawing always rewrites the whole line from the prompt, which stays correct when the line
 * wraps over several rows — the editor knows the terminal width for that reason.
 */

export type LineAction =
  | { type: 'submit'; line: string }
  | { type: 'complete'; line: string; tabCount: number }
  | { type: 'interrupt'; line: string }
  | { type: 'clear-screen' };

export interface FeedResult {
  /** ANSI text to write to the terminal (echo, redraws). */
  output: string;
  actions: LineAction[];
  /**
   * Input after the first submitted line (a multi-line paste, or typeahead): the host feeds it
   * again once the submitted command finished and a new prompt is shown.
   */
  rest: string;
}

const ESC = '\x1b';

/** Escape sequences xterm sends for the keys we handle. */
const KEY_SEQUENCES: Record<string, string> = {
  [`${ESC}[A`]: 'up',
  [`${ESC}OA`]: 'up',
  [`${ESC}[B`]: 'down',
  [`${ESC}OB`]: 'down',
  [`${ESC}[C`]: 'right',
  [`${ESC}OC`]: 'right',
  [`${ESC}[D`]: 'left',
  [`${ESC}OD`]: 'left',
  [`${ESC}[H`]: 'home',
  [`${ESC}OH`]: 'home',
  [`${ESC}[1~`]: 'home',
  [`${ESC}[F`]: 'end',
  [`${ESC}OF`]: 'end',
  [`${ESC}[4~`]: 'end',
  [`${ESC}[3~`]: 'delete',
  [`${ESC}[1;5C`]: 'word-right',
  [`${ESC}[1;5D`]: 'word-left',
  [`${ESC}f`]: 'word-right',
  [`${ESC}b`]: 'word-left',
};

/** Matches any CSI / SS3 / two-byte escape sequence at the start of a string. */
const ESCAPE_PATTERN = /^\x1b(?:\[[0-9;?]*[ -/]*[@-~]|O[@-~]|[^[O])?/;

export class LineEditor {
  buffer = '';
  cursor = 0;
  private readonly history: string[] = [];
  /** Index into history while browsing with ↑/↓; history.length means "the draft". */
  private historyIndex = 0;
  private draft = '';
  private tabCount = 0;

  constructor(
    readonly prompt = '$ ',
    public cols = 80,
  ) {}

  /** Entries, oldest first (for the `history` built-in). */
  get entries(): readonly string[] {
    return this.history;
  }

  /** Text that starts a fresh input line: the prompt. */
  promptText(): string {
    return this.prompt;
  }

  /** Records a line in history (skipping empty lines and immediate repeats, like bash's ignoredups). */
  remember(line: string): void {
    if (line.trim() !== '' && this.history[this.history.length - 1] !== line) this.history.push(line);
    this.historyIndex = this.history.length;
    this.draft = '';
  }

  /** Starts a new, empty line (after a command finished or ^C). */
  reset(): void {
    this.buffer = '';
    this.cursor = 0;
    this.historyIndex = this.history.length;
    this.draft = '';
    this.tabCount = 0;
  }

  /** Processes input from xterm. Stops after the first Enter; the remainder is returned in `rest`. */
  feed(data: string): FeedResult {
    const before = { buffer: this.buffer, cursor: this.cursor };
    const actions: LineAction[] = [];
    let output = '';
    let i = 0;
    const flushRedraw = () => {
      output += this.redraw(before.buffer, before.cursor);
      before.buffer = this.buffer;
      before.cursor = this.cursor;
    };
    while (i < data.length) {
      const ch = data[i];
      if (ch === ESC) {
        const match = ESCAPE_PATTERN.exec(data.slice(i));
        const seq = match ? match[0] : ESC;
        i += seq.length;
        this.tabCount = 0;
        this.key(KEY_SEQUENCES[seq]);
        continue;
      }
      i += 1;
      if (ch === '\r' || ch === '\n') {
        if (ch === '\r' && data[i] === '\n') i += 1; // CRLF in pasted text is one line end
        flushRedraw();
        const line = this.buffer;
        output += this.moveToEnd() + '\r\n';
        actions.push({ type: 'submit', line });
        this.remember(line);
        this.buffer = '';
        this.cursor = 0;
        this.tabCount = 0;
        return { output, actions, rest: data.slice(i) };
      }
      if (ch === '\t') {
        this.tabCount += 1;
        actions.push({ type: 'complete', line: this.buffer.slice(0, this.cursor), tabCount: this.tabCount });
        continue;
      }
      this.tabCount = 0;
      switch (ch) {
        case '\x03': // Ctrl+C
          flushRedraw();
          output += this.moveToEnd() + '^C\r\n';
          actions.push({ type: 'interrupt', line: this.buffer });
          this.reset();
          return { output, actions, rest: '' };
        case '\x0c': // Ctrl+L
          flushRedraw();
          actions.push({ type: 'clear-screen' });
          continue;
        case '\x7f':
        case '\b':
          if (this.cursor > 0) {
            this.buffer = this.buffer.slice(0, this.cursor - 1) + this.buffer.slice(this.cursor);
            this.cursor -= 1;
          }
          continue;
        case '\x01': // Ctrl+A
          this.cursor = 0;
          continue;
        case '\x05': // Ctrl+E
          this.cursor = this.buffer.length;
          continue;
        case '\x02': // Ctrl+B
          this.key('left');
          continue;
        case '\x06': // Ctrl+F
          this.key('right');
          continue;
        case '\x04': // Ctrl+D deletes forward (bash exits on an empty line; we have nowhere to exit to)
          this.key('delete');
          continue;
        case '\x15': // Ctrl+U: delete to start
          this.buffer = this.buffer.slice(this.cursor);
          this.cursor = 0;
          continue;
        case '\x0b': // Ctrl+K: delete to end
          this.buffer = this.buffer.slice(0, this.cursor);
          continue;
        case '\x17': {
          // Ctrl+W: delete the word before the cursor (whitespace-delimited, like bash)
          const start = wordStartBefore(this.buffer, this.cursor, /\s/);
          this.buffer = this.buffer.slice(0, start) + this.buffer.slice(this.cursor);
          this.cursor = start;
          continue;
        }
        case '\x10': // Ctrl+P
          this.key('up');
          continue;
        case '\x0e': // Ctrl+N
          this.key('down');
          continue;
      }
      if (ch < ' ') continue; // other control characters are ignored
      this.insert(ch);
    }
    flushRedraw();
    return { output, actions, rest: '' };
  }

  /** Inserts text at the cursor (completion results); returns the redraw output. */
  insertText(text: string): string {
    const before = { buffer: this.buffer, cursor: this.cursor };
    this.insert(text);
    return this.redraw(before.buffer, before.cursor);
  }

  /** Replaces the text before the cursor; returns the redraw output. */
  replaceBeforeCursor(text: string): string {
    const before = { buffer: this.buffer, cursor: this.cursor };
    this.buffer = text + this.buffer.slice(this.cursor);
    this.cursor = text.length;
    return this.redraw(before.buffer, before.cursor);
  }

  /** Output that prints `text` under the line (a completion listing), then the prompt and line again. */
  printBelow(text: string): string {
    return this.moveToEnd() + '\r\n' + text + this.reprint();
  }

  /** Output that prints the prompt and the current line again (after a listing or a clear). */
  reprint(): string {
    return this.prompt + this.buffer + this.cursorBack(this.buffer.length, this.cursor);
  }

  private insert(text: string): void {
    this.buffer = this.buffer.slice(0, this.cursor) + text + this.buffer.slice(this.cursor);
    this.cursor += text.length;
  }

  private key(name: string | undefined): void {
    switch (name) {
      case 'left':
        this.cursor = Math.max(0, this.cursor - 1);
        break;
      case 'right':
        this.cursor = Math.min(this.buffer.length, this.cursor + 1);
        break;
      case 'home':
        this.cursor = 0;
        break;
      case 'end':
        this.cursor = this.buffer.length;
        break;
      case 'delete':
        this.buffer = this.buffer.slice(0, this.cursor) + this.buffer.slice(this.cursor + 1);
        break;
      case 'word-left':
        this.cursor = wordStartBefore(this.buffer, this.cursor, /[^A-Za-z0-9]/);
        break;
      case 'word-right':
        this.cursor = wordEndAfter(this.buffer, this.cursor, /[^A-Za-z0-9]/);
        break;
      case 'up':
        if (this.historyIndex > 0) {
          if (this.historyIndex === this.history.length) this.draft = this.buffer;
          this.historyIndex -= 1;
          this.buffer = this.history[this.historyIndex];
          this.cursor = this.buffer.length;
        }
        break;
      case 'down':
        if (this.historyIndex < this.history.length) {
          this.historyIndex += 1;
          this.buffer = this.historyIndex === this.history.length ? this.draft : this.history[this.historyIndex];
          this.cursor = this.buffer.length;
        }
        break;
    }
  }

  /**
   * Output that turns the screen showing (oldBuffer, oldCursor) into the current state: go back
   * to the prompt's row, erase to the end of the screen, write prompt + line, place the cursor.
   */
  private redraw(oldBuffer: string, oldCursor: number): string {
    if (oldBuffer === this.buffer && oldCursor === this.cursor) return '';
    const width = Math.max(1, this.cols);
    const p = this.prompt.length;
    let out = '';
    const oldRow = Math.floor((p + oldCursor) / width);
    if (oldRow > 0) out += `${ESC}[${oldRow}A`;
    out += `\r${ESC}[J` + this.prompt + this.buffer;
    const end = p + this.buffer.length;
    // At an exact multiple of the width the cursor sits in xterm's pending-wrap state on the
    // previous row; a space + backspace makes it move to the next row like the math assumes.
    if (end > 0 && end % width === 0) out += ' \b';
    out += this.cursorBack(this.buffer.length, this.cursor);
    return out;
  }

  /** Output moving the cursor from the end of the line to `cursor`. */
  private cursorBack(length: number, cursor: number): string {
    if (cursor === length) return '';
    const width = Math.max(1, this.cols);
    const p = this.prompt.length;
    const endRow = Math.floor((p + length) / width);
    const target = p + cursor;
    const rowsUp = endRow - Math.floor(target / width);
    let out = rowsUp > 0 ? `${ESC}[${rowsUp}A` : '';
    out += '\r';
    if (target % width > 0) out += `${ESC}[${target % width}C`;
    return out;
  }

  /** Output moving the cursor to the end of the line (before printing a newline). */
  private moveToEnd(): string {
    if (this.cursor === this.buffer.length) return '';
    const width = Math.max(1, this.cols);
    const p = this.prompt.length;
    const rowsDown = Math.floor((p + this.buffer.length) / width) - Math.floor((p + this.cursor) / width);
    let out = rowsDown > 0 ? `${ESC}[${rowsDown}B` : '';
    out += '\r';
    const column = (p + this.buffer.length) % width;
    if (column > 0) out += `${ESC}[${column}C`;
    return out;
  }
}

function wordStartBefore(text: string, cursor: number, separator: RegExp): number {
  let i = cursor;
  while (i > 0 && separator.test(text[i - 1])) i -= 1;
  while (i > 0 && !separator.test(text[i - 1])) i -= 1;
  return i;
}

function wordEndAfter(text: string, cursor: number, separator: RegExp): number {
  let i = cursor;
  while (i < text.length && separator.test(text[i])) i += 1;
  while (i < text.length && !separator.test(text[i])) i += 1;
  return i;
}
