/**
 * `--kubeconfig=FILE`: kubectl loads the file before anything that needs a cluster, and stops at
 * `stat FILE: no such file or directory` when it is not there. The playground has one kubeconfig,
 * kind's at ~/.kube/config; a file open in the editor also counts as there (its contents are not
 * read: the session's kubeconfig stays in use). The `KUBECONFIG` variable needs no check: kubectl
 * skips the missing files it lists.
 */
import type { ParsedArgs } from './args';
import type { Workspace } from './types';

/** The `--kubeconfig` path when it names no file, else undefined. */
export function missingKubeconfig(args: ParsedArgs, workspace: Workspace): string | undefined {
  const path = args.string('kubeconfig');
  if (!path || /(^|\/)\.kube\/config$/.test(path)) return undefined;
  return workspace.read(path) === undefined ? path : undefined;
}

/** Whether the command reads the kubeconfig (`config` reads it its own way; see config.ts). */
export function readsKubeconfig(path: string, args: ParsedArgs): boolean {
  if (path.startsWith('kubectl config') || path === 'kubectl completion' || path === 'kubectl options') return false;
  return !(path === 'kubectl version' && args.bool('client'));
}
