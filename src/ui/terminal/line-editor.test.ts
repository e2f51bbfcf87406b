import { describe, it, expect } from 'vitest';
import { LineEditor } from './line-editor';

const LEFT = '\x1b[D';
const RIGHT = '\x1b[C';
const UP = '\x1b[A';
const DOWN = '\x1b[B';
const HOME = '\x1b[H';
const END = '\x1b[F';
const DEL = '\x1b[3~';
const BACKSPACE = '\x7f';

function typed(editor: LineEditor, ...inputs: string[]) {
  for (const input of inputs) editor.feed(input);
  return { buffer: editor.buffer, cursor: editor.cursor };
}

describe('LineEditor editing', () => {
  it('inserts typed characters and echoes the redrawn line', () => {
    const e = new LineEditor();
    const r = e.feed('ls');
    expect(r.output).toBe('\r\x1b[J$ ls');
    expect(r.actions).toEqual([]);
    expect(e.buffer).toBe('ls');
  });

  it('moves with arrows, Home, End and inserts in the middle', () => {
    const e = new LineEditor();
    expect(typed(e, 'kubectl gt', LEFT, 'e')).toEqual({ buffer: 'kubectl get', cursor: 10 });
    expect(typed(e, HOME, '#')).toEqual({ buffer: '#kubectl get', cursor: 1 });
    expect(typed(e, END, '!')).toEqual({ buffer: '#kubectl get!', cursor: 13 });
    expect(typed(e, RIGHT)).toEqual({ buffer: '#kubectl get!', cursor: 13 });
  });

  it('Backspace and Delete remove around the cursor', () => {
    const e = new LineEditor();
    expect(typed(e, 'abcd', LEFT, LEFT, BACKSPACE)).toEqual({ buffer: 'acd', cursor: 1 });
    expect(typed(e, DEL)).toEqual({ buffer: 'ad', cursor: 1 });
    expect(typed(e, HOME, BACKSPACE)).toEqual({ buffer: 'ad', cursor: 0 });
    expect(typed(e, END, DEL)).toEqual({ buffer: 'ad', cursor: 2 });
  });

  it('places the cursor back with a relative move after a mid-line edit', () => {
    const e = new LineEditor();
    e.feed('abc');
    const r = e.feed(LEFT);
    expect(r.output).toBe('\r\x1b[J$ abc\r\x1b[4C');
  });

  it('supports readline keys Ctrl+A/E/U/K/W', () => {
    const e = new LineEditor();
    expect(typed(e, 'get pods now', '\x17')).toEqual({ buffer: 'get pods ', cursor: 9 });
    expect(typed(e, '\x01', '\x0b')).toEqual({ buffer: '', cursor: 0 });
    expect(typed(e, 'abc', LEFT, '\x15')).toEqual({ buffer: 'c', cursor: 0 });
    expect(typed(e, '\x05', 'd')).toEqual({ buffer: 'cd', cursor: 2 });
  });

  it('ignores unknown escape sequences and control characters', () => {
    const e = new LineEditor();
    expect(typed(e, 'a', '\x1b[15~', '\x07', 'b')).toEqual({ buffer: 'ab', cursor: 2 });
  });
});

describe('LineEditor submit and paste', () => {
  it('submits on Enter and starts an empty line', () => {
    const e = new LineEditor();
    e.feed('kubectl get pods');
    const r = e.feed('\r');
    expect(r.actions).toEqual([{ type: 'submit', line: 'kubectl get pods' }]);
    expect(r.output).toBe('\r\n');
    expect(e.buffer).toBe('');
  });

  it('moves to the end of the line before the newline when the cursor is mid-line', () => {
    const e = new LineEditor();
    e.feed('abc');
    e.feed(HOME);
    expect(e.feed('\r').output).toBe('\r\x1b[5C\r\n');
  });

  it('splits a multi-line paste: the first line is submitted, the rest returned', () => {
    const e = new LineEditor();
    const r = e.feed('kubectl get pods\r\nkubectl get nodes\nls');
    expect(r.actions).toEqual([{ type: 'submit', line: 'kubectl get pods' }]);
    expect(r.rest).toBe('kubectl get nodes\nls');
    const r2 = e.feed(r.rest);
    expect(r2.actions).toEqual([{ type: 'submit', line: 'kubectl get nodes' }]);
    const r3 = e.feed(r2.rest);
    expect(r3.actions).toEqual([]);
    expect(e.buffer).toBe('ls');
  });
});

describe('LineEditor history', () => {
  it('walks history with ↑/↓ and restores the draft', () => {
    const e = new LineEditor();
    e.feed('one\r');
    e.feed('two\r');
    e.feed('dra');
    expect(typed(e, UP)).toEqual({ buffer: 'two', cursor: 3 });
    expect(typed(e, UP)).toEqual({ buffer: 'one', cursor: 3 });
    expect(typed(e, UP)).toEqual({ buffer: 'one', cursor: 3 });
    expect(typed(e, DOWN)).toEqual({ buffer: 'two', cursor: 3 });
    expect(typed(e, DOWN)).toEqual({ buffer: 'dra', cursor: 3 });
    expect(typed(e, DOWN)).toEqual({ buffer: 'dra', cursor: 3 });
  });

  it('skips empty lines and immediate duplicates', () => {
    const e = new LineEditor();
    for (const line of ['a', 'a', '', '  ', 'b', 'a']) e.feed(line + '\r');
    expect(e.entries).toEqual(['a', 'b', 'a']);
  });

  it('the edited history line can be submitted', () => {
    const e = new LineEditor();
    e.feed('kubectl get pods\r');
    e.feed(UP);
    const r = e.feed(' -o wide\r');
    expect(r.actions).toEqual([{ type: 'submit', line: 'kubectl get pods -o wide' }]);
  });
});

describe('LineEditor control keys', () => {
  it('Ctrl+C prints ^C, clears the line and drops the rest of the input', () => {
    const e = new LineEditor();
    e.feed('kubectl get');
    const r = e.feed('\x03more');
    expect(r.output).toBe('^C\r\n');
    expect(r.actions).toEqual([{ type: 'interrupt', line: 'kubectl get' }]);
    expect(r.rest).toBe('');
    expect(e.buffer).toBe('');
  });

  it('Ctrl+L asks for a screen clear and keeps the line', () => {
    const e = new LineEditor();
    e.feed('abc');
    const r = e.feed('\x0c');
    expect(r.actions).toEqual([{ type: 'clear-screen' }]);
    expect(e.buffer).toBe('abc');
    expect(e.reprint()).toBe('$ abc');
  });

  it('Tab reports the text before the cursor and counts repeated Tabs', () => {
    const e = new LineEditor();
    e.feed('kubectl get po');
    expect(e.feed('\t').actions).toEqual([{ type: 'complete', line: 'kubectl get po', tabCount: 1 }]);
    expect(e.feed('\t').actions).toEqual([{ type: 'complete', line: 'kubectl get po', tabCount: 2 }]);
    e.feed('d');
    expect(e.feed('\t').actions).toEqual([{ type: 'complete', line: 'kubectl get pod', tabCount: 1 }]);
  });

  it('printBelow lists under the line and reprints prompt and line with the cursor in place', () => {
    const e = new LineEditor();
    e.feed('kubectl get po');
    e.feed(LEFT);
    expect(e.printBelow('pods  podtemplates\r\n')).toBe(
      '\r\x1b[16C\r\npods  podtemplates\r\n$ kubectl get po\r\x1b[15C',
    );
  });

  it('replaceBeforeCursor keeps the text after the cursor', () => {
    const e = new LineEditor();
    e.feed('kubectl get po -o wide');
    for (let i = 0; i < 8; i += 1) e.feed(LEFT);
    e.replaceBeforeCursor('kubectl get pods ');
    expect(e.buffer).toBe('kubectl get pods  -o wide');
    expect(e.cursor).toBe('kubectl get pods '.length);
  });
});

describe('LineEditor wrapping', () => {
  it('redraws from the prompt row when the line wraps', () => {
    const e = new LineEditor('$ ', 10);
    e.feed('abcdefghijk'); // 13 cells: two rows
    const r = e.feed('l');
    // the cursor was on row 1: go up one row, redraw everything
    expect(r.output).toBe('\x1b[1A\r\x1b[J$ abcdefghijkl');
  });

  it('handles the pending-wrap column at an exact multiple of the width', () => {
    const e = new LineEditor('$ ', 10);
    const r = e.feed('abcdefgh'); // exactly 10 cells
    expect(r.output).toBe('\r\x1b[J$ abcdefgh \b');
  });

  it('moves the cursor across rows', () => {
    const e = new LineEditor('$ ', 10);
    e.feed('abcdefghijk');
    const r = e.feed(HOME);
    expect(r.output).toBe('\x1b[1A\r\x1b[J$ abcdefghijk\x1b[1A\r\x1b[2C');
  });
});
