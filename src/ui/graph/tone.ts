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
