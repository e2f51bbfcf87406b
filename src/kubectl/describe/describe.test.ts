import { describe, it, expect } from 'vitest';
import type { KObject } from '../../sim/core/object';
import type { Endpoint, EndpointPort, EndpointSlice } from 'kubernetes-types/discovery/v1';
import { describeConfigMap } from './core';
import { describeResourceQuota } from './quota';
import { formatEndpointSlices } from './endpoints';
import { describePod } from './pod';
import { PrefixWriter, rfc1123z, writeAnnotations, writeEvents, writeTolerations } from './writer';

const NOW = Date.UTC(2026, 0, 1, 9, 10, 0);

describe('describe building blocks', () => {
  it('formats RFC1123Z in UTC', () => {
    expect(rfc1123z('2026-01-01T09:10:00Z')).toBe('Thu, 01 Jan 2026 09:10:00 +0000');
  });

  it('skips last-applied-configuration and breaks long annotations', () => {
    const w = new PrefixWriter();
    writeAnnotations(w, 'Annotations', { 'kubectl.kubernetes.io/last-applied-configuration': '{}', b: 'x'.repeat(150), a: 'one' });
    expect(w.toString()).toBe(`Annotations:  a: one\n              b:\n                ${'x'.repeat(138)}...\n`);
  });

  it('prints tolerations sorted, with op=Exists and seconds', () => {
    const w = new PrefixWriter();
    writeTolerations(w, 'Tolerations', [
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      { operator: 'Exists' },
      { key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoSchedule' },
    ]);
    expect(w.toString()).toBe('Tolerations:  op=Exists\n              dedicated=gpu:NoSchedule\n              node.kubernetes.io/unreachable:NoExecute op=Exists for 300s\n');
  });

  it('prints Events oldest first with (xN over …), or <none>', () => {
    const ev = (reason: string, first: string, last: string, count: number): KObject => ({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: reason },
      type: reason === 'BackOff' ? 'Warning' : 'Normal',
      reason,
      message: `msg ${reason} `,
      source: { component: 'kubelet', host: 'kind-worker' },
      firstTimestamp: first,
      lastTimestamp: last,
      count,
    });
    const w = new PrefixWriter();
    writeEvents(w, [ev('BackOff', '2026-01-01T09:01:00Z', '2026-01-01T09:09:00Z', 12), ev('Pulled', '2026-01-01T09:00:00Z', '2026-01-01T09:00:00Z', 1)], NOW);
    expect(w.toString()).toBe(
      'Events:\n' +
        '  Type     Reason   Age                From     Message\n' +
        '  ----     ------   ----               ----     -------\n' +
        '  Normal   Pulled   10m                kubelet  msg Pulled\n' +
        '  Warning  BackOff  60s (x12 over 9m)  kubelet  msg BackOff\n',
    );
    const empty = new PrefixWriter();
    writeEvents(empty, [], NOW);
    expect(empty.toString()).toBe('Events:  <none>\n');
  });
});

describe('describers', () => {
  it('describes a pending pod with no node, terminating', () => {
    const pod: KObject = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', namespace: 'default', deletionTimestamp: '2026-01-01T09:09:30Z', deletionGracePeriodSeconds: 30 },
      spec: { containers: [{ name: 'c', image: 'nginx', ports: [{ containerPort: 80, protocol: 'TCP' }, { containerPort: 443, protocol: 'TCP' }], env: [{ name: 'A', value: '1' }] }] },
      status: { phase: 'Pending' },
    };
    expect(describePod(pod, [], NOW)).toBe(
      [
        'Name:                      p',
        'Namespace:                 default',
        'Node:                      <none>',
        'Labels:                    <none>',
        'Annotations:               <none>',
        'Status:                    Terminating (lasts 30s)',
        'Termination Grace Period:  30s',
        'IP:                        ',
        'IPs:                       <none>',
        'Containers:',
        '  c:',
        '    Image:       nginx',
        '    Ports:       80/TCP, 443/TCP',
        '    Host Ports:  0/TCP, 0/TCP',
        '    Environment:',
        '      A:         1',
        '    Mounts:      <none>',
        'Volumes:         <none>',
        'QoS Class:       BestEffort',
        'Node-Selectors:  <none>',
        'Tolerations:     <none>',
        'Events:          <none>',
        '',
      ].join('\n'),
    );
  });

  it('describes a quota and a config map', () => {
    const quota: KObject = { apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'q', namespace: 'default' }, spec: { hard: { pods: '10' } }, status: { hard: { pods: '10', 'requests.cpu': '2' }, used: { pods: '3', 'requests.cpu': '500m' } } };
    expect(describeResourceQuota(quota)).toBe('Name:         q\nNamespace:    default\nResource      Used  Hard\n--------      ----  ----\npods          3     10\nrequests.cpu  500m  2\n');
    const cm: KObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'default' }, data: { b: '2', a: '1' } };
    // ConfigMapDescriber: a blank line after every value, one more before BinaryData.
    expect(describeConfigMap(cm, [], NOW)).toBe('Name:         c\nNamespace:    default\nLabels:       <none>\nAnnotations:  <none>\n\nData\n====\na:\n----\n1\n\nb:\n----\n2\n\n\nBinaryData\n====\n\nEvents:  <none>\n');
  });

  it('puts two blank lines after a config map value ending in a newline, and no Events without --show-events', () => {
    const cm: KObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'default' }, data: { 'app.conf': 'port=80\n' } };
    expect(describeConfigMap(cm, undefined, NOW)).toBe('Name:         c\nNamespace:    default\nLabels:       <none>\nAnnotations:  <none>\n\nData\n====\napp.conf:\n----\nport=80\n\n\n\nBinaryData\n====\n\n');
  });
});

describe('service endpoints', () => {
  const ep = (ip: string, ready?: boolean): Endpoint => ({ addresses: [ip], conditions: ready === undefined ? {} : { ready } });
  const slice = (endpoints: Endpoint[], ports: EndpointPort[] | undefined): EndpointSlice => ({ addressType: 'IPv4', endpoints, ports });

  it('lists the ready endpoints of the port with that name, at most 3 (formatEndpointSlices)', () => {
    const s = slice([ep('10.0.0.10', true), ep('10.0.0.9'), ep('10.0.0.8', false)], [{ name: 'http', port: 8080 }, { name: 'admin', port: 9090 }]);
    expect(formatEndpointSlices([s], 'http')).toBe('10.0.0.10:8080,10.0.0.9:8080');
    expect(formatEndpointSlices([s], 'admin')).toBe('10.0.0.10:9090,10.0.0.9:9090');
    expect(formatEndpointSlices([s], 'other')).toBe('');
    expect(formatEndpointSlices([], 'http')).toBe('<none>');
    expect(formatEndpointSlices([slice([], undefined)], '')).toBe('');
  });

  it('says + N more past three, counting a fourth endpoint even when it is not ready, as kubectl does', () => {
    const five = slice(['a', 'b', 'c', 'd', 'e'].map((x) => ep(`10.0.0.${x.charCodeAt(0) - 96}`, true)), [{ name: '', port: 1 }]);
    expect(formatEndpointSlices([five], '')).toBe('10.0.0.1:1,10.0.0.2:1,10.0.0.3:1 + 2 more...');
    const quirk = slice([ep('10.0.0.1', true), ep('10.0.0.2', true), ep('10.0.0.3', true), ep('10.0.0.4', false)], [{ name: '', port: 1 }]);
    expect(formatEndpointSlices([quirk], '')).toBe('10.0.0.1:1,10.0.0.2:1,10.0.0.3:1 + 0 more...');
    expect(formatEndpointSlices([slice([ep('10.0.0.7', true)], [])], '')).toBe('10.0.0.7');
  });
});
