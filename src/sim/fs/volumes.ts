/**
 * A pod's volumes as its containers mount them: an emptyDir is one journal shared by every
 * container that mounts it, for the pod's life; a downwardAPI volume holds the files its items
 * name (the kubelet's atomic writer, refreshed later). Kinds not simulated yet (ConfigMap,
 * Secret, PV, hostPath, projected) are not mounted: `volumeFor` returns undefined for them, and
 * a later issue plugs them in here.
 */
import type { Container, Pod, Volume } from 'kubernetes-types/core/v1';
import { fieldValue, resourceValue, type PodFacts } from '../kubelet/container-env';
import { normalize } from '../../shell/memory-fs';
import { FileJournal } from './journal';
import { nodeVolume } from './node-volumes';
import type { Mount } from './container-fs';

export interface PodVolume {
  journal: FileJournal;
  files?: ReadonlyMap<string, string>;
}

export class PodVolumes {
  private readonly volumes = new Map<string, PodVolume | undefined>();

  constructor(private readonly pod: Pod, private readonly facts: () => PodFacts) {}

  /** The mounts of `container`, in its volumeMounts order. */
  mountsOf(container: Container): Mount[] {
    const mounts: Mount[] = [];
    for (const m of container.volumeMounts ?? []) {
      const v = this.volumeFor(m.name);
      if (!v || m.subPath || m.subPathExpr) continue;
      mounts.push({ path: normalize(m.mountPath), journal: v.journal, files: v.files, readOnly: !!m.readOnly });
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

  private make(spec: Volume): PodVolume | undefined {
    if (spec.emptyDir) return { journal: new FileJournal() };
    if (spec.downwardAPI) return { journal: new FileJournal(), files: this.downward(spec) };
    if (spec.hostPath || spec.persistentVolumeClaim) {
      const facts = this.facts();
      const journal = facts.node && nodeVolume(spec, this.pod.metadata?.namespace ?? 'default', facts.node);
      return journal ? { journal } : undefined;
    }
    return undefined;
  }

  /** downwardAPI items: `path` → the field's value, as the volume plugin writes it. */
  private downward(spec: Volume): ReadonlyMap<string, string> {
    const files = new Map<string, string>();
    const facts = this.facts();
    const containers = this.pod.spec?.containers ?? [];
    for (const item of spec.downwardAPI?.items ?? []) {
      let value = '';
      if (item.fieldRef) value = fieldValue(item.fieldRef.fieldPath, this.pod, facts);
      else if (item.resourceFieldRef) {
        const c = containers.find((x) => x.name === item.resourceFieldRef!.containerName) ?? containers[0];
        value = resourceValue(item.resourceFieldRef.resource, item.resourceFieldRef.divisor, c, facts);
      }
      files.set(normalize('/' + item.path), value);
    }
    return files;
  }
}
