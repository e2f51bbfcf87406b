/**
 * A pod's volumes as its containers mount them, one plugin a branch: an emptyDir is one
 * journal shared by every container that mounts it, for the pod's life; configMap, secret,
 * downwardAPI and projected volumes are the kubelet's atomic writer (./atomic-volume.ts) over
 * a payload their own file makes; hostPath and claims on node folders are the node's files
 * (./node-volumes.ts). Only volumes some container mounts are set up (the volume manager's
 * desired state); kinds not simulated here are not mounted.
 */
import type { Container, Pod, Volume } from 'kubernetes-types/core/v1';
import type { PodFacts } from '../kubelet/container-env';
import { normalize } from '../../shell/memory-fs';
import { AtomicVolume } from './atomic-volume';
import type { ProjectionSources } from './projected-volume';
import { isAtomicVolume, VolumePayload } from './volume-payload';
import { FileJournal } from './journal';
import { hostPathTypeError, nodeVolume } from './node-volumes';
import type { Mount } from './container-fs';

/** Where a volume's content comes from: the kubelet's watch of ConfigMaps, Secrets, tokens. */
export type VolumeSources = ProjectionSources;

export type PodVolume =
  | { kind: 'journal'; journal: FileJournal; medium?: string; rootMode: number; madeAt?: number }
  | { kind: 'atomic'; journal: FileJournal; atomic: AtomicVolume; rootMode: number; tmpfs: boolean };

/** A volume that could not be set up: `MountVolume.SetUp failed for volume "cfg" : …`. */
export interface MountFailure {
  volume: string;
  message: string;
}

const NO_OBJECTS = { configMap: () => undefined, secret: () => undefined, token: () => ({ error: 'no token' }) };

function isComplete(s: Partial<VolumeSources> | undefined): s is VolumeSources {
  return !!s && !!s.configMap && !!s.secret && !!s.token && !!s.pod && !!s.facts;
}

export class PodVolumes {
  private readonly volumes = new Map<string, PodVolume | undefined>();
  private readonly sources: VolumeSources;

  constructor(private readonly pod: Pod, facts: () => PodFacts, sources?: Partial<VolumeSources>) {
    // The kubelet passes every source; tests and one-off plans fill in only what they use.
    this.sources = isComplete(sources) ? sources : { ...NO_OBJECTS, pod: () => pod, facts, ...sources };
  }

  /**
   * Sets up (at `t`) every volume a container mounts that is not yet: the failures, one per
   * volume, when an object it needs is missing. Nothing is mounted until all succeed.
   */
  setUp(t: number): MountFailure[] {
    const failures: MountFailure[] = [];
    for (const name of this.mountedNames()) {
      const typeError = this.hostPathTypeError(name);
      if (typeError) {
        failures.push({ volume: name, message: `MountVolume.SetUp failed for volume "${name}" : ${typeError}` });
        continue;
      }
      const v = this.volumeFor(name);
      if (v?.kind === 'journal') v.madeAt ??= t;
      if (v?.kind !== 'atomic' || v.atomic.written) continue;
      const error = v.atomic.write(t);
      if (error !== undefined) failures.push({ volume: name, message: `MountVolume.SetUp failed for volume "${name}" : ${error}` });
    }
    return failures;
  }

  /** The kubelet's periodic sync rewrites every mounted volume from the objects as they are now. */
  refresh(t: number): void {
    for (const v of this.volumes.values()) if (v?.kind === 'atomic' && v.atomic.written) v.atomic.write(t);
  }

  /**
   * Bytes held in memory-backed emptyDirs at `t`, by the first container (of `names`, in order)
   * that mounts each: tmpfs pages are charged to the memory cgroup of the pod's containers.
   */
  memoryCharges(containers: Container[], t: number): Map<string, number> {
    const charges = new Map<string, number>();
    for (const spec of this.pod.spec?.volumes ?? []) {
      if (spec.emptyDir?.medium !== 'Memory') continue;
      const v = this.volumes.get(spec.name);
      const user = containers.find((c) => (c.volumeMounts ?? []).some((m) => m.name === spec.name));
      if (v?.kind !== 'journal' || !user) continue;
      charges.set(user.name, (charges.get(user.name) ?? 0) + v.journal.usedBytes(t));
    }
    return charges;
  }

  /** Does a volume of this pod read the ConfigMap (or Secret) `name`? */
  reads(kind: 'configMap' | 'secret', name: string): boolean {
    return (this.pod.spec?.volumes ?? []).some((v) => {
      if (kind === 'configMap' && v.configMap?.name === name) return true;
      if (kind === 'secret' && v.secret?.secretName === name) return true;
      return (v.projected?.sources ?? []).some((s) => s[kind]?.name === name);
    });
  }

  /** The mounts of `container` started at `startedAt`, in its volumeMounts order. */
  mountsOf(container: Container, startedAt = 0): Mount[] {
    const mounts: Mount[] = [];
    for (const m of container.volumeMounts ?? []) {
      const v = this.volumeFor(m.name);
      if (!v || m.subPathExpr) continue;
      // A container started without the mount stage (a plan run on its own) sets it up itself.
      if (v.kind === 'atomic' && !v.atomic.written) v.atomic.write(startedAt);
      const sub = m.subPath ? normalize('/' + m.subPath) : undefined;
      const readOnly = !!m.readOnly || v.kind === 'atomic';
      const base = { path: normalize(m.mountPath), journal: v.journal, readOnly, sub, rootMode: v.rootMode };
      if (v.kind === 'journal') mounts.push({ ...base, tmpfs: v.medium === 'Memory', rootTime: () => v.madeAt ?? startedAt });
      // A subPath is bind-mounted once: the file as it was when the container started.
      else mounts.push({ ...base, files: sub ? () => v.atomic.files(startedAt) : (t) => v.atomic.files(t), rootTime: (t) => v.atomic.changedAt(t), tmpfs: v.tmpfs });
    }
    return mounts;
  }

  volumeFor(name: string): PodVolume | undefined {
    if (this.volumes.has(name)) return this.volumes.get(name);
    const spec = (this.pod.spec?.volumes ?? []).find((v) => v.name === name);
    const v = spec ? this.make(spec) : undefined;
    this.volumes.set(name, v);
    return v;
  }

  private mountedNames(): string[] {
    const names = new Set<string>();
    const spec = this.pod.spec;
    for (const list of [spec?.initContainers, spec?.containers]) for (const c of list ?? []) for (const m of c.volumeMounts ?? []) names.add(m.name);
    const out: string[] = [];
    for (const v of spec?.volumes ?? []) if (names.has(v.name)) out.push(v.name);
    return out;
  }

  /** The kubelet's hostPath type check (a Directory that is not one on the node), before anything is made. */
  private hostPathTypeError(name: string): string | undefined {
    const spec = (this.pod.spec?.volumes ?? []).find((v) => v.name === name);
    if (!spec?.hostPath) return undefined;
    const node = this.sources.facts().node;
    return node ? hostPathTypeError(spec, node) : undefined;
  }

  private make(spec: Volume): PodVolume | undefined {
    // emptyDir's directory is 0777 (and sticky on tmpfs); the wrapped API-data volumes too.
    if (spec.emptyDir) return { kind: 'journal', journal: new FileJournal(), medium: spec.emptyDir.medium, rootMode: spec.emptyDir.medium === 'Memory' ? 0o1777 : 0o777 };
    // hostPath and claims on node folders: the node's files (./node-volumes.ts), outliving the pod.
    if (spec.hostPath || spec.persistentVolumeClaim) {
      const node = this.sources.facts().node;
      const journal = node && nodeVolume(spec, this.pod.metadata?.namespace ?? 'default', node);
      return journal ? { kind: 'journal', journal, rootMode: 0o755 } : undefined;
    }
    if (!isAtomicVolume(spec)) return undefined;
    const uid = this.pod.metadata?.uid ?? this.pod.metadata?.name ?? '';
    const tmpfs = !!spec.secret || !!spec.projected;
    return { kind: 'atomic', journal: new FileJournal(), atomic: new AtomicVolume(new VolumePayload(spec, this.sources), `${uid}/${spec.name}`), rootMode: tmpfs ? 0o1777 : 0o777, tmpfs };
  }
}

