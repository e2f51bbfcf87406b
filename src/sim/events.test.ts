import { describe, it, expect } from 'vitest';
import { createCluster } from './cluster';
import type { CoreEvent } from './events';
import type { KObject } from './core/object';

describe('EventRecorder dedupe', () => {
  const cm = (c: ReturnType<typeof createCluster>, name: string): KObject => c.api.create('configmaps', 'default', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name } });

  it('bumps count for a repeat of the same object, type, reason, message and source; records anything else anew', () => {
    const c = createCluster({ workers: 1, seed: 5 });
    const a = cm(c, 'a');
    const b = cm(c, 'b');
    const rec = c.events.for({ component: 'x', host: 'h' });
    const before = c.store.count('events');
    rec(a, 'Normal', 'R', 'm');
    c.advance(2000);
    rec(a, 'Normal', 'R', 'm');
    rec(b, 'Normal', 'R', 'm'); // other object
    rec(a, 'Warning', 'R', 'm'); // other type
    rec(a, 'Normal', 'R', 'm2'); // other message
    rec(a, 'Normal', 'R', 'm', 'spec.x'); // other field path
    c.events.for({ component: 'x', host: 'other' })(a, 'Normal', 'R', 'm'); // other host
    const events = c.store.list('events', 'default') as CoreEvent[];
    expect(c.store.count('events') - before).toBe(6);
    const repeated = events.find((e) => e.involvedObject.name === 'a' && e.type === 'Normal' && e.message === 'm' && !e.involvedObject.fieldPath && e.source.host === 'h')!;
    expect(repeated.count).toBe(2);
    expect(repeated.lastTimestamp).not.toBe(repeated.firstTimestamp);
  });

  it('records anew after its source restarted (a new process, a new recorder), other sources unaffected', () => {
    const c = createCluster({ workers: 1, seed: 5 });
    const a = cm(c, 'a');
    const kubelet = c.events.for({ component: 'kubelet', host: 'h' });
    const other = c.events.for({ component: 'kubelet', host: 'h2' });
    kubelet(a, 'Normal', 'R', 'm');
    other(a, 'Normal', 'R', 'm');
    const before = c.store.count('events');
    c.events.forgetSource({ component: 'kubelet', host: 'h' });
    kubelet(a, 'Normal', 'R', 'm');
    other(a, 'Normal', 'R', 'm');
    expect(c.store.count('events') - before).toBe(1);
    const counts = (c.store.list('events', 'default') as CoreEvent[]).filter((e) => e.involvedObject.name === 'a').map((e) => `${e.source.host}:${e.count}`).sort();
    expect(counts).toEqual(['h2:2', 'h:1', 'h:1']);
  });

  it('forgets an event once it has expired, so a long session remembers live events only', () => {
    const c = createCluster({ workers: 1, seed: 5 });
    c.advance(2 * 60 * 60 * 1000);
    const base = c.events.remembered();
    const rec = c.events.for({ component: 'x' });
    for (let i = 0; i < 50; i++) rec(cm(c, `c${i}`), 'Normal', 'R', `m${i}`);
    expect(c.events.remembered()).toBe(base + 50);
    c.advance(61 * 60 * 1000);
    expect(c.events.remembered()).toBeLessThanOrEqual(base);
  });

  it('records anew once the deduped event has expired', () => {
    const c = createCluster({ workers: 1, seed: 6 });
    const a = cm(c, 'a');
    const rec = c.events.for({ component: 'x' });
    rec(a, 'Normal', 'R', 'm');
    c.advance(61 * 60_000);
    rec(a, 'Normal', 'R', 'm');
    const mine = (c.store.list('events', 'default') as CoreEvent[]).filter((e) => e.involvedObject.name === 'a');
    expect(mine.map((e) => e.count)).toEqual([1]);
  });
});
