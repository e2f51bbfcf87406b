import { describe, it, expect } from 'vitest';
import { formatHistory, stripAnsi, toTerminalNewlines } from './output';

describe('terminal output helpers', () => {
  it('converts LF to CRLF without doubling existing CRLF', () => {
    expect(toTerminalNewlines('a\nb\r\nc\n')).toBe('a\r\nb\r\nc\r\n');
    expect(toTerminalNewlines('no newline')).toBe('no newline');
  });

  it('strips ANSI sequences', () => {
    expect(stripAnsi('\x1b[1;31mError\x1b[0m: x\x1b[K')).toBe('Error: x');
    expect(stripAnsi('\x1b]0;title\x07text')).toBe('text');
  });

  it('formats history like bash', () => {
    expect(formatHistory(['kubectl get pods', 'history'])).toBe('    1  kubectl get pods\r\n    2  history\r\n');
  });
});
