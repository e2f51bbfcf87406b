/**
 * The terminal side of `kubectl exec -it` and `kubectl attach -it`: what the learner types goes
 * to the remote process, Ctrl+D to its end of input; the command waits until the process ends,
 * and Ctrl+C (or a headless host's patience, `UNATTENDED_MS`) closes the stream.
 */
import type { RemoteProcess } from '../client';
import type { TerminalInput, Wait } from '../types';

/** How long a headless host lets a session run before pressing Ctrl+C (`while true` loops). */
export const UNATTENDED_MS = 10 * 60_000;

/** `pollMs`: how often to look for typed input when nothing else happens (an attached shell waits for it). */
export function* followRemote(proc: RemoteProcess, terminal: TerminalInput | undefined, pollMs?: number): Generator<Wait, void, boolean> {
  let eof = false;
  const pump = (): boolean => {
    if (terminal && !eof && proc.exitCode === undefined) {
      const text = terminal.read();
      if (text === undefined) {
        eof = true;
        proc.closeStdin();
      } else if (text) proc.write(text);
    }
    return proc.exitCode !== undefined;
  };
  if (pump()) return;
  const ended: boolean = yield { until: pump, timeoutMs: Infinity, unattendedMs: UNATTENDED_MS, ...(pollMs ? { pollMs } : {}) };
  if (!ended) proc.close();
}
