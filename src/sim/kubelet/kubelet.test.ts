import { describe, it, expect } from 'vitest';
import { createCluster, type Cluster } from '../cluster';
import type { KObject } from '../core/object';

type Status = {
  phase?: string;
  podIP?: string;
  hostIP?: string;
  startTime?: string;
  conditions?: Array<{ type: string; status: string; reason?: string; message?: string }>;
  containerStatuses?: Array<{ name: string; ready: boolean; restartCount: number; started: boolean; image: string; imageID: string; state: Record<string, { reason?: string; message?: string; exitCode?: number }>; lastState: { terminated?: { exitCode: number; reason: string } } }>;
};
type PodObj = KObject & { status?: Status; spec: { nodeName?: string } };
type Ev = KObject & { involvedObject: { name: string; fieldPath?: string }; reason: string; message: string; type: string; count: number; source: { component: string; host?: string } };

function pod(name: string, containers: Array<Record<string, unknown>>, spec: Record<string, unknown> = {}): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default' },
    spec: { nodeName: 'kind-worker', restartPolicy: 'Always', terminationGracePeriodSeconds: 30, containers, ...spec },
  };
}

const get = (c: Cluster, name: string) => c.api.tryGet('pods', 'default', name) as PodObj | undefined;
const events = (c: Cluster, name: string) => (c.api.list('events', 'default') as Ev[]).filter((e) => e.involvedObject.name === name);
const state = (p: PodObj | undefined, i = 0) => {
  const s = p?.status?.containerStatuses?.[i]?.state ?? {};
  const [k] = Object.keys(s);
  return k ? `${k}${s[k].reason ? ':' + s[k].reason : ''}` : '';
};

/** Records (seconds since start, summary) each time the pod's visible status changes. */
function track(c: Cluster, name: string): Array<[number, string]> {
  const t0 = c.clock.now();
  const out: Array<[number, string]> = [];
  c.store.subscribe((e) => {
    if (e.resource !== 'pods' || e.object.metadata.name !== name) return;
    const p = e.object as PodObj;
    const cs = p.status?.containerStatuses?.[0];
    const line = e.type === 'DELETED' ? 'deleted' : `${p.status?.phase} ${state(p)} r=${cs?.restartCount ?? 0}`;
    if (out.length && out[out.length - 1][1] === line) return;
    out.push([(c.clock.now() - t0) / 1000, line]);
  });
  return out;
}

describe('kubelet node registration', () => {
  it('registers kind-like nodes', () => {
    const c = createCluster({ seed: 1 });
    const cp = c.api.get('nodes', undefined, 'kind-control-plane') as KObject & Record<string, any>;
    expect(cp.metadata.labels).toMatchObject({ 'kubernetes.io/hostname': 'kind-control-plane', 'node-role.kubernetes.io/control-plane': '', 'kubernetes.io/os': 'linux', 'beta.kubernetes.io/arch': 'amd64' });
    expect(cp.spec.taints).toEqual([{ effect: 'NoSchedule', key: 'node-role.kubernetes.io/control-plane' }]);
    expect(cp.spec.podCIDR).toBe('10.244.0.0/24');
    const w = c.api.get('nodes', undefined, 'kind-worker2') as KObject & Record<string, any>;
    expect(w.metadata.labels!['node-role.kubernetes.io/control-plane']).toBeUndefined();
    expect(w.spec.taints).toBeUndefined();
    expect(w.spec.podCIDRs).toEqual(['10.244.2.0/24']);
    expect(w.status.capacity).toEqual({ cpu: '4', 'ephemeral-storage': '102625208Ki', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '8Gi', pods: '110' });
    expect(w.status.conditions.map((x: any) => `${x.type}=${x.status}/${x.reason}`)).toEqual([
      'MemoryPressure=False/KubeletHasSufficientMemory',
      'DiskPressure=False/KubeletHasNoDiskPressure',
      'PIDPressure=False/KubeletHasSufficientPID',
      'Ready=True/KubeletReady',
    ]);
    expect(w.status.addresses).toEqual([{ address: '172.18.0.4', type: 'InternalIP' }, { address: 'kind-worker2', type: 'Hostname' }]);
    expect(w.status.nodeInfo).toMatchObject({ kubeletVersion: 'v1.32.2', containerRuntimeVersion: 'containerd://1.7.24', osImage: 'Debian GNU/Linux 12 (bookworm)', architecture: 'amd64', operatingSystem: 'linux' });
  });

  it('costs nothing while idle', () => {
    const c = createCluster({ seed: 1 });
    const rv = c.store.resourceVersion;
    c.advance(3600_000 * 2);
    // Only event expiry may write; no heartbeats, no polling.
    expect((c.store.changesSince(rv) ?? []).filter((e) => e.resource !== 'events')).toEqual([]);
  });
});

describe('kubelet pod lifecycle', () => {
  it('pulls, creates and starts nginx with real events, conditions and IPs', () => {
    const c = createCluster({ seed: 1 });
    const seen = track(c, 'web');
    c.api.create('pods', 'default', pod('web', [{ name: 'nginx', image: 'nginx:1.27' }]));
    c.advance(10_000);
    const p = get(c, 'web')!;
    expect(seen.map(([, s]) => s)).toEqual(['Pending  r=0', 'Pending waiting:ContainerCreating r=0', 'Running running r=0']);
    expect(p.status?.conditions?.map((x) => `${x.type}=${x.status}`)).toEqual(['PodReadyToStartContainers=True', 'Initialized=True', 'Ready=True', 'ContainersReady=True', 'PodScheduled=True']);
    expect(p.status?.podIP).toMatch(/^10\.244\.1\.\d+$/);
    expect(p.status?.hostIP).toBe('172.18.0.3');
    const cs = p.status!.containerStatuses![0];
    expect(cs).toMatchObject({ name: 'nginx', ready: true, started: true, restartCount: 0, image: 'docker.io/library/nginx:1.27' });
    expect(cs.imageID).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
    const ev = events(c, 'web');
    expect(ev.map((e) => e.reason)).toEqual(['Pulling', 'Pulled', 'Created', 'Started']);
    expect(ev[0].message).toBe('Pulling image "nginx:1.27"');
    expect(ev[1].message).toMatch(/^Successfully pulled image "nginx:1\.27" in \d+(\.\d+)?m?s \(\d+(\.\d+)?m?s including waiting\)\. Image size: 72099410 bytes\.$/);
    expect(ev[2].message).toBe('Created container nginx');
    expect(ev[3].message).toBe('Started container nginx');
    expect(ev[3].involvedObject.fieldPath).toBe('spec.containers{nginx}');
    expect(ev[3].source).toEqual({ component: 'kubelet', host: 'kind-worker' });
  });

  it('uses the node image cache for IfNotPresent and re-pulls for Always', () => {
    const c = createCluster({ seed: 1 });
    c.api.create('pods', 'default', pod('a', [{ name: 'nginx', image: 'nginx:1.27' }]));
    c.advance(10_000);
    c.api.create('pods', 'default', pod('b', [{ name: 'nginx', image: 'nginx:1.27' }]));
    c.api.create('pods', 'default', pod('c', [{ name: 'nginx', image: 'nginx:1.27', imagePullPolicy: 'Always' }]));
    c.advance(5_000);
    expect(events(c, 'b').map((e) => e.message)).toEqual(['Container image "nginx:1.27" already present on machine', 'Created container nginx', 'Started container nginx']);
    expect(events(c, 'c')[0].message).toBe('Pulling image "nginx:1.27"');
    expect(c.kubelets.get('kind-worker')?.images()).toContain('docker.io/library/nginx:1.27');
    expect(c.kubelets.get('kind-worker2')?.images()).not.toContain('docker.io/library/nginx:1.27');
    const node = c.api.get('nodes', undefined, 'kind-worker') as KObject & { status: { images: Array<{ names: string[] }> } };
    expect(node.status.images.some((i) => i.names.includes('docker.io/library/nginx:1.27'))).toBe(true);
  });

  it('ErrImagePull then ImagePullBackOff, retrying after 10s, 20s, 40s', () => {
    const c = createCluster({ seed: 1 });
    const pulls: number[] = [];
    const t0 = c.clock.now();
    c.store.subscribe((e) => {
      if (e.resource === 'events' && (e.object as Ev).reason === 'Pulling' && (e.object as Ev).involvedObject.name === 'bad') pulls.push(Math.round((c.clock.now() - t0) / 1000));
    });
    c.api.create('pods', 'default', pod('bad', [{ name: 'web', image: 'nginx:1.99' }]));
    c.advance(4_000);
    expect(state(get(c, 'bad'))).toBe('waiting:ImagePullBackOff');
    expect(get(c, 'bad')!.status!.containerStatuses![0].state.waiting.message).toBe('Back-off pulling image "nginx:1.99"');
    c.advance(120_000);
    const gaps = pulls.slice(1).map((t, i) => t - pulls[i]);
    expect(gaps.length).toBeGreaterThanOrEqual(3);
    // Each retry waits the back-off (10s, 20s, 40s) after the previous failure (~1s after its Pulling).
    expect(gaps.slice(0, 3).map((g) => Math.round(g / 10) * 10)).toEqual([10, 20, 40]);
    const msgs = events(c, 'bad').map((e) => `${e.type} ${e.reason} ${e.message}`);
    expect(msgs).toContain('Warning Failed Failed to pull image "nginx:1.99": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:1.99": failed to resolve reference "docker.io/library/nginx:1.99": docker.io/library/nginx:1.99: not found');
    expect(msgs).toContain('Warning Failed Error: ErrImagePull');
    expect(msgs).toContain('Normal BackOff Back-off pulling image "nginx:1.99"');
    expect(msgs).toContain('Warning Failed Error: ImagePullBackOff');
  });

  it('InvalidImageName and ErrImageNeverPull', () => {
    const c = createCluster({ seed: 1 });
    c.api.create('pods', 'default', pod('upper', [{ name: 'app', image: 'NGINX' }]));
    c.api.create('pods', 'default', pod('never', [{ name: 'app', image: 'redis:7', imagePullPolicy: 'Never' }]));
    c.advance(5_000);
    const up = get(c, 'upper')!.status!.containerStatuses![0].state.waiting;
    expect(up).toEqual({ reason: 'InvalidImageName', message: 'Failed to apply default image tag "NGINX": couldn\'t parse image name "NGINX": invalid reference format: repository name (library/NGINX) must be lowercase' });
    const nv = get(c, 'never')!.status!.containerStatuses![0].state.waiting;
    expect(nv).toEqual({ reason: 'ErrImageNeverPull', message: 'Container image "redis:7" is not present with pull policy of Never' });
  });

  it('crash loops with back-off 10s, 20s, 40s and the real messages', () => {
    const c = createCluster({ seed: 1 });
    const starts: number[] = [];
    const t0 = c.clock.now();
    c.store.subscribe((e) => {
      if (e.resource === 'events' && (e.object as Ev).reason === 'Started' && (e.object as Ev).involvedObject.name === 'crash') starts.push(c.clock.now() - t0);
    });
    c.api.create('pods', 'default', pod('crash', [{ name: 'app', image: 'busybox:1.36', command: ['sh', '-c', 'echo boom; exit 1'] }]));
    c.advance(100_000);
    const gaps = starts.slice(1).map((t, i) => (t - starts[i]) / 1000);
    expect(gaps.slice(0, 4)).toEqual([1, 10, 20, 40]);
    const p = get(c, 'crash')!;
    const cs = p.status!.containerStatuses![0];
    expect(p.status!.phase).toBe('Running');
    expect(cs.state.waiting.reason).toBe('CrashLoopBackOff');
    // Four restarts (after 1s, 10s, 20s, 40s); the next back-off is 80s.
    expect(cs.state.waiting.message).toBe(`back-off 1m20s restarting failed container=app pod=crash_default(${p.metadata.uid})`);
    expect(cs.lastState.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
    expect(cs.restartCount).toBe(4);
    const backoff = events(c, 'crash').find((e) => e.reason === 'BackOff')!;
    expect(backoff.type).toBe('Warning');
    expect(backoff.message).toBe(`Back-off restarting failed container app in pod crash_default(${p.metadata.uid})`);
  });

  it('caps the crash back-off at 5 minutes', () => {
    const c = createCluster({ seed: 1 });
    c.api.create('pods', 'default', pod('crash', [{ name: 'app', image: 'busybox:1.36', command: ['false'] }]));
    c.advance(20 * 60_000);
    expect(get(c, 'crash')!.status!.containerStatuses![0].state.waiting.message).toMatch(/^back-off 5m0s restarting failed container=app /);
  });

  it.each([
    ['Never', 0, 'Succeeded', 'terminated:Completed', 0],
    ['Never', 3, 'Failed', 'terminated:Error', 0],
    ['OnFailure', 0, 'Succeeded', 'terminated:Completed', 0],
    ['OnFailure', 2, 'Running', 'waiting:CrashLoopBackOff', 1],
    ['Always', 0, 'Running', 'waiting:CrashLoopBackOff', 1],
  ])('restartPolicy %s, exit %d → %s', (policy, code, phase, st, minRestarts) => {
    const c = createCluster({ seed: 1 });
    c.api.create('pods', 'default', pod('job', [{ name: 'app', image: 'busybox:1.36', command: ['sh', '-c', `sleep 2; exit ${code}`] }], { restartPolicy: policy }));
    c.advance(8_000);
    const p = get(c, 'job')!;
    expect(p.status!.phase).toBe(phase);
    expect(state(p)).toBe(st);
    expect(p.status!.containerStatuses![0].restartCount).toBeGreaterThanOrEqual(minRestarts as number);
    if (phase === 'Succeeded' || phase === 'Failed') {
      expect(p.status!.conditions!.find((x) => x.type === 'Ready')).toMatchObject({ status: 'False', reason: 'PodCompleted' });
      expect(p.status!.containerStatuses![0].state.terminated.exitCode).toBe(code);
    }
  });

  it('a missing exec-form binary is a StartError', () => {
    const c = createCluster({ seed: 1 });
    c.api.create('pods', 'default', pod('nobin', [{ name: 'app', image: 'busybox:1.36', command: ['foo'] }], { restartPolicy: 'Never' }));
    c.advance(5_000);
    const t = get(c, 'nobin')!.status!.containerStatuses![0].state.terminated;
    expect(t).toMatchObject({ exitCode: 128, reason: 'StartError' });
    expect(t.message).toBe('failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "foo": executable file not found in $PATH: unknown');
    expect(get(c, 'nobin')!.status!.phase).toBe('Failed');
  });

  it('runs init containers first', () => {
    const c = createCluster({ seed: 1 });
    const seen = track(c, 'init');
    c.api.create('pods', 'default', pod('init', [{ name: 'app', image: 'nginx:1.27' }], { initContainers: [{ name: 'setup', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 3'] }] }));
    c.advance(2_000);
    const p = get(c, 'init')!;
    expect(p.status!.conditions!.find((x) => x.type === 'Initialized')).toMatchObject({ status: 'False', reason: 'ContainersNotInitialized', message: 'containers with incomplete status: [setup]' });
    expect(state(p)).toBe('waiting:PodInitializing');
    c.advance(15_000);
    expect(get(c, 'init')!.status!.phase).toBe('Running');
    expect(seen.some(([, s]) => s.startsWith('Pending waiting:PodInitializing'))).toBe(true);
  });
});

describe('kubelet spec changes', () => {
  it('fixing a bad image recovers the pod', () => {
    const c = createCluster({ seed: 1 });
    c.api.create('pods', 'default', pod('typo', [{ name: 'web', image: 'nginx:1.99' }]));
    c.advance(5_000);
    expect(state(get(c, 'typo'))).toBe('waiting:ImagePullBackOff');
    c.api.patch('pods', 'default', 'typo', { spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } }, 'strategic');
    c.advance(6_000);
    const p = get(c, 'typo')!;
    expect(state(p)).toBe('running');
    expect(p.status!.containerStatuses![0]).toMatchObject({ image: 'docker.io/library/nginx:1.27', restartCount: 0, ready: true });
  });

  it('a new image restarts a running container', () => {
    const c = createCluster({ seed: 1 });
    c.api.create('pods', 'default', pod('web', [{ name: 'nginx', image: 'nginx:1.27' }]));
    c.advance(10_000);
    c.api.patch('pods', 'default', 'web', { spec: { containers: [{ name: 'nginx', image: 'nginx:1.26' }] } }, 'strategic');
    c.advance(10_000);
    const p = get(c, 'web')!;
    expect(p.status!.containerStatuses![0]).toMatchObject({ image: 'docker.io/library/nginx:1.26', restartCount: 1, ready: true, lastState: { terminated: { exitCode: 0, reason: 'Completed' } } });
    expect(events(c, 'web').map((e) => e.message)).toContain('Container nginx definition changed, will be restarted');
  });
});

describe('kubelet termination', () => {
  it('SIGKILLs a sleeping shell at the grace deadline, then removes the pod', () => {
    const c = createCluster({ seed: 1 });
    c.api.create('pods', 'default', pod('sleeper', [{ name: 'app', image: 'busybox:1.36', command: ['sleep', '3600'] }]));
    c.advance(10_000);
    c.api.delete('pods', 'default', 'sleeper');
    c.advance(29_000);
    expect(get(c, 'sleeper')?.metadata.deletionTimestamp).toBeDefined();
    const killing = events(c, 'sleeper').find((e) => e.reason === 'Killing')!;
    expect(killing.message).toBe('Stopping container app');
    c.advance(1_000);
    expect(get(c, 'sleeper')).toBeUndefined();
  });

  it('servers stop quickly on SIGTERM', () => {
    const c = createCluster({ seed: 1 });
    c.api.create('pods', 'default', pod('web', [{ name: 'nginx', image: 'nginx:1.27' }]));
    c.advance(10_000);
    c.api.delete('pods', 'default', 'web');
    c.advance(500);
    expect(get(c, 'web')).toBeUndefined();
  });

  it('honours a shorter grace period', () => {
    const c = createCluster({ seed: 1 });
    c.api.create('pods', 'default', pod('sleeper', [{ name: 'app', image: 'busybox:1.36', command: ['sh', '-c', 'sleep infinity'] }]));
    c.advance(10_000);
    c.api.delete('pods', 'default', 'sleeper', { gracePeriodSeconds: 5 });
    c.advance(4_000);
    expect(get(c, 'sleeper')).toBeDefined();
    c.advance(1_000);
    expect(get(c, 'sleeper')).toBeUndefined();
  });

  it('rejects a directly bound pod that does not fit (OutOfcpu)', () => {
    const c = createCluster({ seed: 1 });
    c.api.create('pods', 'default', pod('huge', [{ name: 'app', image: 'nginx:1.27', resources: { requests: { cpu: '5' } } }]));
    c.advance(1_000);
    const p = get(c, 'huge')!;
    // `used`: the node's kindnet pod requests 100m.
    expect(p.status).toMatchObject({ phase: 'Failed', reason: 'OutOfcpu', message: "Pod was rejected: Node didn't have enough resource: cpu, requested: 5000, used: 100, capacity: 4000" });
  });
});

describe('kubelet networking', () => {
  it('hostNetwork pods use the node IP; others get distinct IPs from the podCIDR', () => {
    const c = createCluster({ seed: 1 });
    c.api.create('pods', 'default', pod('host', [{ name: 'app', image: 'busybox:1.36', command: ['sleep', '1d'] }], { hostNetwork: true }));
    for (let i = 0; i < 3; i++) c.api.create('pods', 'default', pod(`p${i}`, [{ name: 'app', image: 'busybox:1.36', command: ['sleep', '1d'] }]));
    c.advance(5_000);
    expect(get(c, 'host')!.status!.podIP).toBe('172.18.0.3');
    const ips = [0, 1, 2].map((i) => get(c, `p${i}`)!.status!.podIP);
    expect(new Set(ips).size).toBe(3);
    for (const ip of ips) expect(ip).toMatch(/^10\.244\.1\.\d+$/);
  });
});

describe('kubelet admission', () => {
  it('completed pods no longer count against the node', () => {
    const c = createCluster({ seed: 1 });
    c.api.create('pods', 'default', pod('done', [{ name: 'app', image: 'busybox:1.36', command: ['true'], resources: { requests: { cpu: '3' } } }], { restartPolicy: 'Never' }));
    c.advance(5_000);
    expect(get(c, 'done')!.status!.phase).toBe('Succeeded');
    c.api.create('pods', 'default', pod('next', [{ name: 'app', image: 'busybox:1.36', command: ['sleep', '60'], resources: { requests: { cpu: '3' } } }]));
    c.advance(5_000);
    expect(get(c, 'next')!.status!.phase).toBe('Running');
  });
});

describe('determinism', () => {
  it('same seed, same event log', () => {
    const run = () => {
      const c = createCluster({ seed: 'det' });
      c.api.create('pods', 'default', { ...pod('a', [{ name: 'nginx', image: 'nginx' }]), spec: { restartPolicy: 'Always', terminationGracePeriodSeconds: 30, containers: [{ name: 'nginx', image: 'nginx' }] } });
      c.api.create('pods', 'default', pod('b', [{ name: 'app', image: 'busybox', command: ['sh', '-c', 'exit 1'] }]));
      c.api.create('pods', 'default', pod('x', [{ name: 'app', image: 'nope' }]));
      c.advance(120_000);
      return JSON.stringify(c.api.list('events', 'default').map((e) => [e.metadata.name, (e as Ev).reason, (e as Ev).message, (e as Ev).count]));
    };
    expect(run()).toBe(run());
  });
});
