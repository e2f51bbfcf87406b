import { describe, expect, it, vi } from 'vitest';
import { DEAD_AFTER_MS, Heartbeat, PING_MS } from './heartbeat';

describe('Heartbeat', () => {
  it('calls a worker dead only after it stopped answering for a while, and only while visible', async () => {
    vi.useFakeTimers();
    let t = 0;
    let answering = true;
    let visible = true;
    const dead = vi.fn();
    const beat = new Heartbeat(() => (answering ? Promise.resolve() : new Promise(() => undefined)), dead, () => t, () => visible);
    beat.start();
    const advance = async (ms: number) => {
      for (let i = 0; i < ms / PING_MS; i++) {
        t += PING_MS;
        await vi.advanceTimersByTimeAsync(PING_MS);
      }
    };
    await advance(10_000);
    expect(dead).not.toHaveBeenCalled();
    answering = false;
    visible = false;
    await advance(DEAD_AFTER_MS * 3);
    expect(dead).not.toHaveBeenCalled();
    visible = true;
    await advance(DEAD_AFTER_MS);
    expect(dead).not.toHaveBeenCalled();
    await advance(2 * PING_MS);
    expect(dead).toHaveBeenCalledTimes(1);
    await advance(DEAD_AFTER_MS * 2);
    expect(dead).toHaveBeenCalledTimes(1);
    vi.useRealTimers();
  });
});
