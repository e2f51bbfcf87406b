/**
 * The files of one pod's containers: its volumes (./volumes.ts), and for every container
 * instance a fresh writable layer over the image's and the kubelet's files (lost when the
 * container restarts). Main processes are replayed on demand, so each registers a writer that
 * journals its writes up to a moment; any read at `t` first brings every writer of the pod up to
 * `t` (a writer and a reader sharing an emptyDir see the same bytes at the same instant).
 */
import type { Container, Pod } from 'kubernetes-types/core/v1';
import type { ImageInfo } from '../images';
import type { PodFacts } from '../kubelet/container-env';
import { ContainerFs, type Mount } from './container-fs';
import { FileJournal } from './journal';
import { kubeletFiles } from './kubelet-files';
import { PodVolumes, type VolumeSources } from './volumes';

/** A main process that journals its writes up to `untilAbs` when asked. */
export interface Writer {
  extend(untilAbs: number): void;
}

const NO_FACTS: PodFacts = { podIPs: [], hostIPs: [], allocatable: { cpuMillis: 0, memoryBytes: 0, ephemeralBytes: 0 }, services: [] };

export class PodFiles {
  readonly volumes: PodVolumes;
  private readonly writers = new Set<Writer>();
  private syncing = false;
  private unwatchNode?: () => void;
  private nodeFacts?: PodFacts['node'];
  /** A hostPath or claim volume: its files are the node's, which other pods' writers share. */
  private readonly onNode: boolean;

  constructor(readonly pod: Pod, private readonly facts: () => PodFacts = () => NO_FACTS, sources?: Partial<VolumeSources>) {
    this.volumes = new PodVolumes(pod, facts, sources);
    this.onNode = usesNodeFiles(pod);
  }

  /** The pod's IP as the kubelet knows it now (its /etc/hosts names it). */
  podIP(): string | undefined {
    return this.facts().podIPs[0];
  }

  /** A new instance of `container` started at `startedAt` (undefined: whenever its first exec says). */
  start(container: Container, image: ImageInfo, startedAt?: number): ContainerFiles {
    return new ContainerFiles(this, container, image, startedAt);
  }

  attach(w: Writer): void {
    this.writers.add(w);
    // Writers to the node's files (hostPath, local volumes) are brought up to date by other pods' reads too.
    if (!this.unwatchNode && this.onNode) this.unwatchNode = this.facts().node?.watch((t) => this.syncOwn(t));
  }

  detach(w: Writer): void {
    this.writers.delete(w);
    if (this.writers.size === 0) {
      this.unwatchNode?.();
      this.unwatchNode = undefined;
    }
  }

  /** Brings every writer up to `t`: the pod's own, and those of the node's files it may share. */
  sync(t: number): void {
    this.syncOwn(t);
    if (this.onNode) (this.nodeFacts ??= this.facts().node)?.sync(t);
  }

  /** The pod's own writers up to `t` (not re-entrant: a writer's own start-up snapshot reads too). */
  private syncOwn(t: number): void {
    if (this.syncing) return;
    this.syncing = true;
    try {
      for (const w of this.writers) w.extend(t);
    } finally {
      this.syncing = false;
    }
  }
}

function usesNodeFiles(pod: Pod): boolean {
  return (pod.spec?.volumes ?? []).some((v) => v.hostPath || v.persistentVolumeClaim);
}

/** One container instance's files. */
export class ContainerFiles {
  readonly upper = new FileJournal();
  private mountList?: Mount[];
  private lowerMap?: ReadonlyMap<string, string>;
  private writer?: Writer;

  // The container and image, not thunks: thousands of instances live as long as their containers.
  constructor(
    private readonly pod: PodFiles,
    private readonly container: Container,
    private readonly image: ImageInfo,
    /** Set by the kubelet at the start; a standalone plan learns it from its first exec. */
    public startedAt: number | undefined,
  ) {}

  /** The container's files as a process sees them at `t`. */
  view(t: number): ContainerFs {
    return new ContainerFs(this.lower(), this.upper, this.mounts(), () => t, (x) => this.pod.sync(x));
  }

  /** Every file at the container's start: what its main process finds (a plain map). */
  initial(): Map<string, string> {
    return this.view(this.startedAt ?? 0).snapshot();
  }

  /**
   * A write the main process made at `at` (content undefined: removed), routed to its layer. A
   * change that only added to what the process had (`>>`) adds to the file as it is then, which
   * other writers (an exec, another container) may have changed meanwhile.
   */
  record(path: string, content: string | undefined, at: number, previous?: string): void {
    const m = this.mounts().find((x) => path === x.path || path.startsWith(x.path + '/'));
    if (m?.readOnly) return;
    const journal = m ? m.journal : this.upper;
    const rel = m ? path.slice(m.path.length) || '/' : path;
    if (content !== undefined && previous !== undefined && content.startsWith(previous)) journal.record(rel, { at, kind: 'append', text: content.slice(previous.length) });
    else journal.record(rel, content === undefined ? { at, kind: 'gone' } : { at, kind: 'file', content, mode: 0o644 });
  }

  /** Where read-only API-data volumes (configMap, secret, downwardAPI, projected) are mounted. */
  apiMountPaths(): string[] {
    return this.mounts().filter((m) => m.files).map((m) => m.path);
  }

  /** The main process's writer: replayed on demand until the container stops. */
  attach(w: Writer): void {
    this.writer = w;
    this.pod.attach(w);
  }

  /** The container stopped at `at`: its main process wrote nothing after. */
  stop(at: number): void {
    if (!this.writer) return;
    this.writer.extend(at);
    this.pod.detach(this.writer);
    this.writer = undefined;
  }

  private mounts(): Mount[] {
    return (this.mountList ??= this.pod.volumes.mountsOf(this.container, this.startedAt));
  }

  private lower(): ReadonlyMap<string, string> {
    return (this.lowerMap ??= lowerFiles(this.image, this.pod.pod, this.pod.podIP()));
  }
}

/** The image's files under the kubelet's (/etc/hosts, /etc/hostname, /etc/resolv.conf). */
function lowerFiles(image: ImageInfo, pod: Pod, podIP: string | undefined): ReadonlyMap<string, string> {
  const files = new Map(image.files ?? []);
  for (const [p, c] of kubeletFiles(pod, podIP)) files.set(p, c);
  return files;
}
