/**
 * The one seam between `kubectl exec -it` and the learner's terminal. A host with a terminal
 * (the Web Worker's session, src/worker/) passes `terminal` in KubectlIO: kubectl hands every
 * chunk typed (a line ends with `\n`) to the remote shell and Ctrl+D to its end of input, until
 * the process ends. Without one (the headless runner, a pipe), `-t` is refused as kubectl does
 * when its input is no terminal. Integrator: map the shell track's terminal input onto this.
 */
import type { KubectlIO } from '../types';

export interface ExecTerminal {
  /**
   * Starts handing input to `onInput` (text typed, lines ending in `\n`) and `onEof` (Ctrl+D);
   * returns the function that stops it.
   */
  attach(onInput: (text: string) => void, onEof: () => void): () => void;
}

/** The host's terminal, if it has one. */
export function terminalOf(io: KubectlIO): ExecTerminal | undefined {
  return (io as KubectlIO & { terminal?: ExecTerminal }).terminal;
}
