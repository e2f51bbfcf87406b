import { describe, it, expect } from 'vitest';
import { SlotAllocator } from './slots';

const slotsOf = (r: Map<string, { box: string; slot: number }>) => Object.fromEntries([...r].map(([k, v]) => [k, `${v.box}:${v.slot}`]));

describe('SlotAllocator', () => {
  it('gives newcomers the lowest free slots in order', () => {
    const a = new SlotAllocator();
    expect(slotsOf(a.assign(new Map([['w1', ['a', 'b', 'c']]])))).toEqual({ a: 'w1:0', b: 'w1:1', c: 'w1:2' });
  });

  it('keeps every remaining item in its slot when one leaves, and reuses the hole', () => {
    const a = new SlotAllocator();
    a.assign(new Map([['w1', ['a', 'b', 'c']]]));
    expect(slotsOf(a.assign(new Map([['w1', ['a', 'c']]])))).toEqual({ a: 'w1:0', c: 'w1:2' });
    expect(a.extent('w1')).toBe(3);
    expect(slotsOf(a.assign(new Map([['w1', ['a', 'c', 'd']]])))).toEqual({ a: 'w1:0', c: 'w1:2', d: 'w1:1' });
  });

  it('frees the slot when an item moves to another box', () => {
    const a = new SlotAllocator();
    a.assign(new Map([['pending', ['a', 'b']]]));
    const r = a.assign(new Map([['pending', ['b']], ['w2', ['a']]]));
    expect(slotsOf(r)).toEqual({ b: 'pending:1', a: 'w2:0' });
    expect(slotsOf(a.assign(new Map([['pending', ['b', 'c']], ['w2', ['a']]])))).toEqual({ b: 'pending:1', c: 'pending:0', a: 'w2:0' });
  });

  it('reports an empty box as needing no slots', () => {
    const a = new SlotAllocator();
    a.assign(new Map([['w1', ['a']]]));
    a.assign(new Map([['w1', []]]));
    expect(a.extent('w1')).toBe(0);
  });
});
