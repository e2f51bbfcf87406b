import type { Volume } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { NodeFilesystems } from './node-files';
import { hostPathTypeError, nodeVolume, nodeVolumeFacts } from './node-volumes';

function facts(nodes: NodeFilesystems, node = 'kind-worker', claims: Record<string, string> = {}) {
  const pvs: Record<string, unknown> = { 'pv-1': { spec: { hostPath: { path: '/var/local-path-provisioner/pvc-1_default_c' } } } };
  return nodeVolumeFacts(nodes, node, () => 1000, (resource, _ns, name) => (resource === 'persistentvolumeclaims' ? (claims[name] ? { spec: { volumeName: claims[name] } } : undefined) : pvs[name]));
}

describe('node volumes', () => {
  it('a hostPath is the node folder: made on mount, shared by mounts on that node only', () => {
    const nodes = new NodeFilesystems();
    const v: Volume = { name: 'h', hostPath: { path: '/mnt/data', type: 'DirectoryOrCreate' } };
    const a = nodeVolume(v, 'default', facts(nodes))!;
    a.record('/index.html', { at: 1000, kind: 'file', content: 'hi', mode: 0o644 });
    expect(nodes.of('kind-worker').at('/mnt/data', 1000)?.kind).toBe('dir');
    expect(nodeVolume(v, 'default', facts(nodes))!.at('/index.html', 1000)).toMatchObject({ content: 'hi' });
    expect(nodeVolume(v, 'default', facts(nodes, 'kind-worker2'))!.at('/index.html', 1000)).toBeUndefined();
  });

  it("a claim's volume is its PV's folder", () => {
    const nodes = new NodeFilesystems();
    const j = nodeVolume({ name: 'd', persistentVolumeClaim: { claimName: 'c' } }, 'default', facts(nodes, 'kind-worker', { c: 'pv-1' }))!;
    j.record('/f', { at: 1000, kind: 'file', content: 'x', mode: 0o644 });
    expect(nodes.of('kind-worker').at('/var/local-path-provisioner/pvc-1_default_c/f', 1000)).toMatchObject({ content: 'x' });
    expect(nodeVolume({ name: 'd', persistentVolumeClaim: { claimName: 'unbound' } }, 'default', facts(nodes))).toBeUndefined();
  });

  it('checks the hostPath type as the kubelet does', () => {
    const nodes = new NodeFilesystems();
    const f = facts(nodes);
    expect(hostPathTypeError({ name: 'h', hostPath: { path: '/x', type: 'Directory' } }, f)).toBe('hostPath type check failed: /x is not a directory');
    nodes.of('kind-worker').record('/x', { at: 0, kind: 'dir' });
    expect(hostPathTypeError({ name: 'h', hostPath: { path: '/x', type: 'Directory' } }, f)).toBeUndefined();
    expect(hostPathTypeError({ name: 'h', hostPath: { path: '/x', type: 'File' } }, f)).toBe('hostPath type check failed: /x is not a file');
    expect(hostPathTypeError({ name: 'h', hostPath: { path: '/y', type: 'DirectoryOrCreate' } }, f)).toBeUndefined();
  });
});
