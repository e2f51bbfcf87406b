/**
 * Static pods (pkg/kubelet/config/file.go and pod/mirror_client.go): the control-plane kubelet
 * runs the pods of its manifest folder itself and publishes a **mirror pod** for each, named
 * `<pod>-<node>`, annotated `kubernetes.io/config.{hash,mirror,seen,source}`, owned by the
 * Node. The mirror is only a reflection: deleting it does not stop the containers; the kubelet
 * deletes it at once (grace 0) and creates a new one, to which the running pod reports.
 */
import type { NodeSpec, SimContext } from '../context';
import { StatusError } from '../api/errors';
import type { KObject } from '../core/object';
import { hash32 } from '../core/rng';
import type { WatchEvent } from '../core/store';
import type { PodWorker } from './pod-worker';

export const MIRROR_ANNOTATION = 'kubernetes.io/config.mirror';
/** How long the kubelet takes to notice a mirror pod being deleted (its next pod sync). */
const RESYNC_MS = 700;

function hex(seed: string, length: number): string {
  let s = '';
  for (let i = 0; s.length < length; i++) s += hash32(`${seed}#${i}`).toString(16).padStart(8, '0');
  return s.slice(0, length);
}

/**
 * The object the kubelet's events name: for a mirror pod, the static pod behind it, whose uid is
 * its config hash (so its events outlive mirrors; `kubectl describe` looks them up by it).
 */
export function asStaticPod(obj: KObject): KObject {
  const hash = obj.kind === 'Pod' ? obj.metadata.annotations?.[MIRROR_ANNOTATION] : undefined;
  return hash ? { ...obj, metadata: { ...obj.metadata, uid: hash } } : obj;
}

export class StaticPods {
  /** Mirror pod names this kubelet publishes, with their manifests and config hashes. */
  private readonly manifests = new Map<string, KObject>();
  private readonly hashes = new Map<string, string>();
  /** Static pods whose mirror is gone, by mirror name: their worker, waiting for the next mirror. */
  private readonly workers = new Map<string, PodWorker>();
  private readonly seen: string;

  constructor(
    private readonly ctx: SimContext,
    private readonly node: NodeSpec,
    manifests: readonly KObject[],
    private readonly actor: string,
  ) {
    for (const m of manifests) this.manifests.set(`${m.metadata.name}-${node.name}`, m);
    // config.seen: when the file source first read the folder (RFC 3339 with nanoseconds).
    const now = ctx.clock.timestamp();
    this.seen = `${now.replace(/Z$/, '')}.${String(hash32(`seen/${node.name}`) % 1e9).padStart(9, '0')}Z`;
  }

  /** The Node is registered: publish every mirror pod. */
  start(): void {
    for (const name of this.manifests.keys()) this.createMirror(name);
  }

  /** Whether the pod `namespace/name` is one of this kubelet's static pods. */
  runs(namespace: string, name: string): boolean {
    return namespace === 'kube-system' && this.manifests.has(name);
  }

  /** Whether `pod` is a mirror pod this kubelet publishes. */
  owns(pod: KObject): boolean {
    return pod.metadata.namespace === 'kube-system' && this.manifests.has(pod.metadata.name!) && !!pod.metadata.annotations?.[MIRROR_ANNOTATION];
  }

  /**
   * A mirror pod's event, given the kubelet's workers by pod uid; true when handled here (the
   * static pod keeps running whatever its mirror does, and reports to the newest mirror).
   */
  mirrorEvent(e: WatchEvent, workers: Map<string, PodWorker>): boolean {
    const obj = e.object;
    const name = obj.metadata.name!;
    const uid = obj.metadata.uid!;
    if (e.type === 'DELETED') {
      const running = workers.get(uid);
      if (running) this.workers.set(name, running);
      this.mirrorGone(obj);
      return !!running;
    }
    if (obj.metadata.deletionTimestamp) {
      this.mirrorDeleting(obj);
      return true;
    }
    const worker = this.workers.get(name);
    if (!worker || workers.get(uid) === worker) return false;
    this.workers.delete(name);
    for (const [k, w] of workers) if (w === worker) workers.delete(k);
    workers.set(uid, worker);
    this.ctx.clock.after(0, () => worker.rebind(this.ctx.api.tryGet('pods', 'kube-system', name) ?? obj), this.actor);
    return true;
  }

  /** A mirror being deleted (a learner's `kubectl delete pod`): remove it now and publish it again. */
  private mirrorDeleting(pod: KObject): void {
    const uid = pod.metadata.uid!;
    this.ctx.clock.after(RESYNC_MS, () => {
      try {
        this.ctx.api.delete('pods', 'kube-system', pod.metadata.name!, { gracePeriodSeconds: 0, preconditions: { uid } });
      } catch (e) {
        if (!(e instanceof StatusError)) throw e;
      }
    }, this.actor);
  }

  /** A mirror left the store: the kubelet's next sync creates it again. */
  private mirrorGone(pod: KObject): void {
    this.ctx.clock.after(RESYNC_MS, () => this.createMirror(pod.metadata.name!), this.actor);
  }

  private createMirror(name: string): void {
    if (this.ctx.api.tryGet('pods', 'kube-system', name)) return;
    const node = this.ctx.api.tryGet('nodes', undefined, this.node.name);
    if (!node) return;
    const m = this.manifests.get(name)!;
    let hash = this.hashes.get(name);
    if (!hash) this.hashes.set(name, (hash = hex(`config/${this.node.name}/${JSON.stringify(m)}`, 32)));
    const metadata: KObject['metadata'] = {
      name,
      namespace: 'kube-system',
      labels: { ...(m.metadata.labels ?? {}) },
      annotations: {
        ...(m.metadata.annotations ?? {}),
        'kubernetes.io/config.hash': hash,
        [MIRROR_ANNOTATION]: hash,
        'kubernetes.io/config.seen': this.seen,
        'kubernetes.io/config.source': 'file',
      },
      ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: this.node.name, uid: node.metadata.uid!, controller: true }],
    };
    // The kubelet's file source sets the node name and, for static pods, tolerates every NoExecute taint.
    const spec = { ...(m.spec as object), nodeName: this.node.name, tolerations: [{ effect: 'NoExecute', operator: 'Exists' }] };
    this.ctx.api.create('pods', 'kube-system', { apiVersion: 'v1', kind: 'Pod', metadata, spec });
  }
}
