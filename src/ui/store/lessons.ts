/** The lessons the worker serves, the current lesson's progress, and every lesson's as last reported. */
import type { Lesson, LessonProgress } from '../../worker/protocol';
import type { AppState, Slice } from './state';

export interface LessonsSlice {
  lessons: Lesson[];
  progress: LessonProgress | null;
  /** Each lesson's progress, as last reported (the lesson index shows it; a reload restores it). */
  progressByLesson: Record<string, LessonProgress>;
  setProgress(progress: LessonProgress | null): void;
}

/** The change a progress report makes: it is the current lesson's, and is kept as that lesson's. */
export function withProgress(s: LessonsSlice, progress: LessonProgress | null): Partial<AppState> {
  return { progress, ...(progress ? { progressByLesson: { ...s.progressByLesson, [progress.lessonId]: progress } } : {}) };
}

export const lessonsSlice: Slice<LessonsSlice> = (set) => ({
  lessons: [],
  progress: null,
  progressByLesson: {},
  setProgress: (progress) => set((s) => withProgress(s, progress)),
});
