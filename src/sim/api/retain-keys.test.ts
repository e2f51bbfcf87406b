import { describe, expect, it } from 'vitest';
import { StatusError } from './errors';
import { applyPatch, threeWayMergePatch } from './patch';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type J = any;

const rolling = { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } };
const live = { metadata: { name: 'web' }, spec: { replicas: 1, strategy: rolling } };

describe('$retainKeys in a strategic merge patch', () => {
  it('drops the keys the list does not name', () => {
    const out = applyPatch(live, { spec: { strategy: { $retainKeys: ['type'], type: 'Recreate' } } }, 'strategic', 'Deployment') as J;
    expect(out.spec.strategy).toEqual({ type: 'Recreate' });
    expect(out.spec.replicas).toBe(1);
  });

  it('without it the old keys stay (the merge alone cannot drop rollingUpdate)', () => {
    const out = applyPatch(live, { spec: { strategy: { type: 'Recreate' } } }, 'strategic', 'Deployment') as J;
    expect(out.spec.strategy).toEqual({ type: 'Recreate', rollingUpdate: rolling.rollingUpdate });
  });

  it('rejects a patch setting a key the list leaves out, or a list that is not a list', () => {
    for (const strategy of [{ $retainKeys: ['type'], type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } }, { $retainKeys: 'type', type: 'Recreate' }]) {
      let err: unknown;
      try {
        applyPatch(live, { spec: { strategy } }, 'strategic', 'Deployment');
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(StatusError);
      expect((err as StatusError).status).toMatchObject({ reason: 'BadRequest', message: 'invalid patch format of retainKeys' });
    }
  });

  it('lets a null in the patch through (it deletes anyway)', () => {
    const out = applyPatch(live, { spec: { strategy: { $retainKeys: ['type'], rollingUpdate: null, type: 'Recreate' } } }, 'strategic', 'Deployment') as J;
    expect(out.spec.strategy).toEqual({ type: 'Recreate' });
  });
});

describe('kubectl apply generates $retainKeys', () => {
  it("for a Deployment's strategy switched to Recreate", () => {
    const modified = { metadata: { name: 'web' }, spec: { replicas: 1, strategy: { type: 'Recreate' } } };
    const patch = threeWayMergePatch({ metadata: { name: 'web' }, spec: { replicas: 1 } }, modified, live, 'Deployment');
    expect(patch).toEqual({ spec: { strategy: { $retainKeys: ['type'], type: 'Recreate' } } });
    expect((applyPatch(live, patch, 'strategic', 'Deployment') as J).spec.strategy).toEqual({ type: 'Recreate' });
  });

  it('only for fields with that patch strategy, and not when nothing changed', () => {
    const other = threeWayMergePatch(undefined, { spec: { strategy: { type: 'Recreate' } } }, live, 'DaemonSet');
    expect(other).toEqual({ spec: { strategy: { type: 'Recreate' } } });
    const same = { metadata: { name: 'web' }, spec: { replicas: 1, strategy: { type: 'Recreate' } } };
    expect(threeWayMergePatch(same, same, same, 'Deployment')).toEqual({});
  });

  it('for each changed volume of a pod template, listing the keys the new volume has', () => {
    const cur = { spec: { volumes: [{ name: 'data', emptyDir: {} }] } };
    const mod = { spec: { volumes: [{ name: 'data', configMap: { name: 'cfg' } }] } };
    const patch = threeWayMergePatch(cur, mod, cur, 'Pod');
    expect(patch).toEqual({ spec: { '$setElementOrder/volumes': [{ name: 'data' }], volumes: [{ $retainKeys: ['configMap', 'name'], emptyDir: null, configMap: { name: 'cfg' }, name: 'data' }] } });
    expect((applyPatch(cur, patch, 'strategic', 'Pod') as J).spec.volumes).toEqual([{ name: 'data', configMap: { name: 'cfg' } }]);
  });
});
