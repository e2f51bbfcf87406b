import { describe, expect, it } from 'vitest';
import type { KObject } from '../../sim/core/object';
import { describeSecret } from './secret';

describe('describeSecret', () => {
  it('prints sizes in key order, never values, and no events', () => {
    const s: KObject = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db', namespace: 'default', labels: { app: 'x' } }, type: 'Opaque', data: { username: 'bXktYXBw', password: 'Mzk1MjgkdmRnN0pi' } } as KObject;
    expect(describeSecret(s)).toBe('Name:         db\nNamespace:    default\nLabels:       app=x\nAnnotations:  <none>\n\nType:  Opaque\n\nData\n====\npassword:  12 bytes\nusername:  6 bytes\n');
  });

  it("shows a service-account token's token itself", () => {
    const s = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 't', namespace: 'default' }, type: 'kubernetes.io/service-account-token', data: { token: 'ZXlKaGJH', namespace: 'ZGVmYXVsdA==' } } as unknown as KObject;
    expect(describeSecret(s)).toContain('namespace:  7 bytes\ntoken:      eyJhbG\n');
  });
});
