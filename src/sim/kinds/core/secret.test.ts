import { describe, expect, it } from 'vitest';
import type { KObject } from '../../core/object';
import { causes, testServer } from '../test-server';
import { goJsonObjectError } from './go-json';

type J = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const secret = (extra: J): KObject => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, ...extra });

describe('Secret', () => {
  it('merges stringData into data (its keys win), stores no stringData, defaults the type', () => {
    const api = testServer();
    const s = api.create('secrets', 'default', secret({ data: { a: 'YQ==', b: 'Yg==' }, stringData: { b: 'two' } })) as J;
    expect(s.data).toEqual({ a: 'YQ==', b: 'dHdv' });
    expect(s.stringData).toBeUndefined();
    expect(s.type).toBe('Opaque');
  });

  it('validates keys, the 1 MiB total of decoded bytes, and each type’s keys', () => {
    const api = testServer();
    expect(causes(() => api.create('secrets', 'default', secret({ stringData: { '..a': 'x' } })))).toEqual(['data[..a]: Invalid value: "..a": must not start with \'..\'']);
    const big = 'A'.repeat(4 * 262144); // 786432 bytes per key
    expect(causes(() => api.create('secrets', 'default', secret({ data: { a: big, b: big } })))).toEqual(['data: Too long: may not be more than 1048576 bytes']);
    expect(causes(() => api.create('secrets', 'default', secret({ type: 'kubernetes.io/tls' })))).toEqual(['data[tls.crt]: Required value', 'data[tls.key]: Required value']);
    expect(causes(() => api.create('secrets', 'default', secret({ type: 'kubernetes.io/ssh-auth', stringData: { 'ssh-privatekey': '' } })))).toEqual(['data[%s][ssh-privatekey]: Required value']);
    expect(causes(() => api.create('secrets', 'default', secret({ type: 'kubernetes.io/dockercfg', stringData: { '.dockercfg': '[]' } })))).toEqual([
      'data[.dockercfg]: Invalid value: "<secret contents redacted>": json: cannot unmarshal array into Go value of type map[string]interface {}',
    ]);
    expect(api.create('secrets', 'default', secret({ type: 'kubernetes.io/basic-auth', stringData: { password: '' } }))).toBeDefined();
    expect(api.create('secrets', 'default', { ...secret({ type: 'example.com/custom' }), metadata: { name: 'custom' } })).toBeDefined();
  });

  it('keeps its type, and its data and immutable once immutable', () => {
    const api = testServer();
    api.create('secrets', 'default', secret({ immutable: true, stringData: { a: 'x' } }));
    const cur = api.get('secrets', 'default', 's') as KObject;
    expect(causes(() => api.update('secrets', 'default', { ...cur, data: { a: 'eQ==' } }))).toEqual(['data: Forbidden: field is immutable when `immutable` is set']);
    expect(causes(() => api.update('secrets', 'default', { ...cur, immutable: false }))).toEqual(['immutable: Forbidden: field is immutable when `immutable` is set']);
    expect(causes(() => api.update('secrets', 'default', { ...cur, type: 'Other' }))).toEqual(['type: Invalid value: "Other": field is immutable']);
  });
});

describe("Go's json.Unmarshal into a map", () => {
  it('speaks encoding/json', () => {
    expect(goJsonObjectError('{"auths":{}}')).toBeUndefined();
    expect(goJsonObjectError('null')).toBeUndefined();
    expect(goJsonObjectError('')).toBe('unexpected end of JSON input');
    expect(goJsonObjectError('{"a":')).toBe('unexpected end of JSON input');
    expect(goJsonObjectError('nope')).toBe("invalid character 'o' in literal null (expecting 'u')");
    expect(goJsonObjectError('x')).toBe("invalid character 'x' looking for beginning of value");
    expect(goJsonObjectError("{'a':1}")).toBe("invalid character '\\'' looking for beginning of object key string");
    expect(goJsonObjectError('{"a" 1}')).toBe("invalid character '1' after object key");
    expect(goJsonObjectError('{"a":1 "b"}')).toBe("invalid character '\"' after object key:value pair");
    expect(goJsonObjectError('{} x')).toBe("invalid character 'x' after top-level value");
    expect(goJsonObjectError('"s"')).toBe('json: cannot unmarshal string into Go value of type map[string]interface {}');
  });
});
