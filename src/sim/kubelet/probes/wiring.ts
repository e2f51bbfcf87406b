/**
 * The pod worker's side of its probes: which instance of a container runs now, what listens
 * in the pod, events on the container, result changes back to the pod worker. Kept here so the
 * pod worker only hands over its containers.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { ProcessPlan } from '../container-process';
import type { NodeRuntime } from '../runtime';
import type { ProbeType } from './outcome';
import { listenerOn } from './listeners';
import type { HttpAnswer, HttpRequest } from '../../images';
import { answer } from '../exec/network';
import type { RunningContainer } from '../exec/sandbox';
import type { PodProbeHost } from './pod-prober';
import type { Result } from './probe-worker';

/** What the wiring reads of the pod worker's containers. */
export interface ProbedContainer {
  spec: { name: string };
  plan?: ProcessPlan;
  startedAtMs?: number;
  stoppedAt?: number;
  view: { state: object; started: boolean; containerID?: string };
  /** The instance exec reaches: its files answer HTTP for a server of files. */
  instance?: RunningContainer;
}

export function probeWiring<C extends ProbedContainer>(
  rt: NodeRuntime,
  pod: Pod,
  all: () => C[],
  byName: (name: string) => C | undefined,
  event: (c: C, reason: string, message: string) => void,
  result: (c: C, type: ProbeType, r: Result) => void,
  podIP: () => string | undefined,
): PodProbeHost {
  const hostname = pod.spec?.hostname ?? pod.metadata?.name ?? '';
  const running = (c: C) => 'running' in c.view.state;
  return {
    clock: rt.clock,
    actor: rt.actor,
    instance: (name) => {
      const c = byName(name);
      if (!c || !running(c) || !c.plan || c.startedAtMs === undefined || !c.view.containerID) return undefined;
      return { containerID: c.view.containerID, startedAt: c.startedAtMs, plan: c.plan, started: c.view.started };
    },
    target: () => {
      const ip = podIP();
      if (!ip) return undefined;
      const now = rt.clock.now();
      const listener = (port: number) => {
        const containers = all();
        const found = listenerOn(port, containers.map((c) => ({ plan: c.plan, running: running(c), startedAt: c.startedAtMs, stoppedAt: c.stoppedAt })), now, hostname);
        const instance = found && containers.find((c) => c.plan?.server === found.server && running(c))?.instance;
        if (!found || !instance) return found;
        // The same answer a wget from inside the pod gets (../exec/network.ts).
        const http = (req: HttpRequest): HttpAnswer => {
          const r = answer(instance, { method: req.method, host: ip, port, path: req.path, headers: Object.entries(req.headers) }, now, hostname);
          const headers = Object.fromEntries(r.headers);
          return { status: r.status, contentType: headers['Content-Type'] ?? '', body: r.body, headers };
        };
        return { ...found, http };
      };
      return { podIP: ip, listener, hostNetwork: !!pod.spec?.hostNetwork };
    },
    event: (name, reason, message) => {
      const c = byName(name);
      if (c) event(c, reason, message);
    },
    resultChanged: (name, type, r) => {
      const c = byName(name);
      if (c) result(c, type, r);
    },
  };
}
