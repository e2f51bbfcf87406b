import { describe, it, expect } from 'vitest';
import type { UiToWorker, WorkerToUi } from '../worker/protocol';
import { WorkerClient, type WorkerPort } from './client';

class FakePort implements WorkerPort {
  sent: UiToWorker[] = [];
  private listener?: (e: MessageEvent<WorkerToUi>) => void;
  postMessage(message: UiToWorker): void {
    this.sent.push(message);
  }
  addEventListener(_type: 'message', listener: (e: MessageEvent<WorkerToUi>) => void): void {
    this.listener = listener;
  }
  emit(message: WorkerToUi): void {
    this.listener?.({ data: message } as MessageEvent<WorkerToUi>);
  }
}

describe('WorkerClient', () => {
  it('routes streamed output to its command and resolves the result', async () => {
    const port = new FakePort();
    const client = new WorkerClient(port, { hello: () => undefined, patch: () => undefined });
    let text = '';
    const { id, done } = client.request({ kind: 'kubectl', line: 'kubectl get pods' }, (t) => (text += t));
    expect(port.sent).toEqual([{ type: 'command', id, command: { kind: 'kubectl', line: 'kubectl get pods' } }]);
    port.emit({ type: 'output', id, text: 'No resources found in default namespace.\n', stream: 'stderr' });
    port.emit({ type: 'output', id: id + 1, text: 'not mine', stream: 'stdout' });
    port.emit({ type: 'result', id, ok: true, result: { kind: 'kubectl', exitCode: 0 } });
    await expect(done).resolves.toEqual({ kind: 'kubectl', exitCode: 0 });
    expect(text).toBe('No resources found in default namespace.\n');
  });

  it('rejects a command the worker failed', async () => {
    const port = new FakePort();
    const client = new WorkerClient(port, { hello: () => undefined, patch: () => undefined });
    const { id, done } = client.request({ kind: 'lesson', action: 'load', lessonId: 'nope' });
    port.emit({ type: 'result', id, ok: false, error: 'no lesson "nope"' });
    await expect(done).rejects.toThrow('no lesson "nope"');
  });

  it('hands hello and patches to the store and sends interrupts', () => {
    const port = new FakePort();
    const seen: string[] = [];
    const client = new WorkerClient(port, { hello: () => seen.push('hello'), patch: () => seen.push('patch') });
    client.connect();
    client.interrupt(7);
    port.emit({ type: 'patch', events: [], rv: 1, simTime: 0, clock: { simTime: 0, paused: false, speed: 1 } });
    expect(seen).toEqual(['patch']);
    expect(port.sent).toEqual([{ type: 'connect' }, { type: 'interrupt', id: 7 }]);
  });

  it('hands traffic batches to their handler, and drops them when there is none', () => {
    const port = new FakePort();
    const got: number[] = [];
    new WorkerClient(port, { hello: () => undefined, patch: () => undefined, traffic: (m) => got.push(m.events.length + m.skipped) });
    port.emit({ type: 'traffic', events: [{ at: 0, from: 'host', error: 'ECONNREFUSED' }], skipped: 2 });
    expect(got).toEqual([3]);
    const bare = new FakePort();
    new WorkerClient(bare, { hello: () => undefined, patch: () => undefined });
    expect(() => bare.emit({ type: 'traffic', events: [], skipped: 0 })).not.toThrow();
  });

  it('fails every unanswered command when the worker is gone', async () => {
    const port = new FakePort();
    const client = new WorkerClient(port, { hello: () => undefined, patch: () => undefined });
    const a = client.request({ kind: 'kubectl', line: 'kubectl rollout status deployment/web' });
    const b = client.request({ kind: 'ping' });
    client.failAll(new Error('the simulation stopped'));
    await expect(a.done).rejects.toThrow('the simulation stopped');
    await expect(b.done).rejects.toThrow('the simulation stopped');
    port.emit({ type: 'result', id: b.id, ok: true, result: { kind: 'ping' } });
  });
});
