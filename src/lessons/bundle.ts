/**
 * Groups a lesson tree given as `path → text` (e.g. from Vite's `import.meta.glob` or from the
 * file system in tests) into loaded lessons, ordered by folder name (`01-…`, `02-…`).
 */
import { loadLesson } from './load';
import type { Lesson } from './types';

const LESSON_FILE = /(?:^|\/)lessons\/([^/]+)\/lesson\.yaml$/;
const LESSON_ASSET = /(?:^|\/)lessons\/([^/]+)\/files\/([^/]+)$/;

/** Throws LessonFormatError (its source names the folder) for the first invalid lesson. */
export function lessonsFromFiles(tree: Record<string, string>): Lesson[] {
  const folders = new Map<string, { yaml?: string; files: Record<string, string> }>();
  const folder = (name: string) => {
    let f = folders.get(name);
    if (!f) folders.set(name, (f = { files: {} }));
    return f;
  };
  for (const [path, text] of Object.entries(tree)) {
    const lesson = LESSON_FILE.exec(path);
    if (lesson) folder(lesson[1]).yaml = text;
    const asset = LESSON_ASSET.exec(path);
    if (asset) folder(asset[1]).files[asset[2]] = text;
  }
  return [...folders.keys()]
    .sort()
    .filter((name) => folders.get(name)!.yaml !== undefined)
    .map((name) => {
      const f = folders.get(name)!;
      return loadLesson(f.yaml!, f.files, `lessons/${name}/lesson.yaml`);
    });
}
