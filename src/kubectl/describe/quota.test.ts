import { describe, expect, it } from 'vitest';
import type { KObject } from '../../sim/core/object';
import { describeLimitRange, describeNamespace, describeResourceQuota } from './quota';

const quota = (name: string, hard: Record<string, string>, used: Record<string, string>, scopes?: string[]): KObject => ({
  apiVersion: 'v1',
  kind: 'ResourceQuota',
  metadata: { name, namespace: 'team' },
  spec: { hard, scopes },
  status: { hard, used },
});
const limits: KObject = {
  apiVersion: 'v1',
  kind: 'LimitRange',
  metadata: { name: 'lr', namespace: 'team' },
  spec: { limits: [{ type: 'Container', max: { memory: '1Gi' }, default: { memory: '1Gi', cpu: '500m' }, defaultRequest: { memory: '1Gi', cpu: '250m' }, maxLimitRequestRatio: { cpu: '4' } }] },
};

describe('describe quota, limitrange and namespace', () => {
  it('re-expresses used in the format of hard when they differ, and explains scopes', () => {
    const q = quota('q', { memory: '1G', pods: '4' }, { memory: '600Mi', pods: '1' }, ['NotTerminating', 'BestEffort']);
    expect(describeResourceQuota(q)).toBe(
      [
        'Name:       q',
        'Namespace:  team',
        'Scopes:     BestEffort, NotTerminating',
        ' * Matches all pods that do not have resource requirements set. These pods have a best effort quality of service.',
        ' * Matches all pods that do not have an active deadline. These pods usually include long running pods whose container command is not expected to terminate.',
        // The help lines have no tab: they end the column block, so the table aligns on its own.
        'Resource  Used       Hard',
        '--------  ----       ----',
        'memory    629145600  1G',
        'pods      1          4',
        '',
      ].join('\n'),
    );
  });

  it('prints a dash where a LimitRange item sets nothing', () => {
    expect(describeLimitRange(limits)).toBe(
      [
        'Name:       lr',
        'Namespace:  team',
        'Type        Resource  Min  Max  Default Request  Default Limit  Max Limit/Request Ratio',
        '----        --------  ---  ---  ---------------  -------------  -----------------------',
        'Container   cpu       -    -    250m             500m           4',
        'Container   memory    -    1Gi  1Gi              1Gi            -',
        '',
      ].join('\n'),
    );
  });

  it('shows a terminating namespace with its conditions, quotas by name and its limits', () => {
    const ns: KObject = {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'team', labels: { 'kubernetes.io/metadata.name': 'team' } },
      status: { phase: 'Terminating', conditions: [{ type: 'NamespaceContentRemaining', status: 'True', lastTransitionTime: '2026-01-01T09:10:05Z', reason: 'SomeResourcesRemain', message: 'Some resources are remaining: pods. has 1 resource instances' }] },
    };
    expect(describeNamespace(ns, [quota('z', { pods: '2' }, { pods: '1' }), quota('a', { 'limits.cpu': '1' }, { 'limits.cpu': '0' })], [limits])).toBe(
      [
        'Name:         team',
        'Labels:       kubernetes.io/metadata.name=team',
        'Annotations:  <none>',
        'Status:       Terminating',
        'Conditions:',
        '  Type                       Status  LastTransitionTime               Reason               Message',
        '  ----                       ------  ------------------               ------               -------',
        '  NamespaceContentRemaining  True    Thu, 01 Jan 2026 09:10:05 +0000  SomeResourcesRemain  Some resources are remaining: pods. has 1 resource instances',
        '',
        'Resource Quotas',
        '  Name:       a',
        '  Resource    Used  Hard',
        '  --------    ---   ---',
        '  limits.cpu  0     1',
        '  Name:       z',
        '  Resource    Used  Hard',
        '  --------    ---   ---',
        '  pods        1     2',
        '',
        'Resource Limits',
        ' Type       Resource  Min  Max  Default Request  Default Limit  Max Limit/Request Ratio',
        ' ----       --------  ---  ---  ---------------  -------------  -----------------------',
        ' Container  cpu       -    -    250m             500m           4',
        ' Container  memory    -    1Gi  1Gi              1Gi            -',
        '',
      ].join('\n'),
    );
  });
});
