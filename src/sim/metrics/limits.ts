/**
 * What a container's limits do to what its process asks for. CPU is compressible: CFS quota
 * throttles the process to its limit and never kills it. Memory is not: a working set that
 * reaches the cgroup's limit is killed by the kernel's OOM killer (SIGKILL, exit 137), which
 * the runtime reports as reason `OOMKilled` (containerd's TaskOOM event; cgroup v2 with
 * memory.oom.group kills the whole container, as kubelet 1.28+ configures it).
 */
import type { Container } from 'kubernetes-types/core/v1';
import { cpuMillis, memoryBytes } from '../core/quantity';
import type { ResourceUse } from './usage';

/** A throttled process gets a little less than its quota (the CPU task's `974m` under `1`). */
const THROTTLED_SHARE = 0.974;

export interface LimitedUse {
  /** What it uses while it runs. */
  use: ResourceUse;
  /** Set when the memory limit kills it: ms after start. */
  oomAfterMs?: number;
}

/** `rampPerSec`: how fast the process grows to what it wants (bytes per second). */
export function applyLimits(wants: ResourceUse, container: Container, rampPerSec = Infinity): LimitedUse {
  const limits = container.resources?.limits ?? {};
  const cpuLimit = limits.cpu === undefined ? Infinity : cpuMillis(limits.cpu);
  const memLimit = limits.memory === undefined ? Infinity : memoryBytes(limits.memory);
  const cpu = wants.cpuMillis > cpuLimit ? Math.floor(cpuLimit * THROTTLED_SHARE) : wants.cpuMillis;
  if (wants.memoryBytes >= memLimit) {
    const oomAfterMs = rampPerSec === Infinity ? 0 : Math.max(1, Math.ceil((memLimit / rampPerSec) * 1000));
    return { use: { cpuMillis: cpu, memoryBytes: memLimit }, oomAfterMs };
  }
  return { use: { cpuMillis: cpu, memoryBytes: wants.memoryBytes } };
}
