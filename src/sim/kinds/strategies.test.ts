import { describe, expect, it } from 'vitest';
import type { KObject } from '../core/object';
import { causes, deployment, pod, statusOf, testServer } from './test-server';

type J = Record<string, any>;

describe('Pod strategy', () => {
  it('applies server defaults and admission on create', () => {
    const api = testServer();
    const p = api.create('pods', 'default', pod('p', { containers: [{ name: 'c', image: 'nginx:1.25', ports: [{ containerPort: 80 }], resources: { limits: { cpu: '500m' } } }] })) as J;
    const spec = p.spec;
    expect(spec).toMatchObject({ restartPolicy: 'Always', terminationGracePeriodSeconds: 30, dnsPolicy: 'ClusterFirst', schedulerName: 'default-scheduler', securityContext: {}, enableServiceLinks: true, priority: 0, preemptionPolicy: 'PreemptLowerPriority', serviceAccountName: 'default', serviceAccount: 'default' });
    const c = spec.containers[0];
    expect(c).toMatchObject({ terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File', imagePullPolicy: 'IfNotPresent', ports: [{ containerPort: 80, protocol: 'TCP' }] });
    expect(c.resources.requests).toEqual({ cpu: '500m' });
    const vol = spec.volumes[0];
    expect(vol.name).toMatch(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(c.volumeMounts).toEqual([{ mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', name: vol.name, readOnly: true }]);
    expect(spec.tolerations).toEqual([
      { effect: 'NoExecute', key: 'node.kubernetes.io/not-ready', operator: 'Exists', tolerationSeconds: 300 },
      { effect: 'NoExecute', key: 'node.kubernetes.io/unreachable', operator: 'Exists', tolerationSeconds: 300 },
    ]);
    expect(p.status).toEqual({ phase: 'Pending', qosClass: 'Burstable' });
  });

  it('picks imagePullPolicy from the tag and QoS from resources', () => {
    const api = testServer();
    const images = ['nginx', 'nginx:latest', 'nginx:1.25', 'localhost:5000/app', 'app@sha256:abc'];
    const made = images.map((image, i) => api.create('pods', 'default', pod(`p${i}`, { containers: [{ name: 'c', image }] })) as J);
    expect(made.map((p) => p.spec.containers[0].imagePullPolicy)).toEqual(['Always', 'Always', 'IfNotPresent', 'Always', 'IfNotPresent']);
    expect(made[0].status.qosClass).toBe('BestEffort');
    const g = api.create('pods', 'default', pod('g', { containers: [{ name: 'c', image: 'x', resources: { limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '1000m' } } }] })) as J;
    expect(g.status.qosClass).toBe('Guaranteed');
  });

  it('reports real field errors', () => {
    const api = testServer();
    expect(causes(() => api.create('pods', 'default', pod('p', { containers: [] })))).toEqual(['spec.containers: Required value']);
    expect(causes(() => api.create('pods', 'default', pod('p', { containers: [{ name: 'a', image: 'x' }, { name: 'a', image: 'y', ports: [{ containerPort: 70000, protocol: 'HTTP' }] }] })))).toEqual([
      'spec.containers[1].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
      'spec.containers[1].ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
      'spec.containers[1].name: Duplicate value: "a"',
    ]);
    expect(causes(() => api.create('pods', 'default', pod('p', { containers: [{ name: 'a', image: 'x', resources: { limits: { cpu: '1' }, requests: { cpu: '2' } } }] })))).toEqual([
      'spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1',
    ]);
    expect(causes(() => api.create('pods', 'default', pod('p', { containers: [{ name: 'a', image: 'x', volumeMounts: [{ name: 'data', mountPath: '/d' }] }] })))).toEqual([
      'spec.containers[0].volumeMounts[0].name: Not found: "data"',
    ]);
  });

  it('forbids pod updates other than image, deadline, tolerations and binding', () => {
    const api = testServer();
    const p = api.create('pods', 'default', pod('p')) as J;
    const image = api.update('pods', 'default', { ...p, spec: { ...p.spec, containers: [{ ...p.spec.containers[0], image: 'nginx:1.26' }] } } as unknown as KObject) as J;
    expect(image.spec.containers[0].image).toBe('nginx:1.26');
    const bound = api.update('pods', 'default', { ...image, spec: { ...image.spec, nodeName: 'kind-worker' } } as unknown as KObject) as J;
    expect(bound.spec.nodeName).toBe('kind-worker');
    const err = statusOf(() => api.update('pods', 'default', { ...bound, spec: { ...bound.spec, restartPolicy: 'Never' } } as unknown as KObject));
    expect(err.status.details?.causes?.[0].message).toMatch(/^spec: Forbidden: pod updates may not change fields other than `spec.containers\[\*\].image`,`spec.initContainers\[\*\].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` \(only additions to existing tolerations\),`spec.terminationGracePeriodSeconds` \(allow it to be set to 1 if it was previously negative\)\n  core.PodSpec\{/);
  });

  it('validates names, labels and annotations', () => {
    const api = testServer();
    const p = pod('p');
    p.metadata.labels = { 'bad key!': 'v', ok: 'bad value!' };
    expect(causes(() => api.create('pods', 'default', p))).toEqual([
      `metadata.labels: Invalid value: "bad key!": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
      `metadata.labels[ok]: Invalid value: "bad value!": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
    ]);
    expect(causes(() => api.create('pods', 'default', { apiVersion: 'v1', kind: 'Pod', metadata: {}, spec: { containers: [{ name: 'a', image: 'b' }] } }))).toEqual(['metadata.name: Required value: name or generateName is required']);
    expect(causes(() => api.create('services', 'default', { apiVersion: 'v1', kind: 'Service', metadata: { name: '1web' }, spec: { ports: [{ port: 80 }] } }))[0]).toBe(
      `metadata.name: Invalid value: "1web": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')`,
    );
  });
});

describe('Deployment and ReplicaSet strategies', () => {
  it('defaults the spec and the template without admission', () => {
    const api = testServer();
    const d = api.create('deployments', 'default', deployment('web')) as J;
    expect(d.spec).toMatchObject({ replicas: 1, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } }, revisionHistoryLimit: 10, progressDeadlineSeconds: 600 });
    expect(d.spec.template.metadata.creationTimestamp).toBeNull();
    expect(d.spec.template.spec).toMatchObject({ restartPolicy: 'Always', dnsPolicy: 'ClusterFirst', terminationGracePeriodSeconds: 30, schedulerName: 'default-scheduler', securityContext: {} });
    expect(d.spec.template.spec.volumes).toBeUndefined();
    expect(d.spec.template.spec.enableServiceLinks).toBeUndefined();
    expect(d.spec.template.spec.containers[0].resources).toEqual({});
    expect(d.status).toEqual({});
    expect(d.metadata.generation).toBe(1);
    const rs = api.create('replicasets', 'default', { ...deployment('rs'), kind: 'ReplicaSet' }) as J;
    expect(rs.spec.replicas).toBe(1);
    expect(rs.status).toEqual({ replicas: 0 });
  });

  it('reports the catalogue of workload errors', () => {
    const api = testServer();
    expect(causes(() => api.create('deployments', 'default', deployment('x', { selector: undefined })))).toEqual([
      'spec.selector: Required value',
      'spec.template.metadata.labels: Invalid value: map[string]string{"app":"x"}: `selector` does not match template `labels`',
    ]);
    expect(causes(() => api.create('deployments', 'default', deployment('x', { selector: {} })))).toEqual([
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment',
    ]);
    expect(causes(() => api.create('deployments', 'default', deployment('x', { replicas: -1 })))).toEqual(['spec.replicas: Invalid value: -1: must be greater than or equal to 0']);
    expect(causes(() => api.create('deployments', 'default', deployment('x', { strategy: { rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } } })))).toEqual([
      'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:""}: may not be 0 when `maxSurge` is 0',
    ]);
    const never = deployment('x');
    (never.spec as J).template.spec.restartPolicy = 'Never';
    expect(causes(() => api.create('deployments', 'default', never))).toEqual(['spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"']);
  });

  it('keeps the selector immutable and bumps generation on spec changes only', () => {
    const api = testServer();
    const d = api.create('deployments', 'default', deployment('web')) as J;
    const scaled = api.update('deployments', 'default', { ...d, spec: { ...d.spec, replicas: 3 } } as unknown as KObject) as J;
    expect(scaled.metadata.generation).toBe(2);
    const labelled = api.update('deployments', 'default', { ...scaled, metadata: { ...scaled.metadata, labels: { a: 'b' } } } as unknown as KObject) as J;
    expect(labelled.metadata.generation).toBe(2);
    const changed = { ...labelled, spec: { ...labelled.spec, selector: { matchLabels: { app: 'other' } }, template: { ...labelled.spec.template, metadata: { labels: { app: 'other' } } } } };
    expect(causes(() => api.update('deployments', 'default', changed as unknown as KObject))).toEqual([
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"other"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    ]);
  });
});

describe('Service strategy', () => {
  const svc = (name: string, spec: J): KObject => ({ apiVersion: 'v1', kind: 'Service', metadata: { name }, spec });

  it('defaults and allocates a cluster IP and node ports', () => {
    const api = testServer();
    const s = api.create('services', 'default', svc('web', { type: 'NodePort', selector: { app: 'web' }, ports: [{ port: 80 }] })) as J;
    expect(s.spec).toMatchObject({ sessionAffinity: 'None', externalTrafficPolicy: 'Cluster', internalTrafficPolicy: 'Cluster', ipFamilyPolicy: 'SingleStack', ipFamilies: ['IPv4'], ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }] });
    expect(s.spec.clusterIPs).toEqual([s.spec.clusterIP]);
    const [a, b] = s.spec.clusterIP.split('.').map(Number);
    expect(a).toBe(10);
    expect(b >= 96 && b <= 111).toBe(true);
    expect(s.spec.ports[0].nodePort).toBeGreaterThanOrEqual(30000);
    expect(s.spec.ports[0].nodePort).toBeLessThanOrEqual(32767);
    expect(s.status).toEqual({ loadBalancer: {} });
  });

  it('rejects taken or out-of-range IPs and ports, and keeps them on update', () => {
    const api = testServer();
    const s = api.create('services', 'default', svc('a', { clusterIP: '10.96.0.10', type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] })) as J;
    expect(causes(() => api.create('services', 'default', svc('b', { clusterIP: '10.96.0.10', ports: [{ port: 80 }] })))).toEqual([
      'spec.clusterIPs: Invalid value: []string{"10.96.0.10"}: failed to allocate IP 10.96.0.10: provided IP is already allocated',
    ]);
    expect(causes(() => api.create('services', 'default', svc('b', { type: 'NodePort', ports: [{ port: 80, nodePort: 40000 }] })))).toEqual([
      'spec.ports[0].nodePort: Invalid value: 40000: provided port is not in the valid range. The range of valid ports is 30000-32767',
    ]);
    expect(causes(() => api.create('services', 'default', svc('b', { type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] })))).toEqual([
      'spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated',
    ]);
    expect(causes(() => api.create('services', 'default', svc('b', { ports: [{ port: 80, nodePort: 30001 }] })))).toEqual([
      "spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'",
    ]);
    // A replace that leaves the IP and node port out keeps them.
    const replaced = api.update('services', 'default', svc('a', { type: 'NodePort', ports: [{ port: 80 }] })) as J;
    expect(replaced.spec.clusterIP).toBe('10.96.0.10');
    expect(replaced.spec.ports[0].nodePort).toBe(30080);
    expect(causes(() => api.update('services', 'default', { ...s, metadata: { ...s.metadata, resourceVersion: undefined }, spec: { ...s.spec, clusterIP: 'None', clusterIPs: ['None'] } } as unknown as KObject))).toEqual([
      'spec.clusterIPs[0]: Invalid value: []string{"None"}: may not change once set',
    ]);
  });
});

describe('other kinds', () => {
  it('Namespace gets its phase, finalizer and name label', () => {
    const api = testServer();
    const ns = api.create('namespaces', undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team' } }) as J;
    expect(ns.metadata.labels).toEqual({ 'kubernetes.io/metadata.name': 'team' });
    expect(ns.spec).toEqual({ finalizers: ['kubernetes'] });
    expect(ns.status).toEqual({ phase: 'Active' });
    expect(causes(() => api.create('namespaces', undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a.b' } }))[0]).toMatch(/^metadata.name: Invalid value: "a.b": a lowercase RFC 1123 label must consist/);
  });

  it('ConfigMap keys and immutability', () => {
    const api = testServer();
    const cm = (data: J, immutable?: boolean): KObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data, ...(immutable ? { immutable } : {}) });
    expect(causes(() => api.create('configmaps', 'default', cm({ 'a b': 'x' })))[0]).toMatch(/^data\[a b\]: Invalid value: "a b": a valid config key must consist of alphanumeric characters/);
    api.create('configmaps', 'default', cm({ a: '1' }, true));
    expect(causes(() => api.update('configmaps', 'default', cm({ a: '2' }, true)))).toEqual(['data: Forbidden: field is immutable when `immutable` is set']);
  });

  it('ResourceQuota starts with an empty status; Node allocatable defaults to capacity', () => {
    const api = testServer();
    const q = api.create('resourcequotas', 'default', { apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'q' }, spec: { hard: { pods: '10' } } }) as J;
    expect(q.status).toEqual({});
    const n = api.create('nodes', undefined, { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1' }, status: { capacity: { cpu: '4', pods: '110' } } }) as J;
    expect(n.status.allocatable).toEqual({ cpu: '4', pods: '110' });
    expect(causes(() => api.create('nodes', undefined, { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n2' }, spec: { taints: [{ key: 'k', effect: 'Sometimes' }] } }))).toEqual([
      'spec.taints[0].effect: Unsupported value: "Sometimes": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"',
    ]);
  });
});
