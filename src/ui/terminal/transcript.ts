/**
 * The plain-text copy of the terminal session (commands and their output, no ANSI), kept for
 * screen readers and for end-to-end tests that read `role="log"`. Append-only so a live region
 * announces only what is new; capped so a long session does not grow the DOM without bound.
 */
export class Transcript {
  private text = '';
  private flushed = 0;
  private resetPending = false;

  constructor(private readonly maxChars = 200_000) {}

  /** A command line as typed, e.g. `$ kubectl get pods`. */
  command(line: string): void {
    this.ensureLineStart();
    this.append(`${line}\n`);
  }

  /** Output of a command (may be a partial line while streaming). */
  output(text: string): void {
    this.append(text.replace(/\r\n/g, '\n'));
  }

  clear(): void {
    this.text = '';
    this.flushed = 0;
    this.resetPending = true;
  }

  /** Everything still held. */
  get value(): string {
    return this.text;
  }

  /**
   * What changed since the last call: either text to append, or (after a clear or trimming) the
   * whole text to replace the old content with.
   */
  takeChanges(): { replace: boolean; text: string } | undefined {
    if (this.resetPending) {
      this.resetPending = false;
      this.flushed = this.text.length;
      return { replace: true, text: this.text };
    }
    if (this.flushed === this.text.length) return undefined;
    const text = this.text.slice(this.flushed);
    this.flushed = this.text.length;
    return { replace: false, text };
  }

  private ensureLineStart(): void {
    if (this.text !== '' && !this.text.endsWith('\n')) this.append('\n');
  }

  private append(text: string): void {
    this.text += text;
    if (this.text.length > this.maxChars) {
      // Drop whole lines from the front, keeping the newest output.
      const cut = this.text.indexOf('\n', this.text.length - this.maxChars);
      this.text = cut >= 0 ? this.text.slice(cut + 1) : this.text.slice(-this.maxChars);
      this.resetPending = true;
    }
  }
}
