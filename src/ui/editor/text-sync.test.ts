import { describe, it, expect } from 'vitest';
import { TextSync } from './text-sync';

describe('TextSync', () => {
  it('does nothing when the prop equals the model', () => {
    const s = new TextSync();
    s.seen('a.yaml', 'x');
    expect(s.shouldApply('a.yaml', 'x', 'x')).toBe(false);
  });

  it('ignores an unchanged prop while the learner types ahead of the host', () => {
    const s = new TextSync();
    s.seen('a.yaml', 'x');
    s.emitted('a.yaml', 'xy');
    expect(s.shouldApply('a.yaml', 'x', 'xy')).toBe(false);
  });

  it('ignores a late echo of an older edit', () => {
    const s = new TextSync();
    s.seen('a.yaml', '');
    s.emitted('a.yaml', 'k');
    s.emitted('a.yaml', 'ki');
    s.emitted('a.yaml', 'kin');
    expect(s.shouldApply('a.yaml', 'k', 'kin')).toBe(false);
    expect(s.shouldApply('a.yaml', 'ki', 'kin')).toBe(false);
    expect(s.shouldApply('a.yaml', 'kin', 'kin')).toBe(false);
  });

  it('applies a real external change', () => {
    const s = new TextSync();
    s.seen('a.yaml', 'original');
    s.emitted('a.yaml', 'edited');
    expect(s.shouldApply('a.yaml', 'edited', 'edited')).toBe(false);
    // the lesson resets the file
    expect(s.shouldApply('a.yaml', 'original', 'edited')).toBe(true);
  });

  it('after the host caught up, an old text coming back is an external change', () => {
    const s = new TextSync();
    s.seen('a.yaml', 'a');
    s.emitted('a.yaml', 'ab');
    expect(s.shouldApply('a.yaml', 'ab', 'ab')).toBe(false);
    expect(s.shouldApply('a.yaml', 'a', 'ab')).toBe(true);
  });

  it('marks its own writes while running them', () => {
    const s = new TextSync();
    const seen: boolean[] = [];
    s.run(() => seen.push(s.applying));
    expect(seen).toEqual([true]);
    expect(s.applying).toBe(false);
  });
});
