import { describe, expect, it } from 'vitest';
import { Clock } from './clock';

describe('Clock', () => {
  it('runs timers in (time, insertion) order and stops at the target', () => {
    const c = new Clock(0);
    const seen: string[] = [];
    c.after(20, () => seen.push('b'));
    c.after(10, () => seen.push('a1'));
    c.after(10, () => seen.push('a2'));
    c.after(30, () => seen.push('c'));
    c.advance(25);
    expect(seen).toEqual(['a1', 'a2', 'b']);
    expect(c.now()).toBe(25);
    expect(c.nextEventAt()).toBe(30);
  });

  it('runs timers scheduled by timers, including zero-delay ones in the same instant', () => {
    const c = new Clock(0);
    const seen: number[] = [];
    c.after(5, () => {
      seen.push(c.now());
      c.after(0, () => seen.push(c.now()));
      c.after(10, () => seen.push(c.now()));
    });
    c.advance(100);
    expect(seen).toEqual([5, 5, 15]);
  });

  it('cancels timers and reports idleness', () => {
    const c = new Clock(0);
    const id = c.after(5, () => {
      throw new Error('cancelled timer ran');
    });
    c.cancel(id);
    expect(c.nextEventAt()).toBeUndefined();
    c.advance(10);
    expect(c.now()).toBe(10);
  });

  it('advanceUntil stops as soon as the condition holds, or at the limit', () => {
    const c = new Clock(0);
    let done = false;
    c.after(3000, () => (done = true));
    expect(c.advanceUntil(() => done, 10_000)).toBe(true);
    expect(c.now()).toBe(3000);
    expect(c.advanceUntil(() => false, 5000)).toBe(false);
    expect(c.now()).toBe(8000);
  });

  it('formats whole-second RFC 3339 timestamps', () => {
    const c = new Clock(Date.UTC(2026, 0, 1, 9, 0, 0) + 1500);
    expect(c.timestamp()).toBe('2026-01-01T09:00:01Z');
  });

  it('runs one timer at a time with runNext, moving time to it and naming its owner', () => {
    const c = new Clock(0);
    const seen: string[] = [];
    c.after(10, () => seen.push('b'), 'scheduler');
    const cancelled = c.after(5, () => seen.push('cancelled'));
    c.after(0, () => seen.push('a'));
    c.cancel(cancelled);
    expect(c.runNext()).toEqual({ at: 0, owner: undefined });
    expect(seen).toEqual(['a']);
    expect(c.runNext(9)).toBeUndefined();
    expect(c.now()).toBe(0);
    expect(c.runNext()).toEqual({ at: 10, owner: 'scheduler' });
    expect(seen).toEqual(['a', 'b']);
    expect(c.now()).toBe(10);
    expect(c.runNext()).toBeUndefined();
  });
});
