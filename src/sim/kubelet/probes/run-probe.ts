/** One probe run with whichever handler the probe has (pkg/kubelet/prober/prober.go runProbe). */
import type { Container, Probe } from 'kubernetes-types/core/v1';
import type { ProcessPlan } from '../container-process';
import { execOutcome } from './exec-probe';
import { grpcProbe } from './grpc-probe';
import { httpProbe } from './http-probe';
import { errored, type ProbeOutcome } from './outcome';
import type { ProbeTarget } from './target';
import { tcpProbe } from './tcp-probe';

export interface ProbeRun {
  probe: Probe;
  container: Container;
  target: ProbeTarget;
  plan: ProcessPlan;
  /** When the container instance started and when this run happens (virtual ms). */
  startedAt: number;
  at: number;
  /** containerd's exec id for this run (in a CRI error); made only when needed. */
  execId: () => string;
}

export function runProbe(r: ProbeRun): ProbeOutcome {
  const timeoutSeconds = r.probe.timeoutSeconds ?? 1;
  if (r.probe.exec) {
    const command = r.probe.exec.command ?? [];
    return execOutcome(command, r.plan.exec(command, r.startedAt, r.at, timeoutSeconds * 1000), r.execId());
  }
  if (r.probe.httpGet) return httpProbe(r.probe.httpGet, r.container, r.target);
  if (r.probe.tcpSocket) return tcpProbe(r.probe.tcpSocket, r.container, r.target);
  if (r.probe.grpc) return grpcProbe(r.probe.grpc, r.target, timeoutSeconds);
  return errored('missing probe handler');
}
