/** What listens on a port of a pod: the server of a running container that has not been stopped. */
import { appStateOf } from '../../images';
import type { ProcessPlan } from '../container-process';
import type { Listener } from './target';

export interface ContainerInstance {
  plan?: ProcessPlan;
  running: boolean;
  startedAt?: number;
  /** SIGTERM received: a server closes its listener then. */
  stoppedAt?: number;
}

export function listenerOn(port: number, instances: Iterable<ContainerInstance>, now: number, hostname: string): Listener | undefined {
  for (const c of instances) {
    const plan = c.plan;
    if (!c.running || !plan?.server || c.startedAt === undefined || c.stoppedAt !== undefined) continue;
    if (!(plan.ports ?? []).includes(port)) continue;
    return { server: plan.server, ctx: { uptimeMs: now - c.startedAt, state: appStateOf(plan), hostname } };
  }
  return undefined;
}
