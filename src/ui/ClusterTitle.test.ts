import { describe, expect, it } from 'vitest';
import { clusterTitle } from './ClusterTitle';

const CONTROL_PLANE = { 'node-role.kubernetes.io/control-plane': '', 'kubernetes.io/hostname': 'kind-control-plane' };
const WORKER = { 'kubernetes.io/hostname': 'kind-worker' };

describe('clusterTitle', () => {
  it("counts kind's control plane and workers from the nodes' labels", () => {
    expect(clusterTitle([CONTROL_PLANE, WORKER, WORKER, WORKER])).toBe('kind cluster · 1 control plane, 3 workers');
  });

  it('uses the singular for one worker and counts unlabelled nodes as workers', () => {
    expect(clusterTitle([CONTROL_PLANE, undefined])).toBe('kind cluster · 1 control plane, 1 worker');
    expect(clusterTitle([CONTROL_PLANE, CONTROL_PLANE, WORKER, WORKER])).toBe('kind cluster · 2 control planes, 2 workers');
  });
});
