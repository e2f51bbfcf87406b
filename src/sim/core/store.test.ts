import { describe, expect, it } from 'vitest';
import type { KObject } from './object';
import { LOG_LIMIT, Store, type WatchEvent } from './store';

const cm = (name: string, ns = 'default'): KObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: ns } });

describe('Store', () => {
  it('bumps one global resourceVersion on every write and stamps objects', () => {
    const s = new Store();
    const a = s.create('configmaps', cm('a'));
    const b = s.create('configmaps', cm('b'));
    expect(a.metadata.resourceVersion).toBe('1');
    expect(b.metadata.resourceVersion).toBe('2');
    const a2 = s.update('configmaps', { ...a, data: { k: 'v' } });
    expect(a2.metadata.resourceVersion).toBe('3');
    expect(s.get('configmaps', 'default', 'a')).toBe(a2);
  });

  it('keeps a bounded change log however many writes a session makes (it holds whole objects)', () => {
    const s = new Store();
    const a = s.create('configmaps', cm('a'));
    for (let i = 0; i < 5_000; i++) s.update('configmaps', { ...a, data: { i: String(i) } });
    const rv = s.resourceVersion;
    expect(s.changesSince(rv - 10)?.map((e) => e.rv)).toEqual([...Array(10)].map((_, i) => rv - 9 + i));
    // No more than a watch cache's worth of copies stays alive.
    expect(LOG_LIMIT).toBeLessThanOrEqual(1_000);
    expect(s.changesSince(rv - 1_001)).toBeUndefined();
  });

  it('lists by namespace, sorted by namespace then name', () => {
    const s = new Store();
    s.create('configmaps', cm('z', 'b'));
    s.create('configmaps', cm('y', 'a'));
    s.create('configmaps', cm('x', 'b'));
    expect(s.list('configmaps').map((o) => `${o.metadata.namespace}/${o.metadata.name}`)).toEqual(['a/y', 'b/x', 'b/z']);
    expect(s.list('configmaps', 'b').map((o) => o.metadata.name)).toEqual(['x', 'z']);
  });

  it('notifies watchers and replays changes since a resourceVersion', () => {
    const s = new Store();
    const seen: WatchEvent[] = [];
    s.subscribe((e) => seen.push(e));
    const a = s.create('configmaps', cm('a'));
    s.delete('configmaps', a);
    expect(seen.map((e) => e.type)).toEqual(['ADDED', 'DELETED']);
    expect(s.changesSince(1)?.map((e) => e.type)).toEqual(['DELETED']);
    expect(s.changesSince(2)).toEqual([]);
    expect(s.get('configmaps', 'default', 'a')).toBeUndefined();
  });

  it('freezes stored objects when asked, so writers must copy', () => {
    const s = new Store(true);
    const a = s.create('configmaps', { ...cm('a'), data: { k: 'v' } });
    expect(() => {
      (a.data as Record<string, string>).k = 'changed';
    }).toThrow();
  });

  it('delivers a write made inside a handler only after the current event reached every handler', () => {
    const s = new Store();
    const order: string[] = [];
    s.subscribe((e) => {
      order.push(`first:${e.object.metadata.name}`);
      if (e.object.metadata.name === 'a') s.create('configmaps', cm('b'));
    });
    s.subscribe((e) => order.push(`second:${e.object.metadata.name}`));
    s.create('configmaps', cm('a'));
    expect(order).toEqual(['first:a', 'second:a', 'first:b', 'second:b']);
  });

  it('delivers a resource only to its own watchers and to watchers of everything, in subscription order', () => {
    const s = new Store();
    const heard: string[] = [];
    s.subscribe((e) => heard.push(`pods-watcher:${e.resource}`), 'pods');
    s.subscribe((e) => heard.push(`all:${e.resource}`));
    const stop = s.subscribe((e) => heard.push(`configmaps-watcher:${e.resource}`), 'configmaps');
    s.subscribe((e) => heard.push(`pods-watcher-2:${e.resource}`), 'pods');
    s.create('configmaps', cm('a'));
    s.create('pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' } });
    stop();
    s.create('configmaps', cm('b'));
    expect(heard).toEqual([
      'all:configmaps', 'configmaps-watcher:configmaps',
      'pods-watcher:pods', 'all:pods', 'pods-watcher-2:pods',
      'all:configmaps',
    ]);
  });

  it('skips a watcher that unsubscribes while a change is being delivered', () => {
    const s = new Store();
    const heard: string[] = [];
    let stopSecond = () => {};
    s.subscribe(() => {
      heard.push('first');
      stopSecond();
    }, 'configmaps');
    stopSecond = s.subscribe(() => heard.push('second'));
    s.create('configmaps', cm('a'));
    expect(heard).toEqual(['first']);
  });
});
