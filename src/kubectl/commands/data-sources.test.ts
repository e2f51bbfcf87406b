import { describe, expect, it } from 'vitest';
import { configMapHash, goJsonString, parseFileSource, secretHash } from './data-sources';
import { dockerConfigJson } from './create-secret';
import { checkKeyPair } from './tls-pair';

describe('kubectl create configmap|secret helpers', () => {
  it('hashes names as kubectl 1.32 does (values from the real kubectl)', () => {
    expect(secretHash('s', '', { a: 'Yg==' })).toBe('7fd2tm89d8');
    expect(configMapHash('c', { a: 'b' })).toBe('m4h6ctkgb2');
    expect(configMapHash('c', {})).toBe('94b26g54cg');
  });

  it('parses file sources', () => {
    expect(parseFileSource('dir/app.conf')).toEqual(['app.conf', 'dir/app.conf']);
    expect(parseFileSource('k=dir/app.conf')).toEqual(['k', 'dir/app.conf']);
    expect(() => parseFileSource('=x')).toThrow('key name for file path x missing');
    expect(() => parseFileSource('a=b=c')).toThrow("key names or file paths cannot contain '='");
  });

  it('marshals a docker config as Go does', () => {
    expect(goJsonString('a<b&"')).toBe('"a\\u003cb\\u0026\\""');
    expect(dockerConfigJson('https://index.docker.io/v1/', 'alice', 's3cr3t', '')).toBe('{"auths":{"https://index.docker.io/v1/":{"username":"alice","password":"s3cr3t","auth":"YWxpY2U6czNjcjN0"}}}');
  });

  it('checks PEM inputs as tls.X509KeyPair', () => {
    const block = (type: string) => `-----BEGIN ${type}-----\nMAoCAQA=\n-----END ${type}-----\n`;
    expect(checkKeyPair(block('CERTIFICATE'), block('PRIVATE KEY'))).toBeUndefined();
    expect(checkKeyPair('nothing', block('PRIVATE KEY'))).toBe('tls: failed to find any PEM data in certificate input');
    expect(checkKeyPair(block('RSA PRIVATE KEY'), block('PRIVATE KEY'))).toMatch(/PEM inputs may have been switched$/);
    expect(checkKeyPair(block('CERTIFICATE'), block('CERTIFICATE'))).toBe('tls: found a certificate rather than a key in the PEM for the private key');
    expect(checkKeyPair(block('CERTIFICATE'), '')).toBe('tls: failed to find any PEM data in key input');
  });
});
