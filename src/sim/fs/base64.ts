/** Base64 both ways over UTF-8 text: a Secret's `data` and a ConfigMap's `binaryData` are base64. */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** The decoded bytes as text (invalid UTF-8 becomes U+FFFD, as a terminal would show it). */
export function decodeBase64(text: string): string {
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const ch of text) {
    const v = ALPHABET.indexOf(ch === '-' ? '+' : ch === '_' ? '/' : ch);
    if (v < 0) continue;
    value = (value << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((value >> bits) & 255);
    }
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}

/** `url`: the JWT alphabet without padding (RFC 7515). */
export function encodeBase64(text: string | Uint8Array, url = false): string {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b, c] = [bytes[i], bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63];
    out += b === undefined ? '=' : ALPHABET[(n >> 6) & 63];
    out += c === undefined ? '=' : ALPHABET[n & 63];
  }
  return url ? out.replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_') : out;
}
