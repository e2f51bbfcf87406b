/**
 * A pod's effective requests and limits as `describe node` sums them: kubectl's
 * resourcehelper.PodRequestsAndLimits (staging/src/k8s.io/kubectl/pkg/util/resource/resource.go):
 * the sum of the app containers and native sidecars (init containers with restartPolicy Always),
 * or the largest init container plus the sidecars started before it if that is more, plus the
 * pod's overhead.
 */
import type { Container, Pod } from 'kubernetes-types/core/v1';
import { cpuMillis, memoryBytes } from '../../sim/core/quantity';

export interface Amounts {
  cpu: number;
  memory: number;
  storage: number;
}

const ZERO: Amounts = { cpu: 0, memory: 0, storage: 0 };

function amounts(list: Record<string, string | number> | undefined): Amounts {
  const l = list ?? {};
  return { cpu: cpuMillis(l.cpu), memory: memoryBytes(l.memory), storage: memoryBytes(l['ephemeral-storage']) };
}

const add = (a: Amounts, b: Amounts): Amounts => ({ cpu: a.cpu + b.cpu, memory: a.memory + b.memory, storage: a.storage + b.storage });
const max = (a: Amounts, b: Amounts): Amounts => ({ cpu: Math.max(a.cpu, b.cpu), memory: Math.max(a.memory, b.memory), storage: Math.max(a.storage, b.storage) });

function total(pod: Pod, of: (c: Container) => Record<string, string | number> | undefined): Amounts {
  let sum = (pod.spec?.containers ?? []).reduce((s, c) => add(s, amounts(of(c))), ZERO);
  let sidecars = ZERO;
  let inits = ZERO;
  for (const c of pod.spec?.initContainers ?? []) {
    let own = amounts(of(c));
    if (c.restartPolicy === 'Always') {
      sum = add(sum, own);
      sidecars = add(sidecars, own);
      own = sidecars;
    } else own = add(own, sidecars);
    inits = max(inits, own);
  }
  sum = max(sum, inits);
  return pod.spec?.overhead ? add(sum, amounts(pod.spec.overhead as Record<string, string>)) : sum;
}

/** Requests default to limits: the api-server copies them, so a stored pod has both. */
export function podRequests(pod: Pod): Amounts {
  return total(pod, (c) => ({ ...(c.resources?.limits ?? {}), ...(c.resources?.requests ?? {}) }));
}

export function podLimits(pod: Pod): Amounts {
  return total(pod, (c) => c.resources?.limits);
}
