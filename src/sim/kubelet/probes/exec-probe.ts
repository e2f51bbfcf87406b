/**
 * exec probes: the command runs in the container (CRI ExecSync) against what its main process
 * has left by now. Exit 0 is success, any other code a failure whose output is stdout+stderr
 * (kuberuntime RunInContainer appends them); a command still running at timeoutSeconds is
 * remote_runtime.go's TimeoutError, `command "…" timed out`; one that cannot start is a CRI
 * error, and the probe errors.
 */
import type { ExecResult } from '../container-process';
import { errored, failure, success, type ProbeOutcome } from './outcome';

export function execOutcome(command: string[], r: ExecResult, execId: string): ProbeOutcome {
  if (r.startError) return errored(`rpc error: code = Unknown desc = failed to exec in container: failed to start exec ${JSON.stringify(execId)}: ${r.startError}`);
  if (r.code === undefined) return failure(`command ${JSON.stringify(command.join(' '))} timed out`);
  const output = r.stdout + r.stderr;
  return r.code === 0 ? success(output) : failure(output);
}
