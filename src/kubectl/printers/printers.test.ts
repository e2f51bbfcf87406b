import { describe, it, expect } from 'vitest';
import type { KObject } from '../../sim/core/object';
import { printObjects, PrintError } from './index';
import { sortObjects } from './sort';

const NOW = Date.UTC(2026, 0, 1, 9, 10, 0);
const created = '2026-01-01T09:00:00Z';

const svc: KObject = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'web', namespace: 'default', creationTimestamp: created, labels: { app: 'web' } },
  spec: { type: 'NodePort', clusterIPs: ['10.96.10.20'], ports: [{ port: 80, nodePort: 30080, protocol: 'TCP' }], selector: { app: 'web' } },
};
const deploy: KObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default', creationTimestamp: created },
  spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] } } },
  status: { readyReplicas: 2, updatedReplicas: 3, availableReplicas: 2 },
};
const quota: KObject = {
  apiVersion: 'v1',
  kind: 'ResourceQuota',
  metadata: { name: 'pod-quota', namespace: 'default', creationTimestamp: created },
  spec: { hard: { pods: '1000', 'limits.cpu': '2' } },
  // printResourceQuota reads status.hard, as the quota controller copies it from spec.
  status: { hard: { pods: '1000', 'limits.cpu': '2' }, used: { pods: '3' } },
};
const lb: KObject = { ...svc, metadata: { ...svc.metadata, name: 'lb' }, spec: { ...(svc.spec as object), type: 'LoadBalancer' }, status: { loadBalancer: { ingress: [{ hostname: 'a-very-long-hostname.example.com' }] } } };

describe('tables', () => {
  it('prints services, deployments and quotas with their columns', () => {
    expect(printObjects([svc, lb], '', { now: NOW })).toBe(
      'NAME   TYPE           CLUSTER-IP    EXTERNAL-IP        PORT(S)        AGE\n' +
        'web    NodePort       10.96.10.20   <none>             80:30080/TCP   10m\n' +
        'lb     LoadBalancer   10.96.10.20   a-very-long-h...   80:30080/TCP   10m\n',
    );
    expect(printObjects([deploy], 'wide', { now: NOW })).toBe(
      'NAME   READY   UP-TO-DATE   AVAILABLE   AGE   CONTAINERS   IMAGES       SELECTOR\nweb    2/3     3            2           10m   nginx        nginx:1.25   app=web\n',
    );
    expect(printObjects([quota], '', { now: NOW })).toBe('NAME        AGE   REQUEST      LIMIT\npod-quota   10m   pods: 3/1k   limits.cpu: 0/2\n');
  });

  it('adds NAMESPACE, kind prefixes, label columns and LABELS', () => {
    expect(printObjects([svc, deploy], '', { now: NOW, withNamespace: true, withKind: true, labelColumns: ['app'], showLabels: true })).toBe(
      'NAMESPACE   NAME          TYPE       CLUSTER-IP    EXTERNAL-IP   PORT(S)        AGE   APP   LABELS\n' +
        'default     service/web   NodePort   10.96.10.20   <none>        80:30080/TCP   10m   web   app=web\n' +
        '\n' +
        'NAMESPACE   NAME                  READY   UP-TO-DATE   AVAILABLE   AGE   APP   LABELS\n' +
        'default     deployment.apps/web   2/3     3            2           10m         <none>\n',
    );
  });

  it('cuts multi-line cells at the first line break', () => {
    const ev: KObject = { apiVersion: 'v1', kind: 'Event', metadata: { name: 'e', namespace: 'default' }, involvedObject: { kind: 'Pod', name: 'p' }, type: 'Warning', reason: 'Failed', message: 'line one\nline two', lastTimestamp: created, count: 1 };
    expect(printObjects([ev], '', { now: NOW })).toBe('LAST SEEN   TYPE      REASON   OBJECT   MESSAGE\n10m         Warning   Failed   pod/p    line one...\n');
  });

  it('omits headers and blank lines with --no-headers', () => {
    expect(printObjects([svc, deploy], '', { now: NOW, noHeaders: true })).toBe(
      'web   NodePort   10.96.10.20   <none>   80:30080/TCP   10m\nweb   2/3   3     2     10m\n',
    );
  });
});

describe('other formats', () => {
  it('prints -o name with kind.group', () => {
    expect(printObjects([svc, deploy], 'name', { now: NOW })).toBe('service/web\ndeployment.apps/web\n');
  });

  it('wraps several objects in a List for json and jsonpath', () => {
    expect(printObjects([svc, deploy], 'jsonpath={.kind} {.items[*].kind}', { now: NOW })).toBe('List Service Deployment');
    expect(printObjects([svc], 'jsonpath={.kind}', { now: NOW, singleItem: true })).toBe('Service');
    expect(printObjects([], 'json', { now: NOW })).toBe('{\n    "apiVersion": "v1",\n    "items": [],\n    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}\n');
  });

  it('prints jsonpath-as-json results as an indented array', () => {
    expect(printObjects([svc, deploy], 'jsonpath-as-json={.items[*].metadata.name}', { now: NOW })).toBe('[\n    "web",\n    "web"\n]\n');
  });

  it('prints custom columns with <none> and Go %v maps', () => {
    expect(printObjects([svc], 'custom-columns=NAME:.metadata.name,SEL:.spec.selector,X:.nope', { now: NOW })).toBe('NAME   SEL            X\nweb    map[app:web]   <none>\n');
  });

  it('rejects unknown formats and bad templates with kubectl messages', () => {
    expect(() => printObjects([svc], 'foo', { now: NOW })).toThrow(PrintError);
    expect(() => printObjects([svc], 'jsonpath={.a', { now: NOW })).toThrow('error parsing jsonpath {.a, unclosed action');
    expect(() => printObjects([svc], 'custom-columns=NAME', { now: NOW })).toThrow('unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>');
  });

  it('stops custom columns at a failing path, keeping the rows before it (as kubectl flushes them)', () => {
    const failure = (() => {
      try {
        printObjects([{ ...svc, spec: { ports: [{ port: 80 }, { port: 81 }] } }, svc], 'custom-columns=N:.metadata.name,P:.spec.ports[1].port', { now: NOW });
      } catch (e) {
        return e;
      }
    })() as PrintError;
    expect(failure).toBeInstanceOf(PrintError);
    expect(failure.message).toBe('array index out of bounds: index 1, length 1');
    expect(failure.output).toBe('N     P\nweb   81\n');
  });

  it('sorts by a field, numbers and quantities by value', () => {
    const mk = (name: string, replicas: number) => ({ ...deploy, metadata: { ...deploy.metadata, name }, spec: { ...(deploy.spec as object), replicas } });
    expect(sortObjects([mk('a', 10), mk('b', 2), mk('c', 5)], '.spec.replicas').map((o) => o.metadata.name)).toEqual(['b', 'c', 'a']);
    // kubectl 1.31+ compares non-quantity strings plainly (no natural order).
    expect(sortObjects([mk('web9', 1), mk('web10', 1)], '{.metadata.name}').map((o) => o.metadata.name)).toEqual(['web10', 'web9']);
    expect(() => sortObjects([mk('a', 1), mk('b', 1)], '.nope')).toThrow('couldn\'t find any field with path "{.nope}" in the list of objects');
  });
});
