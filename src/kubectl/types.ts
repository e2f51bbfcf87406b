/**
 * The contract between kubectl and its hosts (the headless runner, the Web Worker, lessons).
 * A kubectl invocation is a generator: it writes output as it goes and, where the real
 * kubectl would block (`rollout status`, `wait`, `delete` waiting for pods to go), it yields
 * a `Wait` so that the host advances virtual time — all at once in Node, frame by frame in
 * the browser.
 */
import type { Cluster } from '../sim/cluster';

/** The learner's files: editor tabs, lesson files, or files beside a transcript. */
export interface Workspace {
  /** File contents, or undefined if there is no such file. */
  read(path: string): string | undefined;
  /** Names of the files directly in a folder (sorted), or undefined if it is not a folder. */
  list(dir: string): string[] | undefined;
}

/** The kubeconfig state the session keeps (what `kubectl config` changes). */
export interface KubeConfig {
  context: string;
  cluster: string;
  user: string;
  namespace: string;
}

export const DEFAULT_KUBECONFIG: KubeConfig = {
  context: 'kind-kind',
  cluster: 'kind-kind',
  user: 'kind-kind',
  namespace: 'default',
};

export interface KubectlIO {
  /** What `-f -` reads. */
  stdin?: string;
  workspace: Workspace;
  config: KubeConfig;
  out(text: string): void;
  err(text: string): void;
}

/** Ask the host to advance virtual time until `until()` holds or `timeoutMs` passes. */
export interface Wait {
  until: () => boolean;
  timeoutMs: number;
}

/** Yields waits; receives whether the condition held; returns the exit code. */
export type KubectlProgram = Generator<Wait, number, boolean>;

export type KubectlEntry = (cluster: Cluster, argv: string[], io: KubectlIO) => KubectlProgram;
