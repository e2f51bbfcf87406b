/**
 * Test harness for controller tests: an api-server with namespaces and the controller-manager,
 * but no scheduler or kubelets, so tests play the kubelet by writing pod status themselves.
 */
import { NodeFilesystems } from '../fs/node-files';
import { ApiServer } from '../api/apiserver';
import { Clock, DEFAULT_EPOCH } from '../core/clock';
import type { SimContext } from '../context';
import { EventRecorder } from '../events';
import type { KObject } from '../core/object';
import { Rng } from '../core/rng';
import { Store } from '../core/store';
import { startControllers, type ControllerManager } from './index';
import type { DeploymentObject, PodObject, ReplicaSetObject } from '../kinds/apps/workload-types';

export interface Harness extends SimContext {
  cm: ControllerManager;
  settle(): void;
  advance(ms: number): void;
  /** Every Event message, in the order recorded (repeats included). */
  eventLog: { reason: string; object: string; message: string }[];
}

export function harness(seed = 1, freeze = true): Harness {
  const clock = new Clock(DEFAULT_EPOCH);
  const rng = new Rng(seed);
  const store = new Store(freeze);
  const api = new ApiServer(store, clock, rng.fork('apiserver'));
  const events = new EventRecorder(api, clock);
  for (const name of ['default', 'kube-system']) api.create('namespaces', undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  const eventLog: Harness['eventLog'] = [];
  store.subscribe((e) => {
    if (e.resource !== 'events' || e.type === 'DELETED') return;
    const ev = e.object as KObject & { reason: string; message: string; involvedObject: { kind: string; name: string } };
    eventLog.push({ reason: ev.reason, object: `${ev.involvedObject.kind}/${ev.involvedObject.name}`, message: ev.message });
  });
  const ctx: SimContext = { api, clock, rng, events, store, nodeFiles: new NodeFilesystems() };
  const cm = startControllers(ctx);
  clock.advance(0);
  return { ...ctx, cm, eventLog, settle: () => clock.advance(0), advance: (ms) => clock.advance(ms) };
}

export function podTemplate(labels: Record<string, string>, image = 'nginx:1.25'): KObject['spec'] {
  return {
    metadata: { labels },
    spec: { containers: [{ name: 'app', image }], restartPolicy: 'Always', terminationGracePeriodSeconds: 30 },
  };
}

export function replicaSetManifest(name: string, replicas: number, labels = { app: name }): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name, namespace: 'default' },
    spec: { replicas, selector: { matchLabels: labels }, template: podTemplate(labels) },
  };
}

export function deploymentManifest(name: string, replicas: number, extra: { image?: string; strategy?: unknown; minReadySeconds?: number; revisionHistoryLimit?: number } = {}): KObject {
  const labels = { app: name };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default' },
    spec: {
      replicas,
      selector: { matchLabels: labels },
      template: podTemplate(labels, extra.image),
      strategy: extra.strategy ?? { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
      revisionHistoryLimit: extra.revisionHistoryLimit ?? 10,
      progressDeadlineSeconds: 600,
      ...(extra.minReadySeconds ? { minReadySeconds: extra.minReadySeconds } : {}),
    },
  };
}

export function pods(h: Harness, ns = 'default'): PodObject[] {
  return h.store.list('pods', ns) as PodObject[];
}

export function activePods(h: Harness, ns = 'default'): PodObject[] {
  return pods(h, ns).filter((p) => !p.metadata.deletionTimestamp && p.status?.phase !== 'Failed' && p.status?.phase !== 'Succeeded');
}

export function replicaSets(h: Harness, ns = 'default'): ReplicaSetObject[] {
  return h.store.list('replicasets', ns) as ReplicaSetObject[];
}

export function getDeployment(h: Harness, name: string): DeploymentObject {
  return h.api.get('deployments', 'default', name) as DeploymentObject;
}

/** Plays the kubelet: the pod runs and is Ready from now. */
export function markReady(h: Harness, pod: PodObject, nodeName?: string): PodObject {
  let p = h.api.get('pods', pod.metadata.namespace, pod.metadata.name!) as PodObject;
  if (nodeName && p.spec?.nodeName !== nodeName) p = h.api.update('pods', p.metadata.namespace, { ...p, spec: { ...p.spec!, nodeName } }) as PodObject;
  const now = h.clock.timestamp();
  return h.api.updateStatus('pods', p.metadata.namespace, {
    ...p,
    status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: now }], startTime: now },
  }) as PodObject;
}

/** Marks every active, not yet ready pod Ready, then lets the controllers react. */
export function readyAll(h: Harness, filter: (p: PodObject) => boolean = () => true): number {
  let n = 0;
  for (const p of activePods(h)) {
    if (p.status?.phase === 'Running' || !filter(p)) continue;
    markReady(h, p);
    n++;
  }
  h.settle();
  return n;
}

export function scalingEvents(h: Harness): string[] {
  return h.eventLog.filter((e) => e.reason === 'ScalingReplicaSet').map((e) => e.message);
}
