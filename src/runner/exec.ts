/**
 * Runs one kubectl command line against a cluster and collects what it prints (stdout and
 * stderr interleaved, as a terminal shows them) and its exit code.
 */
import type { Cluster } from '../sim/cluster';
import { runKubectl } from './run-kubectl';
import { DEFAULT_KUBECONFIG, type KubeConfig, type Workspace } from '../kubectl/types';

export interface ExecOptions {
  workspace?: Workspace;
  config?: KubeConfig;
  stdin?: string;
}

export interface ExecResult {
  output: string;
  stdout: string;
  stderr: string;
  code: number;
}

export const EMPTY_WORKSPACE: Workspace = { read: () => undefined, list: () => undefined };

/** Runs `kubectl <argv>`; `config` (if given) is the session's kubeconfig and may be changed. */
export function execKubectl(cluster: Cluster, argv: string[], opts: ExecOptions = {}): ExecResult {
  let output = '';
  let stdout = '';
  let stderr = '';
  const code = runKubectl(cluster, argv, {
    stdin: opts.stdin,
    workspace: opts.workspace ?? EMPTY_WORKSPACE,
    config: opts.config ?? { ...DEFAULT_KUBECONFIG },
    out: (t) => {
      output += t;
      stdout += t;
    },
    err: (t) => {
      output += t;
      stderr += t;
    },
  });
  return { output, stdout, stderr, code };
}

/** A workspace over an in-memory map of path → contents (folders are path prefixes). */
export function memoryWorkspace(files: Record<string, string>): Workspace {
  const norm = (p: string) => p.replace(/^\.\//, '').replace(/\/+$/, '');
  return {
    read: (path) => (Object.prototype.hasOwnProperty.call(files, norm(path)) ? files[norm(path)] : undefined),
    list: (dir) => {
      const prefix = norm(dir) === '.' || norm(dir) === '' ? '' : `${norm(dir)}/`;
      const names = Object.keys(files)
        .filter((f) => f.startsWith(prefix))
        .map((f) => f.slice(prefix.length).split('/')[0]);
      return names.length ? [...new Set(names)].sort() : undefined;
    },
  };
}
