/**
 * The inspector's Files view of a pod: each volume a running container mounts, what it is
 * (configMap "app", secret "db", projected, emptyDir…), where it is mounted, and the files it
 * holds now as the container reads them — through the ..data link, the way `cat` would.
 */
import type { Pod, Volume } from 'kubernetes-types/core/v1';
import type { PodSandbox } from '../sim/kubelet/exec/sandbox';
import type { ShellFs } from '../shell/program';

export interface VolumeFileView {
  /** Inside the volume (`level`, `conf/level`). */
  path: string;
  size: number;
  /** Permission bits, `-rw-r--r--` style. */
  mode: string;
  /** The first bytes of the file. */
  content: string;
  truncated: boolean;
}

export interface VolumeView {
  name: string;
  /** `configMap "app"`, `secret "db"`, `downwardAPI`, `projected`, `emptyDir`, `emptyDir (Memory)`. */
  source: string;
  /** `container:/path` for each mount of it. */
  mounts: string[];
  files: VolumeFileView[];
}

const PREVIEW_BYTES = 2048;
const MAX_FILES = 50;

export function inspectVolumes(pod: Pod, sandbox: PodSandbox | undefined, now: number): VolumeView[] {
  const running = sandbox?.running() ?? [];
  const out: VolumeView[] = [];
  for (const v of pod.spec?.volumes ?? []) {
    const mounts = running.flatMap((c) => (c.spec.volumeMounts ?? []).filter((m) => m.name === v.name && !m.subPath).map((m) => ({ c, path: m.mountPath })));
    const source = sourceOf(v);
    if (!source) continue;
    const first = mounts[0];
    out.push({
      name: v.name,
      source,
      mounts: mounts.map((m) => `${m.c.name}:${m.path}`),
      files: first ? filesUnder(first.c.files.view(now), first.path.replace(/\/+$/, '') || '/') : [],
    });
  }
  return out;
}

function sourceOf(v: Volume): string | undefined {
  if (v.configMap) return `configMap "${v.configMap.name ?? ''}"`;
  if (v.secret) return `secret "${v.secret.secretName ?? ''}"`;
  if (v.downwardAPI) return 'downwardAPI';
  if (v.projected) return 'projected';
  if (v.emptyDir) return v.emptyDir.medium === 'Memory' ? 'emptyDir (Memory)' : 'emptyDir';
  return undefined;
}

/** The files below `root`, the atomic writer's `..` entries skipped, symlinks followed. */
function filesUnder(fs: ShellFs, root: string): VolumeFileView[] {
  const files: VolumeFileView[] = [];
  const walk = (dir: string, rel: string) => {
    const names = fs.list(dir);
    if (!Array.isArray(names)) return;
    for (const n of names) {
      if (n.startsWith('..') || files.length >= MAX_FILES) continue;
      const abs = `${dir === '/' ? '' : dir}/${n}`;
      const st = fs.stat(abs);
      if (typeof st === 'string') continue;
      if (st.type === 'dir') {
        walk(abs, `${rel}${n}/`);
        continue;
      }
      const content = fs.read(abs);
      const text = typeof content === 'string' ? content : '';
      files.push({ path: rel + n, size: st.size, mode: modeBits(st.mode), content: text.slice(0, PREVIEW_BYTES), truncated: text.length > PREVIEW_BYTES });
    }
  };
  walk(root, '');
  return files;
}

function modeBits(mode: number): string {
  let s = '-';
  for (let shift = 6; shift >= 0; shift -= 3) {
    const b = (mode >> shift) & 7;
    s += (b & 4 ? 'r' : '-') + (b & 2 ? 'w' : '-') + (b & 1 ? 'x' : '-');
  }
  return s;
}
