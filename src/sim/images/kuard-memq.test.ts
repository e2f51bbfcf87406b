import { describe, expect, it } from 'vitest';
import { memqAnswer } from './kuard-memq';
import type { AppState, HttpRequest } from './types';

function client(state: AppState = {}) {
  return (method: string, path: string, body?: string) => memqAnswer({ method, path: `/memq/server${path}`, headers: {}, body, uptimeMs: 0, state, hostname: 'queue-abc', now: 1767258600250 /* 2026-01-01T09:10:00.250Z */ } as HttpRequest);
}

describe("kuard's memq server", () => {
  it('creates a queue, enqueues, dequeues in order and answers 204 when empty', () => {
    const q = client();
    expect(q('PUT', '/queues/keygen')).toMatchObject({ status: 200, body: '' });
    expect(q('PUT', '/queues/keygen')).toMatchObject({ status: 400, body: 'already exists\n' });
    const m = JSON.parse(q('POST', '/queues/keygen/enqueue', 'work-item-0')!.body);
    expect(m).toMatchObject({ kind: 'message', body: 'work-item-0', creationTimestamp: '2026-01-01T09:10:00.25Z' });
    expect(m.id).toMatch(/^[0-9a-f]{32}$/);
    q('POST', '/queues/keygen/enqueue', 'work-item-1');
    expect(JSON.parse(q('POST', '/queues/keygen/dequeue')!.body).body).toBe('work-item-0');
    expect(q('GET', '/stats')!.body).toBe('{"kind":"stats","queues":[{"name":"keygen","depth":1,"enqueued":2,"dequeued":1,"drained":0}]}\n');
    q('POST', '/queues/keygen/drain');
    expect(q('POST', '/queues/keygen/dequeue')).toMatchObject({ status: 204, body: '' });
    expect(q('GET', '/stats')!.body).toContain('"depth":0,"enqueued":2,"dequeued":1,"drained":1');
  });

  it("answers a missing queue with broker's error, other methods with httprouter's 405, other paths not at all", () => {
    const q = client();
    expect(q('POST', '/queues/nope/dequeue')).toMatchObject({ status: 400, body: 'does not exist\n' });
    expect(q('DELETE', '/queues/nope')).toMatchObject({ status: 400, body: 'does not exist\n' });
    expect(q('GET', '/queues/nope/dequeue')).toMatchObject({ status: 405, body: 'Method Not Allowed\n' });
    expect(memqAnswer({ method: 'GET', path: '/healthy', headers: {}, uptimeMs: 0, state: {} })).toBeUndefined();
  });
});
