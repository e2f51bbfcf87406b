/** Pure helpers for text written to the terminal. */

/** xterm needs CRLF: convert lone `\n` to `\r\n` (an existing `\r\n` stays as it is). */
export function toTerminalNewlines(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}

/** Removes ANSI escape sequences (for the plain-text mirror that tests and screen readers read). */
export function stripAnsi(text: string): string {
  // CSI sequences, OSC sequences (ended by BEL or ST), and two-byte escapes
  return text.replace(/\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-_]/g, '');
}

/** bash's `history` built-in format: the number right-aligned in 5 columns, two spaces, the line. */
export function formatHistory(entries: readonly string[]): string {
  return entries.map((line, i) => `${String(i + 1).padStart(5)}  ${line}\r\n`).join('');
}
