/**
 * The learner's files (editor tabs and opened lesson files) as the `Workspace` that
 * `kubectl apply -f NAME` reads. Names may contain `/` (a folder, as lesson files do).
 */
import type { Workspace } from '../kubectl/types';
import type { WorkspaceFiles } from './protocol';

export class EditorWorkspace implements Workspace {
  private byName = new Map<string, string>();

  replace(files: WorkspaceFiles): void {
    this.byName = new Map(Object.entries(files).map(([name, text]) => [normalize(name), text]));
  }

  /** The files as the UI last sent them (what a journal records beside a kubectl line). */
  files(): WorkspaceFiles {
    return Object.fromEntries(this.byName);
  }

  read(path: string): string | undefined {
    return this.byName.get(normalize(path));
  }

  list(dir: string): string[] | undefined {
    const prefix = normalize(dir) === '' ? '' : `${normalize(dir)}/`;
    const names = new Set<string>();
    for (const name of this.byName.keys()) {
      if (!name.startsWith(prefix)) continue;
      const rest = name.slice(prefix.length);
      if (rest !== '' && !rest.includes('/')) names.add(rest);
    }
    if (names.size === 0 && prefix !== '' && !this.hasFolder(prefix)) return undefined;
    return [...names].sort();
  }

  private hasFolder(prefix: string): boolean {
    for (const name of this.byName.keys()) if (name.startsWith(prefix)) return true;
    return false;
  }
}

/** `./a.yaml`, `a.yaml` and `dir/` name the same things; the workspace root is `.`. */
function normalize(path: string): string {
  let p = path.trim();
  while (p.startsWith('./')) p = p.slice(2);
  if (p === '.') return '';
  return p.replace(/\/+$/, '');
}
