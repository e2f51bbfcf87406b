import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import type { HttpResponse } from '../../shell/container-system';
import { PodFiles } from '../fs/pod-files';
import { lookupImage, parseImageRef } from '../images';
import { LiveProcess, usesNetwork, type ProcessWorld } from './live-process';

const pod: Pod = { metadata: { name: 'client', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'busybox' }] } };

/** A world whose one server answers with the cluster's time at the moment it is asked. */
function world(clock: { now: number }, asked: number[]): ProcessWorld {
  return {
    startedAt: 1000,
    now: () => clock.now,
    network: (now) => ({
      resolve: () => '10.96.0.5',
      http: (): HttpResponse => {
        asked.push(now());
        return { status: 200, reason: 'OK', headers: [], body: `at ${clock.now}\n` };
      },
    }),
  };
}

const image = lookupImage(parseImageRef('busybox'))!;

function live(script: string, clock: { now: number }, asked: number[]): LiveProcess {
  const files = new PodFiles(pod).start(pod.spec!.containers[0], image, 1000);
  const ctx = { env: {}, startedAt: 1000, binaries: image.binaries, flavor: 'busybox' as const, hostname: 'client' };
  return new LiveProcess(['sh', '-c', script], ctx, files, world(clock, asked));
}

describe('LiveProcess', () => {
  it('asks the network at each instant of its own clock, as the cluster is then', () => {
    const clock = { now: 1000 };
    const asked: number[] = [];
    const p = live('while true; do wget -qO- http://web; sleep 1; done', clock, asked);
    expect(p.extend(1000)).toEqual({ nextAt: 1000 });
    clock.now = 3500;
    expect(p.extend(3500)).toEqual({ nextAt: 3000 });
    expect(asked).toEqual([1000, 2000, 3000]);
    // A read never runs it past the cluster's now.
    expect(p.lines(10_000).map((l) => [l.at, l.text])).toEqual([[1000, 'at 1000'], [2000, 'at 3500'], [3000, 'at 3500']]);
  });

  it('reaches its exit when the clock does', () => {
    const clock = { now: 1000 };
    const p = live('sleep 2; wget -qO- http://web; exit 3', clock, []);
    expect(p.extend(1000)).toEqual({ nextAt: 2000 });
    clock.now = 3000;
    expect(p.extend(3000)).toEqual({ exit: { at: 2000, code: 3 } });
  });

  it('is needed only by a process that names a network program', () => {
    expect(usesNetwork(['sh', '-c', 'until nslookup db; do sleep 2; done'])).toBe(true);
    expect(usesNetwork(['wget', '-qO-', 'web'])).toBe(true);
    expect(usesNetwork(['sh', '-c', 'echo curling; sleep 3600'])).toBe(false);
    expect(usesNetwork(['/usr/bin/curl-config'])).toBe(false);
  });
});
