import { describe, expect, it } from 'vitest';
import type { ConfigMap, Pod } from 'kubernetes-types/core/v1';
import { lookupImage, parseImageRef } from '../images';
import { PodFiles } from './pod-files';

const busybox = lookupImage(parseImageRef('busybox'))!;
const NOON = Date.UTC(2026, 11, 7, 12, 0, 0);

function podWith(volumes: Pod['spec'] extends infer S ? (S extends { volumes?: infer V } ? V : never) : never, mounts: Array<{ name: string; mountPath: string; subPath?: string }>): Pod {
  return { metadata: { name: 'p', namespace: 'default', uid: 'u-1', labels: { app: 'web', tier: 'front' } }, spec: { containers: [{ name: 'c', image: 'busybox', volumeMounts: mounts }], volumes } };
}

function filesFor(pod: Pod, objects: { cm?: () => ConfigMap | undefined }) {
  const files = new PodFiles(pod, undefined, { configMap: () => objects.cm?.() });
  return files;
}

describe('configMap volumes', () => {
  it('writes a file per key through ..data, read-only, 0644', () => {
    const cm: ConfigMap = { data: { SPECIAL_LEVEL: 'very', SPECIAL_TYPE: 'charm' } };
    const pod = podWith([{ name: 'cfg', configMap: { name: 'special' } }], [{ name: 'cfg', mountPath: '/etc/config' }]);
    const files = filesFor(pod, { cm: () => cm });
    expect(files.volumes.setUp(NOON)).toEqual([]);
    const fs = files.start(pod.spec!.containers[0], busybox, NOON).view(NOON + 1000);
    expect(fs.list('/etc/config')).toEqual(['..2026_12_07_12_00_00.' + fs.readlink!('/etc/config/..data').split('.').pop(), '..data', 'SPECIAL_LEVEL', 'SPECIAL_TYPE']);
    expect(fs.read('/etc/config/SPECIAL_LEVEL')).toBe('very');
    expect(fs.readlink!('/etc/config/SPECIAL_LEVEL')).toBe('..data/SPECIAL_LEVEL');
    expect(fs.lstat!('/etc/config/SPECIAL_LEVEL')).toMatchObject({ type: 'symlink', size: 20 });
    expect(fs.stat('/etc/config/SPECIAL_LEVEL')).toMatchObject({ type: 'file', mode: 0o644, size: 4 });
    expect(fs.stat('/etc/config')).toMatchObject({ type: 'dir', mode: 0o777 });
    expect(fs.write('/etc/config/x', 'y', false)).toBe('EROFS');
  });

  it('items pick keys, paths and modes; a missing ConfigMap fails unless optional', () => {
    let cm: ConfigMap | undefined;
    const pod = podWith([{ name: 'cfg', configMap: { name: 'special', items: [{ key: 'a', path: 'sub/file', mode: 0o400 }] } }], [{ name: 'cfg', mountPath: '/cfg' }]);
    const files = filesFor(pod, { cm: () => cm });
    expect(files.volumes.setUp(NOON)).toEqual([{ volume: 'cfg', message: 'MountVolume.SetUp failed for volume "cfg" : configmap "special" not found' }]);
    cm = { data: { b: '1' } };
    expect(files.volumes.setUp(NOON)[0].message).toBe('MountVolume.SetUp failed for volume "cfg" : configmap references non-existent config key: a');
    cm = { data: { a: 'A', b: '1' } };
    expect(files.volumes.setUp(NOON)).toEqual([]);
    const fs = files.start(pod.spec!.containers[0], busybox, NOON).view(NOON);
    expect((fs.list('/cfg') as string[]).filter((n) => !n.startsWith('..'))).toEqual(['sub']);
    expect(fs.read('/cfg/sub/file')).toBe('A');
    expect(fs.stat('/cfg/sub/file')).toMatchObject({ mode: 0o400 });
    const optional = podWith([{ name: 'cfg', configMap: { name: 'gone', optional: true } }], [{ name: 'cfg', mountPath: '/cfg' }]);
    const none = filesFor(optional, {});
    expect(none.volumes.setUp(NOON)).toEqual([]);
    expect(none.start(optional.spec!.containers[0], busybox, NOON).view(NOON).list('/cfg')).toEqual([expect.stringMatching(/^\.\.2026/), '..data']);
  });

  it('a refresh shows the new data from then on; a subPath keeps the file it started with', () => {
    let cm: ConfigMap = { data: { level: 'one' } };
    const pod = podWith([{ name: 'cfg', configMap: { name: 'c' } }], [{ name: 'cfg', mountPath: '/cfg' }, { name: 'cfg', mountPath: '/etc/level', subPath: 'level' }]);
    const files = filesFor(pod, { cm: () => cm });
    files.volumes.setUp(NOON);
    const ctr = files.start(pod.spec!.containers[0], busybox, NOON);
    cm = { data: { level: 'two' } };
    files.volumes.refresh(NOON + 60_000);
    expect(ctr.view(NOON + 59_000).read('/cfg/level')).toBe('one');
    expect(ctr.view(NOON + 60_000).read('/cfg/level')).toBe('two');
    expect(ctr.view(NOON + 60_000).read('/etc/level')).toBe('one');
    expect(ctr.view(NOON + 60_000).stat('/etc/level')).toMatchObject({ type: 'file' });
  });
});

describe('downwardAPI and projected volumes', () => {
  it('labels as sorted key="value" lines, the token, ca.crt and namespace', () => {
    const pod: Pod = {
      metadata: { name: 'p', namespace: 'team', uid: 'u-1', labels: { tier: 'front', app: 'web' } },
      spec: {
        containers: [{ name: 'c', image: 'busybox', volumeMounts: [{ name: 'info', mountPath: '/info' }, { name: 'kube-api-access-abcde', mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', readOnly: true }] }],
        volumes: [
          { name: 'info', downwardAPI: { items: [{ path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } }] } },
          { name: 'kube-api-access-abcde', projected: { defaultMode: 420, sources: [
            { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
            { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
            { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
          ] } },
        ],
      },
    };
    const files = new PodFiles(pod, undefined, { configMap: (n) => (n === 'kube-root-ca.crt' ? { data: { 'ca.crt': '-----BEGIN CERTIFICATE-----\n' } } : undefined), token: () => ({ text: () => 'a.b.c' }) });
    expect(files.volumes.setUp(NOON)).toEqual([]);
    const fs = files.start(pod.spec!.containers[0], busybox, NOON).view(NOON);
    expect(fs.read('/info/labels')).toBe('app="web"\ntier="front"');
    expect(fs.read('/var/run/secrets/kubernetes.io/serviceaccount/namespace')).toBe('team');
    expect(fs.read('/var/run/secrets/kubernetes.io/serviceaccount/token')).toBe('a.b.c');
    expect(fs.read('/var/run/secrets/kubernetes.io/serviceaccount/ca.crt')).toContain('BEGIN CERTIFICATE');
    expect(fs.stat('/var/run/secrets/kubernetes.io/serviceaccount')).toMatchObject({ mode: 0o1777 });
  });
});

describe('emptyDir usage', () => {
  it('counts whole 4 KiB blocks per file and directory, as du does', async () => {
    const { FileJournal } = await import('./journal');
    const j = new FileJournal();
    j.record('/a', { at: 10, kind: 'file', content: 'x'.repeat(5000), mode: 0o644 });
    j.record('/d', { at: 10, kind: 'dir' });
    j.record('/a', { at: 20, kind: 'gone' });
    expect(j.usedBytes(5)).toBe(0);
    expect(j.usedBytes(10)).toBe(8192 + 4096);
    expect(j.usedBytes(20)).toBe(4096);
  });
});
