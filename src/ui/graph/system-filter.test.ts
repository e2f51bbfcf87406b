import { describe, expect, it } from 'vitest';
import type { KObject } from '../../sim/core/object';
import { withoutSystem } from './system-filter';

const pod = (namespace: string, name: string): [string, KObject] => [`${namespace}/${name}`, { apiVersion: 'v1', kind: 'Pod', metadata: { namespace, name } }];

describe('withoutSystem', () => {
  it("leaves out kube-system's and local-path-storage's objects and counts them", () => {
    const all = new Map([pod('default', 'web'), pod('kube-system', 'coredns-1'), pod('local-path-storage', 'local-path-provisioner-1'), pod('ingress-nginx', 'controller')]);
    const { shown, hidden } = withoutSystem(all);
    expect([...shown.keys()]).toEqual(['default/web', 'ingress-nginx/controller']);
    expect(hidden).toBe(2);
  });

  it('hands back the same map when there is nothing to hide (memoized views keep their input)', () => {
    const all = new Map([pod('default', 'web')]);
    expect(withoutSystem(all).shown).toBe(all);
  });
});
