import { describe, expect, it } from 'vitest';
import { qosClass } from './qos';

const c = (requests?: Record<string, string | number>, limits?: Record<string, string | number>) => ({ name: 'c', image: 'nginx', resources: { requests, limits } });

describe('qosClass (ComputePodQOS)', () => {
  it('is BestEffort with no cpu or memory anywhere (other resources do not count)', () => {
    expect(qosClass({ containers: [{ name: 'c' }] })).toBe('BestEffort');
    expect(qosClass({ containers: [c({ 'ephemeral-storage': '1Gi' }, { 'nvidia.com/gpu': '1' })] })).toBe('BestEffort');
    expect(qosClass({ containers: [c({ cpu: '0' })] })).toBe('BestEffort');
    expect(qosClass(undefined)).toBe('BestEffort');
  });

  it('is Guaranteed when every container limits both and requests equal limits as quantities', () => {
    expect(qosClass({ containers: [c({ cpu: '1', memory: '1Gi' }, { cpu: '1000m', memory: '1024Mi' })] })).toBe('Guaranteed');
    expect(qosClass({ containers: [c(undefined, { cpu: 0.5, memory: '128Mi' })] })).toBe('Burstable'); // no requests: not yet defaulted
    expect(qosClass({ containers: [c({ cpu: '500m', memory: '128Mi' }, { cpu: 0.5, memory: '128Mi' })] })).toBe('Guaranteed');
  });

  it('is Burstable otherwise, init containers included', () => {
    expect(qosClass({ containers: [c({ cpu: '100m' })] })).toBe('Burstable');
    expect(qosClass({ containers: [c({ cpu: '1', memory: '1Gi' }, { cpu: '2', memory: '1Gi' })] })).toBe('Burstable');
    const both = c({ cpu: '1', memory: '1Gi' }, { cpu: '1', memory: '1Gi' });
    expect(qosClass({ containers: [both], initContainers: [c({ cpu: '1' }, { cpu: '1' })] })).toBe('Burstable');
    expect(qosClass({ containers: [both, { name: 'd' }] })).toBe('Burstable');
  });

  it('ignores malformed input, as admission sees it before validation', () => {
    expect(qosClass({ containers: ['x', null, { resources: 'no' }, c({ cpu: 'abc' })] } as never)).toBe('BestEffort');
  });
});
