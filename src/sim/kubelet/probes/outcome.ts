/**
 * What one probe run found, as pkg/probe's probers return it: a result (probe.Success,
 * Warning, Failure, Unknown), the output the kubelet puts into its event, and an error when
 * the prober itself failed (the kubelet then throws the result away: "probe errored").
 */
export type ProbeResult = 'success' | 'warning' | 'failure' | 'unknown';

export interface ProbeOutcome {
  result: ProbeResult;
  output: string;
  /** Set when the probe could not be run (e.g. an unknown named port, exec that cannot start). */
  error?: string;
}

export type ProbeType = 'Liveness' | 'Readiness' | 'Startup';

export const success = (output = ''): ProbeOutcome => ({ result: 'success', output });
export const failure = (output: string): ProbeOutcome => ({ result: 'failure', output });
export const errored = (error: string): ProbeOutcome => ({ result: 'unknown', output: '', error });

/** Go's time.Duration.String() for whole seconds (timeouts): `1s`, `1m30s`. */
export function secondsString(s: number): string {
  if (s === 0) return '0s';
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  return `${h ? `${h}h` : ''}${h || m ? `${m}m` : ''}${sec}s`;
}
