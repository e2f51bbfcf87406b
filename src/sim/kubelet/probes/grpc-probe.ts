/**
 * grpc probes (pkg/probe/grpc): grpc.health.v1.Health/Check on podIP:port with the probe's
 * service. The dial blocks until connected, so nothing listening (or a server that does not
 * speak gRPC) is a connect timeout.
 */
import type { GRPCAction } from 'kubernetes-types/core/v1';
import { failure, secondsString, success, type ProbeOutcome } from './outcome';
import { hostPort, type ProbeTarget } from './target';

export function grpcProbe(action: GRPCAction, target: ProbeTarget, timeoutSeconds: number): ProbeOutcome {
  const addr = hostPort(target.podIP, action.port);
  const listener = target.listener(action.port);
  const answer = listener?.server.grpcHealth?.(action.service ?? '', listener.ctx, action.port);
  if (answer === undefined) return failure(`timeout: failed to connect service ${JSON.stringify(addr)} within ${secondsString(timeoutSeconds)}: context deadline exceeded`);
  if (typeof answer === 'object') {
    if (answer.code === 'Unimplemented') return failure(`error: this server does not implement the grpc health protocol (grpc.health.v1.Health): ${answer.message}`);
    return failure(`error: health rpc probe failed: rpc error: code = ${answer.code} desc = ${answer.message}`);
  }
  if (answer !== 'SERVING') return failure(`service unhealthy (responded with ${JSON.stringify(answer)})`);
  return success('service healthy');
}
