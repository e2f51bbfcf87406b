import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { podLimits, podRequests } from './pod-resources';

const ctr = (name: string, cpu: string, memory: string, restartPolicy?: string) => ({ name, image: 'x', ...(restartPolicy ? { restartPolicy } : {}), resources: { requests: { cpu, memory }, limits: { cpu, memory } } });

describe('pod requests and limits as describe node sums them', () => {
  it('adds app containers and takes the larger of them and the biggest init container', () => {
    const pod = { spec: { containers: [ctr('a', '100m', '64Mi'), ctr('b', '100m', '64Mi')], initContainers: [ctr('init', '500m', '32Mi')] } } as Pod;
    expect(podRequests(pod)).toEqual({ cpu: 500, memory: 128 * 1024 * 1024, storage: 0 });
    expect(podLimits(pod)).toEqual({ cpu: 500, memory: 128 * 1024 * 1024, storage: 0 });
  });

  it('counts native sidecars with the app containers and under the init containers after them', () => {
    const pod = { spec: { containers: [ctr('a', '100m', '10Mi')], initContainers: [ctr('side', '200m', '10Mi', 'Always'), ctr('init', '250m', '10Mi')] } } as Pod;
    // app + sidecar = 300m; init after the sidecar = 250m + 200m = 450m.
    expect(podRequests(pod).cpu).toBe(450);
    expect(podRequests(pod).memory).toBe(20 * 1024 * 1024);
  });

  it('adds the pod overhead', () => {
    const pod = { spec: { containers: [ctr('a', '100m', '10Mi')], overhead: { cpu: '250m' } } } as unknown as Pod;
    expect(podRequests(pod).cpu).toBe(350);
  });
});
