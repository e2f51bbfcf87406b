/**
 * What a pod asks of a node: resource requests (the max of the containers' sum and any one
 * init container, plus overhead), the "non-zero" requests the scorers use (100m / 200Mi for a
 * container that requests nothing), and host ports.
 */
import type { Pod, Container } from 'kubernetes-types/core/v1';
import { cpuMillis, memoryBytes } from '../core/quantity';

export interface PodRequest {
  cpu: number; // millicores
  memory: number; // bytes
  nonZeroCpu: number;
  nonZeroMemory: number;
  /** `<protocol>/<hostIP>/<hostPort>` of every container port with a hostPort. */
  hostPorts: string[];
}

export const DEFAULT_MILLI_CPU_REQUEST = 100;
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

type Quantities = Record<string, string | number> | undefined;

function request(c: Container, resource: 'cpu' | 'memory'): number | undefined {
  const req = c.resources?.requests as Quantities;
  const lim = c.resources?.limits as Quantities;
  // The api-server copies a missing request from the limit; do the same in case it did not.
  const q = req?.[resource] ?? lim?.[resource];
  if (q === undefined) return undefined;
  return resource === 'cpu' ? cpuMillis(q) : memoryBytes(q);
}

export function podRequest(pod: Pod): PodRequest {
  const spec = pod.spec;
  let cpu = 0;
  let memory = 0;
  let nonZeroCpu = 0;
  let nonZeroMemory = 0;
  const hostPorts: string[] = [];
  for (const c of spec?.containers ?? []) {
    const rc = request(c, 'cpu');
    const rm = request(c, 'memory');
    cpu += rc ?? 0;
    memory += rm ?? 0;
    nonZeroCpu += rc ?? DEFAULT_MILLI_CPU_REQUEST;
    nonZeroMemory += rm ?? DEFAULT_MEMORY_REQUEST;
    for (const p of c.ports ?? []) {
      if (p.hostPort) hostPorts.push(`${p.protocol ?? 'TCP'}/${p.hostIP ?? '0.0.0.0'}/${p.hostPort}`);
    }
  }
  // Sidecars (restartPolicy Always init containers) add to the sum; others take the max.
  let sidecarCpu = 0;
  let sidecarMemory = 0;
  for (const c of spec?.initContainers ?? []) {
    const rc = request(c, 'cpu') ?? 0;
    const rm = request(c, 'memory') ?? 0;
    if (c.restartPolicy === 'Always') {
      sidecarCpu += rc;
      sidecarMemory += rm;
      cpu += rc;
      memory += rm;
      nonZeroCpu += rc;
      nonZeroMemory += rm;
      continue;
    }
    cpu = Math.max(cpu, rc + sidecarCpu);
    memory = Math.max(memory, rm + sidecarMemory);
  }
  const overhead = spec?.overhead as Quantities;
  if (overhead) {
    cpu += cpuMillis(overhead.cpu);
    memory += memoryBytes(overhead.memory);
  }
  return { cpu, memory, nonZeroCpu, nonZeroMemory, hostPorts };
}
