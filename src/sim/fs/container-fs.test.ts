import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { lookupImage, parseImageRef } from '../images';
import { planProcess } from '../kubelet/container-process';
import { ContainerFs } from './container-fs';
import { FileJournal } from './journal';
import { PodFiles } from './pod-files';

const nginx = lookupImage(parseImageRef('nginx:1.27'))!;
const busybox = lookupImage(parseImageRef('busybox'))!;

describe('a container file system', () => {
  it('shows the image files and the kubelet-managed ones', () => {
    const pod: Pod = { metadata: { name: 'web', namespace: 'default' }, spec: { containers: [{ name: 'web', image: 'nginx' }] } };
    const fs = new PodFiles(pod, () => ({ podIPs: ['10.244.1.5'], hostIPs: [], allocatable: { cpuMillis: 0, memoryBytes: 0, ephemeralBytes: 0 }, services: [] })).start(pod.spec!.containers[0], nginx, 0).view(0);
    expect(fs.list('/usr/share/nginx/html')).toEqual(['50x.html', 'index.html']);
    expect(fs.stat('/usr/share/nginx/html/index.html')).toMatchObject({ type: 'file', size: 615 });
    expect(fs.read('/etc/hostname')).toBe('web\n');
    expect(fs.read('/etc/hosts')).toContain('# Kubernetes-managed hosts file.\n');
    expect(fs.read('/etc/hosts')).toContain('10.244.1.5\tweb\n');
    expect(fs.read('/etc/resolv.conf')).toBe('search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n');
    expect(fs.read('/etc/os-release')).toContain('PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"');
    expect(fs.list('/tmp')).toEqual([]);
  });

  it('reads the writable layer as it was at each moment', () => {
    let t = 10;
    const upper = new FileJournal();
    const fs = new ContainerFs(new Map([['/etc/motd', 'hi\n'], ['/tmp/', '']]), upper, [], () => t);
    expect(fs.write('/tmp/x', 'a\n', false)).toBeUndefined();
    t = 20;
    fs.write('/tmp/x', 'b\n', true);
    fs.remove('/etc/motd', false);
    expect(fs.read('/tmp/x')).toBe('a\nb\n');
    expect(fs.read('/etc/motd')).toBe('ENOENT');
    const before = new ContainerFs(new Map([['/etc/motd', 'hi\n'], ['/tmp/', '']]), upper, [], () => 15);
    expect(before.read('/tmp/x')).toBe('a\n');
    expect(before.read('/etc/motd')).toBe('hi\n');
    expect(fs.write('/nope/x', '', false)).toBe('ENOENT');
    expect(fs.mkdir('/data/a', true)).toBeUndefined();
    expect(fs.list('/data')).toEqual(['a']);
    expect(fs.remove('/data', false)).toBe('ENOTEMPTY');
    expect(fs.remove('/data', true)).toBeUndefined();
    expect(fs.stat('/data/a')).toBe('ENOENT');
  });

  it('gives a restarted container a fresh writable layer; an emptyDir lives with the pod', () => {
    const c = { name: 'c', image: 'busybox', volumeMounts: [{ name: 'shared', mountPath: '/data' }] };
    const pod: Pod = { metadata: { name: 'p' }, spec: { containers: [c], volumes: [{ name: 'shared', emptyDir: {} }] } };
    const files = new PodFiles(pod);
    const first = files.start(c, busybox, 0);
    first.view(5).write('/tmp/x', 'layer\n', false);
    first.view(5).write('/data/x', 'volume\n', false);
    const second = files.start(c, busybox, 100);
    expect(second.view(200).read('/tmp/x')).toBe('ENOENT');
    expect(second.view(200).read('/data/x')).toBe('volume\n');
  });

  it('journals what a main process writes, at the moment it writes it', () => {
    const writer = { name: 'writer', image: 'busybox', command: ['sh', '-c', 'while true; do date >> /html/index.html; sleep 10; done'], volumeMounts: [{ name: 'html', mountPath: '/html' }] };
    const reader = { name: 'reader', image: 'nginx', volumeMounts: [{ name: 'html', mountPath: '/usr/share/nginx/html' }] };
    const pod: Pod = { metadata: { name: 'p' }, spec: { containers: [writer, reader], volumes: [{ name: 'html', emptyDir: {} }] } };
    const files = new PodFiles(pod);
    const t0 = Date.UTC(2026, 0, 1, 9);
    planProcess(pod, writer, busybox, undefined, undefined, files.start(writer, busybox, t0));
    const nginxFiles = files.start(reader, nginx, t0);
    expect(nginxFiles.view(t0 + 25_000).read('/usr/share/nginx/html/index.html')).toBe('Thu Jan  1 09:00:00 UTC 2026\nThu Jan  1 09:00:10 UTC 2026\nThu Jan  1 09:00:20 UTC 2026\n');
    expect(nginxFiles.view(t0 + 5_000).read('/usr/share/nginx/html/index.html')).toBe('Thu Jan  1 09:00:00 UTC 2026\n');
    expect(nginxFiles.view(t0 + 5_000).list('/usr/share/nginx/html')).toEqual(['index.html']);
  });

  it('stops journaling a main process once its container stopped', () => {
    const c = { name: 'c', image: 'busybox', command: ['sh', '-c', 'while true; do echo x >> /data/log; sleep 1; done'], volumeMounts: [{ name: 'd', mountPath: '/data' }] };
    const pod: Pod = { metadata: { name: 'p' }, spec: { containers: [c], volumes: [{ name: 'd', emptyDir: {} }] } };
    const files = new PodFiles(pod);
    const inst = files.start(c, busybox, 0);
    planProcess(pod, c, busybox, undefined, undefined, inst);
    inst.stop(2_500);
    expect(files.start(c, busybox, 10_000).view(10_000).read('/data/log')).toBe('x\nx\nx\n');
  });
});

describe('a downwardAPI volume', () => {
  it('holds the files its items name', () => {
    const c = { name: 'c', image: 'busybox', volumeMounts: [{ name: 'info', mountPath: '/etc/podinfo' }] };
    const pod: Pod = {
      metadata: { name: 'p', namespace: 'default', labels: { app: 'web', tier: 'front' } },
      spec: { containers: [c], volumes: [{ name: 'info', downwardAPI: { items: [{ path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } }, { path: 'name', fieldRef: { fieldPath: 'metadata.name' } }] } }] },
    };
    const fs = new PodFiles(pod).start(c, busybox, 0).view(0);
    expect(fs.list('/etc/podinfo')).toEqual([expect.stringMatching(/^\.\.1970_01_01_00_00_00\.\d+$/), '..data', 'labels', 'name']);
    expect(fs.read('/etc/podinfo/labels')).toBe('app="web"\ntier="front"');
    expect(fs.read('/etc/podinfo/name')).toBe('p');
    // The kubelet mounts API-data volumes read-only.
    expect(fs.write('/etc/podinfo/name', 'x', false)).toBe('EROFS');
  });
});
