/**
 * The learner's files, as the editor's tabs show them: each lesson's own copies of its files
 * (edited or not, kept per lesson) and the learner's own files ("My files"), kept apart. The
 * worker's workspace — what `kubectl apply -f NAME` reads — is the learner's files plus the
 * CURRENT lesson's: lesson 2's `deployment.yaml` is lesson 2's, never lesson 1's left open.
 * Lesson file names are reserved (no file of the learner's may take one), so names never clash.
 */
import type { Lesson, WorkspaceFiles } from '../worker/protocol';

export const SCRATCH_FILE = 'scratch.yaml';
export const SCRATCH_TEXT = '# Paste or write a manifest here, then press Apply (Ctrl+Enter).\n';

export interface FilesState {
  /** The learner's own files. */
  myFiles: WorkspaceFiles;
  /** Each started lesson's copies of its files, by lesson id. */
  lessonFiles: Record<string, WorkspaceFiles>;
  /** The lesson whose files are in the workspace. */
  lessonId: string | null;
  /** Lesson files whose tabs the learner closed (they stay in the workspace). */
  closedTabs: string[];
  activeFile: string;
}

export const INITIAL_FILES: FilesState = {
  myFiles: { [SCRATCH_FILE]: SCRATCH_TEXT },
  lessonFiles: {},
  lessonId: null,
  closedTabs: [],
  activeFile: SCRATCH_FILE,
};

export function currentLessonFiles(s: FilesState): WorkspaceFiles {
  return (s.lessonId && s.lessonFiles[s.lessonId]) || {};
}

/** What kubectl reads: the learner's files and the current lesson's. */
export function workspaceOf(s: FilesState): WorkspaceFiles {
  return { ...s.myFiles, ...currentLessonFiles(s) };
}

/** The tabs, in two groups. */
export function tabsOf(s: FilesState): { lesson: string[]; mine: string[] } {
  return { lesson: Object.keys(currentLessonFiles(s)).filter((n) => !s.closedTabs.includes(n)), mine: Object.keys(s.myFiles) };
}

/** Starting (or coming back to) a lesson: its files go into the workspace at once, all open. */
export function enterLesson(s: FilesState, lesson: Lesson): FilesState {
  const files = s.lessonFiles[lesson.id] ?? { ...lesson.files };
  const first = lesson.steps.find((step) => step.files.length > 0)?.files[0] ?? Object.keys(files)[0];
  const sameLesson = s.lessonId === lesson.id;
  return {
    ...s,
    lessonFiles: { ...s.lessonFiles, [lesson.id]: files },
    lessonId: lesson.id,
    closedTabs: sameLesson ? s.closedTabs : [],
    activeFile: sameLesson && isOpen({ ...s, lessonFiles: { ...s.lessonFiles, [lesson.id]: files } }, s.activeFile) ? s.activeFile : (first ?? firstTab(s)),
  };
}

/** "Start lesson over": the lesson's files back to the originals, all open. */
export function resetLessonFiles(s: FilesState, lesson: Lesson): FilesState {
  const lessonFiles = { ...s.lessonFiles };
  delete lessonFiles[lesson.id];
  return enterLesson({ ...s, lessonFiles, lessonId: null }, lesson);
}

/** Opens (or re-opens) a tab and shows it. */
export function openTab(s: FilesState, name: string): FilesState {
  if (!(name in workspaceOf(s))) return s;
  return { ...s, closedTabs: s.closedTabs.filter((n) => n !== name), activeFile: name };
}

export function editFile(s: FilesState, name: string, text: string): FilesState {
  const lesson = currentLessonFiles(s);
  if (s.lessonId && name in lesson) return { ...s, lessonFiles: { ...s.lessonFiles, [s.lessonId]: { ...lesson, [name]: text } } };
  return { ...s, myFiles: { ...s.myFiles, [name]: text } };
}

/** Closing a lesson file's tab hides it (its text stays); closing one of the learner's deletes it. */
export function closeTab(s: FilesState, name: string): FilesState {
  const before = allTabs(s);
  const next = name in currentLessonFiles(s) ? { ...s, closedTabs: [...s.closedTabs, name] } : { ...s, myFiles: without(s.myFiles, name) };
  if (s.activeFile !== name) return next;
  const after = allTabs(next);
  const index = Math.min(before.indexOf(name), after.length - 1);
  return { ...next, activeFile: after[index] ?? '' };
}

export function newFile(s: FilesState, reserved: ReadonlySet<string>): FilesState {
  const taken = new Set([...Object.keys(workspaceOf(s)), ...reserved]);
  let n = 1;
  while (taken.has(`untitled-${n}.yaml`)) n++;
  const name = `untitled-${n}.yaml`;
  return { ...s, myFiles: { ...s.myFiles, [name]: '' }, activeFile: name };
}

/** Why `name` cannot be a new name for `from` (undefined when it can). */
export function renameProblem(s: FilesState, from: string, name: string, reserved: ReadonlySet<string>): string | undefined {
  if (name === from) return undefined;
  if (name.trim() === '') return 'A file needs a name.';
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) return 'Use letters, digits, dots, dashes and underscores (no spaces or slashes).';
  if (name in workspaceOf(s)) return `There is already a file named ${name}.`;
  if (reserved.has(name)) return `${name} is the name of a lesson's file.`;
  return undefined;
}

/**
 * Renames a file of the learner's. A renamed lesson file becomes the learner's own (the lesson's
 * text names its files, so the lesson keeps its file: back to the original, tab closed).
 */
export function renameFile(s: FilesState, from: string, to: string, lesson: Lesson | undefined): FilesState {
  if (from === to) return s;
  const current = currentLessonFiles(s);
  if (s.lessonId && from in current) {
    const original = lesson?.files[from] ?? current[from];
    return {
      ...s,
      myFiles: { ...s.myFiles, [to]: current[from] },
      lessonFiles: { ...s.lessonFiles, [s.lessonId]: { ...current, [from]: original } },
      closedTabs: [...s.closedTabs, from],
      activeFile: to,
    };
  }
  // Keep the tab where it was.
  const myFiles = Object.fromEntries(Object.entries(s.myFiles).map(([n, t]) => [n === from ? to : n, t]));
  return { ...s, myFiles, activeFile: s.activeFile === from ? to : s.activeFile };
}

/** Every lesson's file names: the learner's own files may not take them. */
export function lessonFileNames(lessons: readonly Lesson[]): Set<string> {
  return new Set(lessons.flatMap((l) => Object.keys(l.files)));
}

function isOpen(s: FilesState, name: string): boolean {
  return allTabs(s).includes(name);
}

function allTabs(s: FilesState): string[] {
  const { lesson, mine } = tabsOf(s);
  return [...lesson, ...mine];
}

function firstTab(s: FilesState): string {
  return allTabs(s)[0] ?? '';
}

function without(files: WorkspaceFiles, name: string): WorkspaceFiles {
  const copy = { ...files };
  delete copy[name];
  return copy;
}
