/** Writes the Transcript into the hidden `role="log"` element, at most once per animation frame. */
import { Transcript } from './transcript';

export class TerminalMirror {
  private readonly transcript = new Transcript();
  private frame: number | undefined;

  constructor(private readonly element: HTMLElement) {}

  command(line: string): void {
    this.transcript.command(line);
    this.schedule();
  }

  output(text: string): void {
    this.transcript.output(text);
    this.schedule();
  }

  clear(): void {
    this.transcript.clear();
    this.schedule();
  }

  dispose(): void {
    if (this.frame !== undefined) cancelAnimationFrame(this.frame);
    this.frame = undefined;
  }

  private schedule(): void {
    if (this.frame !== undefined) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = undefined;
      const change = this.transcript.takeChanges();
      if (!change) return;
      if (change.replace) this.element.textContent = change.text;
      else this.element.append(document.createTextNode(change.text));
    });
  }
}
