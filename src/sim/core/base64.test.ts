import { describe, expect, it } from 'vitest';
import { decodeBase64Text, decodedLength, encodeBase64Text } from './base64';

describe("Go's StdEncoding", () => {
  it('round-trips text, padded', () => {
    expect(encodeBase64Text('admin')).toBe('YWRtaW4=');
    expect(encodeBase64Text('1f2d1e2e67df')).toBe('MWYyZDFlMmU2N2Rm');
    expect(decodeBase64Text('YWRtaW4=')).toBe('admin');
    expect(decodeBase64Text('YWRt\naW4=\n')).toBe('admin');
  });

  it('names the first bad byte as encoding/json does', () => {
    // "billy": 4 letters decode, the fifth starts a group that never ends.
    expect(() => decodeBase64Text('billy')).toThrow('illegal base64 data at input byte 4');
    expect(() => decodeBase64Text('bill')).not.toThrow();
    expect(() => decodeBase64Text('admin!')).toThrow('illegal base64 data at input byte 5');
    expect(() => decodeBase64Text('<foo>')).toThrow('illegal base64 data at input byte 0');
    expect(() => decodeBase64Text('YWRtaW4')).toThrow('illegal base64 data at input byte 4');
    expect(() => decodeBase64Text('YWRtaW4=x')).toThrow('illegal base64 data at input byte 8');
    expect(() => decodeBase64Text('YW==')).not.toThrow();
    expect(() => decodeBase64Text('Y===')).toThrow('illegal base64 data at input byte 1');
    expect(() => decodeBase64Text('YW=a')).toThrow('illegal base64 data at input byte 2');
  });

  it('knows a decoded length without decoding', () => {
    for (const s of ['', 'a', 'ab', 'abc', 'abcd', 'password123!']) expect(decodedLength(encodeBase64Text(s))).toBe(s.length);
  });
});
