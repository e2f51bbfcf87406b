/**
 * What the learner types into a running command (KubectlIO.terminal): lines arrive from the UI
 * (`input` messages) and wait here until the command reads them. The first read tells the UI
 * (`reading`), which from then on sends typed lines here instead of keeping them for the prompt.
 */
export class TypedInput {
  private buffer = '';
  private ended = false;
  private told = false;

  constructor(private readonly onFirstRead: () => void) {}

  /** Text typed since the last call ('' if none); undefined once Ctrl+D ended the input. */
  read(): string | undefined {
    if (!this.told) {
      this.told = true;
      this.onFirstRead();
    }
    if (this.buffer) {
      const text = this.buffer;
      this.buffer = '';
      return text;
    }
    return this.ended ? undefined : '';
  }

  /** A typed line, or null for Ctrl+D. */
  push(text: string | null): void {
    if (text === null) this.ended = true;
    else this.buffer += text;
  }
}
