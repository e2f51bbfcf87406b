import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { amountOf, podLimits, podRequests, quantityOf } from './pod-resources';

const ctr = (name: string, cpu: string, memory: string, restartPolicy?: string) => ({ name, image: 'x', ...(restartPolicy ? { restartPolicy } : {}), resources: { requests: { cpu, memory }, limits: { cpu, memory } } });

describe('pod requests and limits as describe node sums them', () => {
  it('adds app containers and takes the larger of them and the biggest init container', () => {
    const pod = { spec: { containers: [ctr('a', '100m', '64Mi'), ctr('b', '100m', '64Mi')], initContainers: [ctr('init', '500m', '32Mi')] } } as Pod;
    expect(quantityOf(podRequests(pod), 'cpu')).toBe('500m');
    expect(quantityOf(podRequests(pod), 'memory')).toBe('128Mi');
    expect(quantityOf(podLimits(pod), 'ephemeral-storage')).toBe('0');
  });

  it('counts native sidecars with the app containers and under the init containers after them', () => {
    const pod = { spec: { containers: [ctr('a', '100m', '10Mi')], initContainers: [ctr('side', '200m', '10Mi', 'Always'), ctr('init', '250m', '10Mi')] } } as Pod;
    // app + sidecar = 300m; init after the sidecar = 250m + 200m = 450m.
    expect(amountOf(podRequests(pod), 'cpu')).toBe(450);
    expect(quantityOf(podRequests(pod), 'memory')).toBe('20Mi');
  });

  it('keeps the format of the first term, as Quantity.Add does', () => {
    const pod = { spec: { containers: [ctr('a', '0.5', '64M'), ctr('b', '1', '1Mi')] } } as Pod;
    expect(quantityOf(podRequests(pod), 'cpu')).toBe('1500m');
    expect(quantityOf(podRequests(pod), 'memory')).toBe('65048576');
    const binaryFirst = { spec: { containers: [ctr('b', '1', '1Mi'), ctr('a', '1', '64M')] } } as Pod;
    expect(quantityOf(podRequests(binaryFirst), 'memory')).toBe('63524Ki');
    const plain = { spec: { containers: [ctr('a', '1', '128974848')] } } as Pod;
    expect(quantityOf(podRequests(plain), 'memory')).toBe('128974848');
  });

  it('adds the pod overhead', () => {
    const pod = { spec: { containers: [ctr('a', '100m', '10Mi')], overhead: { cpu: '250m' } } } as unknown as Pod;
    expect(amountOf(podRequests(pod), 'cpu')).toBe(350);
  });
});
