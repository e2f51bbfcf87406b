/**
 * Go's `encoding/base64.StdEncoding`, which encoding/json uses for `[]byte` fields (a Secret's
 * `data`, a ConfigMap's `binaryData`): padded, `\r` and `\n` skipped, and the first bad byte
 * reported as `illegal base64 data at input byte N` (base64.CorruptInputError).
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DECODE = new Map([...ALPHABET].map((c, i) => [c.charCodeAt(0), i]));
const PAD = 61; // '='
const isNewline = (c: number) => c === 10 || c === 13;

export function encodeBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b, c] = [bytes[i], bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63];
    out += b === undefined ? '=' : ALPHABET[(n >> 6) & 63];
    out += c === undefined ? '=' : ALPHABET[n & 63];
  }
  return out;
}

/** base64 of a text's UTF-8 bytes: what `[]byte(s)` serializes to. */
export function encodeBase64Text(text: string): string {
  return encodeBase64(new TextEncoder().encode(text));
}

/** The JWT alphabet without padding (RFC 7515 base64url), of bytes or UTF-8 text. */
export function encodeBase64Url(data: Uint8Array | string): string {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  return encodeBase64(bytes).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
}

export class Base64Error extends Error {
  constructor(readonly offset: number) {
    super(`illegal base64 data at input byte ${offset}`);
  }
}

/** Decodes as Go's StdEncoding.DecodeString; throws Base64Error at the first bad byte. */
export function decodeBase64(text: string): Uint8Array {
  // Go works on bytes: a non-ASCII character is more than one, and never valid.
  const src = new TextEncoder().encode(text);
  const out: number[] = [];
  let si = 0;
  while (si < src.length) {
    const quantum: number[] = [];
    let j = 0;
    let done = false;
    for (; j < 4; j++) {
      if (si === src.length) {
        if (j === 0) return Uint8Array.from(out);
        // A final group without its padding.
        throw new Base64Error(si - j);
      }
      const c = src[si++];
      const v = DECODE.get(c);
      if (v !== undefined) {
        quantum.push(v);
        continue;
      }
      if (isNewline(c)) {
        j--;
        continue;
      }
      if (c !== PAD || j < 2) throw new Base64Error(si - 1);
      if (j === 2) {
        // "==" is expected: the first '=' is consumed.
        while (si < src.length && isNewline(src[si])) si++;
        if (si === src.length) throw new Base64Error(src.length);
        if (src[si] !== PAD) throw new Base64Error(si - 1);
        si++;
      }
      while (si < src.length && isNewline(src[si])) si++;
      if (si < src.length) throw new Base64Error(si); // trailing garbage
      done = true;
      break;
    }
    const [a, b, c, d] = quantum;
    out.push(((a << 2) | (b >> 4)) & 255);
    if (c !== undefined) out.push(((b << 4) | (c >> 2)) & 255);
    if (d !== undefined) out.push(((c << 6) | d) & 255);
    if (done) break;
    while (si < src.length && isNewline(src[si])) si++;
  }
  return Uint8Array.from(out);
}

/** The decoded bytes as text (Go's `string(b)`: invalid UTF-8 shows as U+FFFD here). */
export function decodeBase64Text(text: string): string {
  return new TextDecoder().decode(decodeBase64(text));
}

/** The decoded length of well-formed base64, without decoding it. */
export function decodedLength(text: string): number {
  const clean = text.replace(/[\r\n]/g, '');
  const pad = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0;
  return Math.floor((clean.length * 3) / 4) - pad;
}

/**
 * A stored `[]byte` value (a Secret's data) as text. Writes through kubectl are decoded as
 * encoding/json does, so this decodes; a malformed value that reached the store another way
 * reads as empty instead of stopping its reader (the kubelet, describe).
 */
export function storedBytesText(value: unknown): string {
  try {
    return decodeBase64Text(String(value ?? ''));
  } catch (e) {
    if (e instanceof Base64Error) return '';
    throw e;
  }
}
