import { describe, expect, it } from 'vitest';
import type { KObject } from '../../sim/core/object';
import { shownObjects } from './shown';

const pod = (namespace: string, name: string): KObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { namespace, name } });

describe('shownObjects', () => {
  it('leaves out kube-system, keeping the same map when nothing is hidden', () => {
    const mine = new Map([['default/web', pod('default', 'web')]]);
    expect(shownObjects(mine)).toBe(mine);
    const mixed = new Map([['default/web', pod('default', 'web')], ['kube-system/kube-proxy-x', pod('kube-system', 'kube-proxy-x')]]);
    const shown = shownObjects(mixed);
    expect([...shown.keys()]).toEqual(['default/web']);
    expect(shownObjects(mixed)).toBe(shown);
  });
});
