/** tcpSocket probes (pkg/probe/tcp): success when something accepts the connection. */
import type { Container, TCPSocketAction } from 'kubernetes-types/core/v1';
import { errored, failure, success, type ProbeOutcome } from './outcome';
import { resolvePort } from './port';
import { hostPort, reachesPod, type ProbeTarget } from './target';

export function tcpProbe(action: TCPSocketAction, container: Container, target: ProbeTarget): ProbeOutcome {
  const port = resolvePort(action.port, container);
  if (typeof port !== 'number') return errored(port.error);
  const host = action.host || target.podIP;
  if (reachesPod(action.host, target) && target.listener(port)) return success();
  return failure(`dial tcp ${hostPort(host, port)}: connect: connection refused`);
}
