/**
 * `npm run bench`: prints the figures the issues ask for. A benchmark, not a test: it never fails
 * on a slow number, it reports it.
 */
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { createCluster, type Cluster } from '../src/sim/cluster';
import { EVENT_TTL_MS } from '../src/sim/events';
import type { KObject } from '../src/sim/core/object';
import { request } from '../src/sim/network/request';
import { bigJob, cronDay } from './batch';

function deployment(name: string, replicas: number, image = 'nginx:1.27', probes: Record<string, unknown> = {}): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default', labels: { app: name } },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name: 'nginx', image, resources: { requests: { cpu: '10m', memory: '16Mi' } }, ...probes }] },
      },
    },
  };
}

/**
 * A cheap "how many pods run" counter kept from the watch: `advanceUntil` asks after every timer,
 * so a `store.list` scan there would make the measurement itself O(pods²).
 */
function runningCounter(cluster: Cluster): () => number {
  const running = new Set<string>();
  cluster.store.subscribe((e) => {
    // The workloads' pods only: kind's system pods (kube-system) run from the start.
    if (e.resource !== 'pods' || e.object.metadata.namespace !== 'default') return;
    const key = `${e.object.metadata.namespace}/${e.object.metadata.name}`;
    const phase = (e.object.status as { phase?: string } | undefined)?.phase;
    if (e.type !== 'DELETED' && phase === 'Running' && !e.object.metadata.deletionTimestamp) running.add(key);
    else running.delete(key);
  });
  return () => running.size;
}

const counters = new WeakMap<Cluster, () => number>();

/** Pods Running and not terminating, counted since the cluster was created (see `runningCounter`). */
function runningPods(cluster: Cluster): number {
  let counter = counters.get(cluster);
  if (!counter) {
    // Created before any workload exists, so the counter sees every pod from its first write.
    counter = runningCounter(cluster);
    counters.set(cluster, counter);
  }
  return counter();
}

/** Advances in 1 s steps until `replicas` pods run; returns [wall ms, virtual ms]. */
function untilRunning(cluster: Cluster, replicas: number, limitMs = 30 * 60_000): [number, number] {
  const t0 = performance.now();
  const v0 = cluster.clock.now();
  cluster.clock.advanceUntil(() => runningPods(cluster) >= replicas, limitMs, 1000);
  return [performance.now() - t0, cluster.clock.now() - v0];
}

/** CPU ms of this process (user + system): the machine is shared, so wall time alone misleads. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function fmt(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`;
}

function bigDeployment(): void {
  const cluster = createCluster({ workers: 500, podQuota: 20_000, seed: 1 });
  runningPods(cluster);
  const t0 = performance.now();
  const c0 = cpuMs();
  cluster.api.create('deployments', 'default', deployment('big', 10_000));
  const [, virtual] = untilRunning(cluster, 10_000);
  const total = performance.now() - t0;
  const cpu = cpuMs() - c0;
  console.log(`1. 10,000-replica Deployment on 500 nodes, apply → all Running: ${fmt(total)} wall, ${fmt(cpu)} cpu (${fmt(virtual)} virtual), ${runningPods(cluster)} Running  [target < 1 s]`);
}

function virtualRate(): void {
  const cluster = createCluster({ workers: 20, podQuota: 5000, seed: 2 });
  runningPods(cluster);
  cluster.api.create('deployments', 'default', deployment('web', 1000));
  untilRunning(cluster, 1000);
  // Churn: a rolling update of all 1,000 pods, then idle time; both count.
  const d = cluster.api.get('deployments', 'default', 'web');
  const spec = structuredClone(d.spec) as { template: { spec: { containers: { image: string }[] } } };
  spec.template.spec.containers[0].image = 'nginx:1.26';
  cluster.api.update('deployments', 'default', { ...d, spec });
  const t0 = performance.now();
  const c0 = cpuMs();
  const v0 = cluster.clock.now();
  cluster.advance(10 * 60_000);
  const wall = performance.now() - t0;
  const cpu = cpuMs() - c0;
  const virtualS = (cluster.clock.now() - v0) / 1000;
  const rate = (ms: number) => Math.round(virtualS / (ms / 1000)).toLocaleString('en-US');
  console.log(`2. 1,000 running pods (rolling update of all of them, then idle), virtual seconds per wall second: ${rate(wall)} (per cpu second: ${rate(cpu)})  [target ≥ 1,000]`);
}

function idleHour(pods: number, workers: number): number {
  const cluster = createCluster({ workers, podQuota: pods * 2, seed: 3 });
  runningPods(cluster);
  cluster.api.create('deployments', 'default', deployment('idle', pods));
  untilRunning(cluster, pods);
  // Let everything settle, the start-up Events' one-hour TTL included: deleting 60,000 expired
  // Events is real work (etcd does it too), not idle cost.
  cluster.advance(EVENT_TTL_MS + 10 * 60_000);
  const t0 = performance.now();
  cluster.advance(60 * 60_000);
  return performance.now() - t0;
}

function idleCost(): void {
  idleHour(100, 100); // warm-up: the first run pays for compiling the code paths
  const small = idleHour(100, 100);
  const large = idleHour(10_000, 100);
  console.log(`3. one idle virtual hour on 100 nodes (after the start-up Events expired): ${small.toFixed(2)} ms at 100 pods, ${large.toFixed(2)} ms at 10,000 pods  [target: equal within noise]`);
}

/** nginx with the usual pair: liveness httpGet / every 10 s, readiness tcpSocket :80 every 5 s. */
const PROBES = { livenessProbe: { httpGet: { path: '/', port: 80 }, periodSeconds: 10 }, readinessProbe: { tcpSocket: { port: 80 }, periodSeconds: 5 } };

function probeIdleCost(): void {
  const cluster = createCluster({ workers: 20, podQuota: 2000, seed: 4 });
  runningPods(cluster);
  cluster.api.create('deployments', 'default', deployment('probed', 1000, 'nginx:1.27', PROBES));
  untilRunning(cluster, 1000);
  cluster.advance(EVENT_TTL_MS + 10 * 60_000);
  let writes = 0;
  cluster.store.subscribe((e) => {
    if (e.resource === 'pods') writes++;
  });
  const t0 = performance.now();
  const c0 = cpuMs();
  cluster.advance(60 * 60_000);
  const wall = performance.now() - t0;
  const cpu = cpuMs() - c0;
  // 360 liveness + 720 readiness runs per pod per hour.
  const runs = 1000 * (360 + 720);
  console.log(`6. one idle virtual hour, 1,000 pods with liveness (httpGet, 10 s) and readiness (tcpSocket, 5 s) probes: ${fmt(wall)} wall, ${fmt(cpu)} cpu for ${runs.toLocaleString('en-US')} probe runs (${((cpu * 1000) / runs).toFixed(2)} µs cpu each), ${writes} pod writes  [target: cost ∝ probe runs, no writes]`);
}

/** A Service in front of 1,000 pods while they roll: what the endpoint controllers write and cost. */
function serviceRollout(): void {
  const run = (withService: boolean) => {
    const cluster = createCluster({ workers: 20, podQuota: 5000, seed: 3 });
    if (withService) {
      cluster.api.create('services', 'default', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } });
    }
    cluster.api.create('deployments', 'default', deployment('web', 1000));
    untilRunning(cluster, 1000);
    let sliceWrites = 0;
    let endpointsWrites = 0;
    cluster.store.subscribe((e) => {
      if (e.resource === 'endpointslices') sliceWrites++;
      else if (e.resource === 'endpoints') endpointsWrites++;
    });
    const d = cluster.api.get('deployments', 'default', 'web');
    const spec = structuredClone(d.spec) as { template: { spec: { containers: { image: string }[] } } };
    spec.template.spec.containers[0].image = 'nginx:1.26';
    const c0 = cpuMs();
    const v0 = cluster.clock.now();
    cluster.api.update('deployments', 'default', { ...d, spec });
    cluster.advance(10 * 60_000);
    return { cpu: cpuMs() - c0, virtualS: (cluster.clock.now() - v0) / 1000, sliceWrites, endpointsWrites };
  };
  const without = run(false);
  const within = run(true);
  const perS = (n: number) => (n / within.virtualS).toFixed(1);
  console.log(
    `7. a Service in front of 1,000 pods while they roll (10 virtual min): ${within.sliceWrites} EndpointSlice writes (${perS(within.sliceWrites)}/s), ${within.endpointsWrites} Endpoints writes (${perS(within.endpointsWrites)}/s); ${fmt(within.cpu)} cpu vs ${fmt(without.cpu)} without the Service`,
  );
}

/**
 * 10,000 HTTP requests from a client pod to a Service by name (CoreDNS, kube-proxy's pick among 10
 * nginx pods, the app's answer), with and without someone watching the traffic (the UI does).
 */
function requestsThroughService(): void {
  const cluster = createCluster({ seed: 5 });
  cluster.api.create('deployments', 'default', deployment('web', 10));
  cluster.api.create('services', 'default', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } });
  cluster.api.create('pods', 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'client', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'busybox:1.36', command: ['sleep', '3600'] }] } });
  untilRunning(cluster, 11);
  cluster.advance(5000);
  const client = cluster.api.get('pods', 'default', 'client') as KObject & { status: { podIP: string }; spec: { nodeName: string } };
  const from = { kind: 'pod' as const, pod: { namespace: 'default', name: 'client', ip: client.status.podIP, nodeName: client.spec.nodeName, labels: {} } };
  const now = () => cluster.clock.now();
  const timed = () => {
    const answered = new Set<string>();
    const t0 = performance.now();
    for (let i = 0; i < 10_000; i++) {
      const r = request(cluster.network, from, 'http://web/', now);
      if (typeof r === 'object') answered.add(String(r.status));
    }
    return { ms: performance.now() - t0, statuses: [...answered].join(',') };
  };
  timed(); // warm
  const quiet = timed();
  let events = 0;
  const stop = cluster.network.traffic.subscribe(() => events++);
  const watched = timed();
  stop();
  console.log(`8. 10,000 requests from a pod to a Service by name (DNS, kube-proxy, nginx; status ${quiet.statuses}): ${fmt(quiet.ms)} wall; ${fmt(watched.ms)} with the traffic watched (${events.toLocaleString('en-US')} events)  [target < 100 ms]`);
}

/**
 * 1,000 pods mounting one ConfigMap, then the ConfigMap updated: each kubelet rewrites the volume
 * at the pod's next sync (1 to 1.5 min), which the figure measures from the files the pods see.
 */
function configMapUpdate(): void {
  const cluster = createCluster({ workers: 20, podQuota: 5000, seed: 6 });
  runningPods(cluster);
  cluster.api.create('configmaps', 'default', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: 'default' }, data: { level: 'debug' } });
  const d = deployment('cfg', 1000) as KObject & { spec: { template: { spec: Record<string, unknown> & { containers: Array<Record<string, unknown>> } } } };
  d.spec.template.spec.volumes = [{ name: 'settings', configMap: { name: 'settings' } }];
  d.spec.template.spec.containers[0].volumeMounts = [{ name: 'settings', mountPath: '/etc/settings' }];
  cluster.api.create('deployments', 'default', d);
  untilRunning(cluster, 1000);
  const files = () => [...cluster.kubelets.values()].flatMap((k) => (cluster.store.list('pods', 'default') as KObject[]).flatMap((p) => k.sandbox(p.metadata.uid!)?.running() ?? []));
  const containers = files();
  const t0 = performance.now();
  const c0 = cpuMs();
  const v0 = cluster.clock.now();
  const cm = cluster.api.get('configmaps', 'default', 'settings');
  cluster.api.update('configmaps', 'default', { ...cm, data: { level: 'info' } });
  cluster.advance(2 * 60_000);
  const wall = performance.now() - t0;
  const cpu = cpuMs() - c0;
  let last = v0;
  let changed = 0;
  for (const c of containers) {
    const view = c.files.view(cluster.clock.now());
    if (view.read('/etc/settings/level') !== 'info') continue;
    changed++;
    const data = view.lstat?.('/etc/settings/..data');
    if (data && typeof data === 'object') last = Math.max(last, data.mtime);
  }
  console.log(`11. 1,000 pods mounting one ConfigMap, the ConfigMap updated: ${changed} of ${containers.length} volumes show the change after ${fmt(last - v0)} virtual; the 2 virtual minutes cost ${fmt(wall)} wall, ${fmt(cpu)} cpu  [target: every volume within 1.5 min]`);
}

function browserLongTasks(): void {
  const script = 'e2e/longtask.ts';
  const r = spawnSync('npx', ['tsx', script], { encoding: 'utf8', timeout: 240_000 });
  const line = (r.stdout ?? '').split('\n').reverse().find((l) => l.startsWith('{'));
  if (r.status !== 0 || !line) {
    console.log(`4. main-thread long tasks while 300 pods churn: not measured (${script} exited ${r.status}: ${(r.stderr ?? '').trim().split('\n').slice(-1)[0] ?? ''})`);
    return;
  }
  type Figures = { maxLongTaskMs: number; count: number; maxTaskCpuMs: number };
  const m = JSON.parse(line) as Figures & { load: Figures & { interactiveMs: number } };
  console.log(`4. main-thread long tasks while 300 pods churn: longest ${m.maxLongTaskMs} ms (${m.maxTaskCpuMs} ms of CPU), ${m.count} over 50 ms  [target: none over 50 ms]`);
  console.log(`5. page load: longest task ${m.load.maxLongTaskMs} ms (${m.load.maxTaskCpuMs} ms of CPU), ${m.load.count} over 50 ms, interactive at ${m.load.interactiveMs} ms  [target: none over 50 ms, interactive under 1 s]`);
}

bigDeployment();
virtualRate();
idleCost();
probeIdleCost();
serviceRollout();
requestsThroughService();
bigJob();
cronDay();
configMapUpdate();
if (!process.argv.includes('--no-browser')) browserLongTasks();
