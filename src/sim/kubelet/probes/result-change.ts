/**
 * What a changed probe result does to a running container (the kubelet's results managers):
 * readiness sets `ready`, a startup success sets `started`, a liveness or startup failure kills
 * it (kuberuntime: preStop, SIGTERM, the probe's grace or the pod's, then SIGKILL).
 */
import type { Container } from 'kubernetes-types/core/v1';
import type { ContainerView } from '../pod-status';
import type { ProbeType } from './outcome';
import type { Result } from './probe-worker';

export interface Probed {
  spec: Container;
  init: boolean;
  sidecar: boolean;
  view: ContainerView;
}

/** Applies the result to the status: 'started' when a startup probe passed, 'kill' for a failed liveness or startup probe. */
export function applyProbeResult(c: Probed, type: ProbeType, result: Result): 'started' | 'kill' | undefined {
  if (type === 'Readiness') {
    c.view.ready = result === 'success' && c.view.started;
    return undefined;
  }
  if (type === 'Startup' && result === 'success') {
    c.view.started = true;
    c.view.ready = !c.spec.readinessProbe && (!c.init || c.sidecar);
    return 'started';
  }
  return result === 'failure' ? 'kill' : undefined;
}

/** The kill's grace period and the Killing event's message. */
export function probeKill(c: Probed, type: ProbeType, restart: boolean, podGraceS: number): { graceS: number; message: string } {
  const which = type === 'Liveness' ? 'liveness' : 'startup';
  const probe = which === 'liveness' ? c.spec.livenessProbe : c.spec.startupProbe;
  return { graceS: probe?.terminationGracePeriodSeconds ?? podGraceS, message: `Container ${c.spec.name} failed ${which} probe${restart ? ', will be restarted' : ''}` };
}
