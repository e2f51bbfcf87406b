/**
 * YAML syntax problems of an editor file, with 1-based line and column for editor markers.
 * (kubectl's own message for the same error is printed by `kubectl apply`; this is only where.)
 */
import { loadAll, YAMLException } from 'js-yaml';
import type { ManifestProblem } from './session';

export function yamlProblems(text: string): ManifestProblem[] {
  try {
    loadAll(text, () => undefined);
    return [];
  } catch (e) {
    if (!(e instanceof YAMLException)) throw e;
    const mark = e.mark as { line?: number; column?: number } | undefined;
    return [{ message: e.reason || e.message, line: (mark?.line ?? 0) + 1, column: (mark?.column ?? 0) + 1 }];
  }
}
