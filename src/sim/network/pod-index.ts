/**
 * Where pods are on the network, from the pods informer: pod IP → the node and sandbox (kindnet's
 * routes), hostNetwork pods under their node's IP, and hostPorts (the CNI portmap plugin's DNAT
 * on the node). Lookups are map reads; the kubelets hold the running sandboxes.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { SharedInformers } from '../informers/shared-informers';
import type { Kubelet } from '../kubelet/kubelet';
import type { PodSandbox } from '../kubelet/exec/sandbox';
import { listenerOn } from './pod-app';

export class PodIndex {
  private readonly byIP = new Map<string, { node: string; uid: string }>();
  /** node → uid → `namespace/name` of its hostNetwork pods. */
  private readonly hostNet = new Map<string, Map<string, string>>();
  /** `node:hostPort` → the pod and the container port it maps to. */
  private readonly hostPorts = new Map<string, { uid: string; port: number }>();

  constructor(
    private readonly informers: SharedInformers,
    private readonly kubelets: ReadonlyMap<string, Kubelet>,
  ) {
    const pods = informers.for('pods');
    for (const p of pods.list()) this.add(p as unknown as Pod);
    pods.onChange((obj, old, type) => {
      if (old) this.remove(old as unknown as Pod);
      if (type !== 'DELETED') this.add(obj as unknown as Pod);
    });
  }

  /** The running sandbox of the pod with this IP (not hostNetwork ones). */
  byPodIP(ip: string): PodSandbox | undefined {
    const at = this.byIP.get(ip);
    const s = at && this.kubelets.get(at.node)?.sandbox(at.uid);
    if (s && s.podIP === ip) return s;
    // Not in the informer yet (the kubelet gave the IP before its status write): ask the nodes.
    for (const k of this.kubelets.values()) {
      const found = k.sandboxByIP(ip);
      if (found && !found.pod.spec?.hostNetwork) return found;
    }
    return undefined;
  }

  /** The running sandbox of pod `namespace/name`. */
  byName(namespace: string, name: string): PodSandbox | undefined {
    const pod = this.informers.for('pods').get(namespace, name) as unknown as Pod | undefined;
    const node = pod?.spec?.nodeName;
    return node && pod?.metadata?.uid ? this.kubelets.get(node)?.sandbox(pod.metadata.uid) : undefined;
  }

  /** The pod whose container `node:hostPort` maps to, and that container port. */
  hostPort(node: string, port: number): { sandbox: PodSandbox; port: number } | undefined {
    const hp = this.hostPorts.get(`${node}:${port}`);
    const s = hp && this.kubelets.get(node)?.sandbox(hp.uid);
    return s ? { sandbox: s, port: hp.port } : undefined;
  }

  /** A hostNetwork pod of `node` listening on `port` at `now`. */
  hostNetworkListener(node: string, port: number, now: number): PodSandbox | undefined {
    for (const key of this.hostNet.get(node)?.values() ?? []) {
      const [ns, name] = key.split('/');
      const s = this.byName(ns, name);
      if (s && listenerOn(s, port, now)) return s;
    }
    return undefined;
  }

  private add(p: Pod): void {
    const node = p.spec?.nodeName;
    const uid = p.metadata?.uid;
    if (!node || !uid) return;
    for (const c of p.spec?.containers ?? []) for (const cp of c.ports ?? []) if (cp.hostPort) this.hostPorts.set(`${node}:${cp.hostPort}`, { uid, port: cp.containerPort });
    if (p.spec?.hostNetwork) {
      let m = this.hostNet.get(node);
      if (!m) this.hostNet.set(node, (m = new Map()));
      m.set(uid, `${p.metadata!.namespace}/${p.metadata!.name}`);
      return;
    }
    const ip = p.status?.podIP;
    if (ip) this.byIP.set(ip, { node, uid });
  }

  private remove(p: Pod): void {
    const node = p.spec?.nodeName;
    const uid = p.metadata?.uid;
    if (!node || !uid) return;
    for (const c of p.spec?.containers ?? []) {
      for (const cp of c.ports ?? []) if (cp.hostPort && this.hostPorts.get(`${node}:${cp.hostPort}`)?.uid === uid) this.hostPorts.delete(`${node}:${cp.hostPort}`);
    }
    if (p.spec?.hostNetwork) {
      this.hostNet.get(node)?.delete(uid);
      return;
    }
    const ip = p.status?.podIP;
    if (ip && this.byIP.get(ip)?.uid === uid) this.byIP.delete(ip);
  }
}
