/**
 * What a container uses, as cAdvisor measures it for the kubelet's resource endpoint: CPU in
 * millicores (a rate) and memory as the working set in bytes. Images declare what their app uses
 * at rest (`ImageRepository.idle`); workloads such as `stress` declare what they ask for.
 */
export interface ResourceUse {
  cpuMillis: number;
  memoryBytes: number;
}

export const MiB = 1024 * 1024;

/** A process whose image says nothing: a shell or a sleep, well under 1 MiB of working set. */
export const QUIET: ResourceUse = { cpuMillis: 0, memoryBytes: 400 * 1024 };

export function addUse(a: ResourceUse, b: ResourceUse): ResourceUse {
  return { cpuMillis: a.cpuMillis + b.cpuMillis, memoryBytes: a.memoryBytes + b.memoryBytes };
}
