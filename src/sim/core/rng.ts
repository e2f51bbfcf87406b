/**
 * Seeded pseudo-random numbers (sfc32). `fork(name)` derives an independent stream per
 * component, so adding randomness to one component never shifts another's sequence.
 */
export class Rng {
  // sfc32's four words, as int32 bits: a typed array keeps them unboxed (the generator runs
  // millions of times in a big rollout and boxed doubles were garbage on every draw).
  private readonly s = new Int32Array(4);

  constructor(readonly seed: number | string) {
    const h = hash32(String(seed));
    this.s[0] = h ^ 0x9e3779b9;
    this.s[1] = hash32('b' + seed);
    this.s[2] = hash32('c' + seed);
    this.s[3] = 1;
    for (let i = 0; i < 15; i++) this.next();
  }

  fork(name: string): Rng {
    return new Rng(`${this.seed}/${name}`);
  }

  /** Uniform in [0, 1). All arithmetic is modulo 2^32, so int32 storage gives the same bits. */
  next(): number {
    const s = this.s;
    const a = s[0];
    const b = s[1];
    let c = s[2];
    const d = (s[3] + 1) | 0;
    const t = (a + b) | 0;
    s[0] = b ^ (b >>> 9);
    s[1] = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    s[3] = d;
    const r = (t + d) | 0;
    s[2] = (c + r) | 0;
    return (r >>> 0) / 4294967296;
  }

  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  string(length: number, alphabet: string): string {
    let s = '';
    for (let i = 0; i < length; i++) s += alphabet[Math.floor(this.next() * alphabet.length)];
    return s;
  }

  /**
   * A version-4 UUID from 32 draws (the same draws as `string(32, hex)`), printed in one go:
   * appending 36 characters one by one made 36 intermediate strings per object created.
   */
  uuid(): string {
    const codes = UUID_CODES;
    let at = 0;
    for (let i = 0; i < 32; i++) {
      let d = Math.floor(this.next() * 16);
      if (i === 12) d = 4;
      else if (i === 16) d = 8 | (d & 3);
      if (i === 8 || i === 12 || i === 16 || i === 20) codes[at++] = 45; // '-'
      codes[at++] = HEX_CODES[d];
    }
    return String.fromCharCode.apply(null, codes);
  }
}

const HEX_CODES = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));
const UUID_CODES: number[] = new Array(36).fill(0);

/** The alphabet Kubernetes uses for generated name suffixes (no vowels, no look-alikes). */
export const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
