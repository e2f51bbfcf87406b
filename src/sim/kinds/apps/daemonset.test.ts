import { describe, expect, it } from 'vitest';
import type { KObject } from '../../core/object';
import { causes, testServer } from '../test-server';

type J = Record<string, any> & KObject;

function ds(name: string, spec: Record<string, unknown> = {}): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name },
    spec: {
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'agent', image: 'busybox:1.36' }] } },
      ...spec,
    },
  };
}

describe('DaemonSet strategy', () => {
  it('defaults the update strategy, history limit and template generation', () => {
    const api = testServer();
    const d = api.create('daemonsets', 'default', ds('agent')) as J;
    expect(d.spec.updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } });
    expect(d.spec.revisionHistoryLimit).toBe(10);
    expect(d.metadata.annotations).toEqual({ 'deprecated.daemonset.template.generation': '1' });
    expect(d.metadata.generation).toBe(1);
    expect(d.status).toEqual({ currentNumberScheduled: 0, numberMisscheduled: 0, desiredNumberScheduled: 0, numberReady: 0 });
    expect(d.spec.template.spec).toMatchObject({ restartPolicy: 'Always', dnsPolicy: 'ClusterFirst' });
  });

  it('bumps the template generation only when the template changes', () => {
    const api = testServer();
    const d = api.create('daemonsets', 'default', ds('agent')) as J;
    const same = api.update('daemonsets', 'default', { ...d, spec: { ...d.spec, minReadySeconds: 5 } }) as J;
    expect(same.metadata.annotations?.['deprecated.daemonset.template.generation']).toBe('1');
    expect(same.metadata.generation).toBe(2);
    const template = { ...same.spec.template, spec: { ...same.spec.template.spec, containers: [{ name: 'agent', image: 'busybox:1.37' }] } };
    const changed = api.update('daemonsets', 'default', { ...same, spec: { ...same.spec, template } }) as J;
    expect(changed.metadata.annotations?.['deprecated.daemonset.template.generation']).toBe('2');
    expect(changed.metadata.generation).toBe(3);
  });

  it('reports ValidateDaemonSetSpec errors', () => {
    const api = testServer();
    expect(causes(() => api.create('daemonsets', 'default', ds('a', { selector: { matchLabels: { app: 'b' } } })))).toEqual([
      'spec.template.metadata.labels: Invalid value: map[string]string{"app":"a"}: `selector` does not match template `labels`',
    ]);
    expect(causes(() => api.create('daemonsets', 'default', ds('a', { updateStrategy: { type: 'Sometimes' } })))).toEqual([
      'spec.updateStrategy.type: Unsupported value: "Sometimes": supported values: "OnDelete", "RollingUpdate"',
    ]);
    expect(causes(() => api.create('daemonsets', 'default', ds('a', { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0 } } })))).toEqual([
      'spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: cannot be 0 when maxSurge is 0',
    ]);
    expect(causes(() => api.create('daemonsets', 'default', ds('a', { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 1 } } })))).toEqual([
      'spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:0, IntVal:1, StrVal:""}: may not be set when maxUnavailable is non-zero',
    ]);
    const onFailure = ds('a');
    (onFailure.spec as J).template.spec.restartPolicy = 'OnFailure';
    expect(causes(() => api.create('daemonsets', 'default', onFailure))).toEqual(['spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"']);
  });

  it('keeps the selector immutable', () => {
    const api = testServer();
    const d = api.create('daemonsets', 'default', ds('agent')) as J;
    const template = { ...d.spec.template, metadata: { labels: { app: 'agent', tier: 'x' } } };
    expect(causes(() => api.update('daemonsets', 'default', { ...d, spec: { ...d.spec, template, selector: { matchLabels: { app: 'agent', tier: 'x' } } } }))).toEqual([
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"agent", "tier":"x"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    ]);
  });
});

describe('ControllerRevision strategy', () => {
  it('requires data and a non-negative revision', () => {
    const api = testServer();
    expect(causes(() => api.create('controllerrevisions', 'default', { apiVersion: 'apps/v1', kind: 'ControllerRevision', metadata: { name: 'r' }, revision: -1 }))).toEqual([
      'data: Required value: data is mandatory',
      'revision: Invalid value: -1: must be greater than or equal to 0',
    ]);
  });
});
