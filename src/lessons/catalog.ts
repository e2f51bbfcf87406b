/**
 * Every lesson in `lessons/`, bundled at build time by Vite (also works under vitest).
 * Not usable from plain Node/tsx: there, read the files and call `lessonsFromFiles`.
 */
import { lessonsFromFiles } from './bundle';
import type { Lesson } from './types';

const tree = import.meta.glob(['/lessons/*/lesson.yaml', '/lessons/*/files/*'], {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

export const LESSONS: Lesson[] = lessonsFromFiles(tree);
