/** The colour family of a pod, from its STATUS column (what `kubectl get pods` shows). */
export type Tone = 'running' | 'progress' | 'error' | 'done' | 'terminating' | 'unknown';

const ERROR = /^(Init:)?(ErrImagePull|ImagePullBackOff|CrashLoopBackOff|Error|OOMKilled|CreateContainerConfigError|CreateContainerError|InvalidImageName|RunContainerError|ContainerStatusUnknown|Evicted|Failed|NodeLost|UnexpectedAdmissionError|OutOf\w+|StartError|Signal:\d+|ExitCode:\d+)$/;

export function podTone(status: string): Tone {
  if (status === 'Running') return 'running';
  if (status === 'Terminating') return 'terminating';
  if (status === 'Completed' || status === 'Succeeded') return 'done';
  if (ERROR.test(status)) return 'error';
  if (status === 'Pending' || status === 'ContainerCreating' || status === 'PodInitializing' || status === 'SchedulingGated' || status.startsWith('Init:')) return 'progress';
  return 'unknown';
}

export function emptyTones(): Record<Tone, number> {
  return { running: 0, progress: 0, error: 0, done: 0, terminating: 0, unknown: 0 };
}

const TONE_WORDS: readonly [Tone, string][] = [
  ['running', 'Running'],
  ['progress', 'Pending'],
  ['error', 'failing'],
  ['terminating', 'terminating'],
  ['done', 'completed'],
  ['unknown', 'unknown'],
];

/** "330 Running · 3 Pending": a box's pods by colour family, as the caption orders them. */
export function toneSummary(tones: Record<Tone, number>): string {
  return TONE_WORDS.filter(([t]) => tones[t] > 0)
    .map(([t, word]) => `${tones[t]} ${word}`)
    .join(' · ');
}

/**
 * A pod whose containers run but do not all pass readiness (READY `0/1` beside `Running`):
 * Services send it no traffic, so the graph marks it apart from a healthy one.
 */
export function runningNotReady(status: string, ready: string): boolean {
  const [have, want] = ready.split('/').map(Number);
  return status === 'Running' && have < want;
}
