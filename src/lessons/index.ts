/**
 * Lessons: load lesson files, evaluate their checks against the simulated api (pure).
 *
 * API (everything the UI and the worker need):
 *
 *   loadLesson(yamlText, files, source?): Lesson
 *     Parses `lessons/<NN-slug>/lesson.yaml`; `files` maps workspace names (`pod.yaml`) to the
 *     texts of the lesson's `files/` folder. Throws `LessonFormatError` (`.problems: string[]`,
 *     each prefixed with its place, e.g. `steps[1].checks[0].kind: unknown kind "Deploy2"`).
 *
 *   lessonsFromFiles(tree): Lesson[]      tree = { 'lessons/01-x/lesson.yaml': text, 'lessons/01-x/files/pod.yaml': text, … }
 *   LESSONS (from './catalog')            every lesson, bundled by Vite's import.meta.glob (browser, worker, vitest)
 *
 *   evaluateChecks(source, step): CheckResult[]    [{ id, passed, description, detail? }]
 *     source: the api client (src/kubectl/client.ts), or cachedReads(client) that a host keeps
 *     per cluster. Reads only (a few list calls per check); safe to run after every change batch.
 *   stepComplete(results): boolean                       all checks passed
 *
 *   Progress (pure, immutable; the worker keeps one per session):
 *   startProgress(lesson, stepIndex?): LessonProgress      { stepIndex, completed: boolean[], checks: [] }
 *   updateProgress(source, lesson, progress)                evaluates the CURRENT step only; completion is sticky
 *   goToStep(lesson, progress, i)                           Next/Previous (clamped)
 *
 *   splitSolution(transcript): { preamble, segments: [{ stepId, line, text }] }   (`# step: <id>` markers)
 *   podStatusColumn(pod): string   the STATUS column of `kubectl get pods`
 *
 * Checks (see types.ts and lessons/README.md): exists, absent, fieldEquals, podCount,
 * objectCount, condition, eventSeen, ownedBy. Namespaced checks default to `default`.
 */
import type { CheckSource } from './evaluate';
import { evaluateChecks, stepComplete } from './evaluate';
import type { CheckResult, Lesson } from './types';

export type * from './types';
export type { CheckSource } from './evaluate';
export { cachedReads } from './cache';
export { evaluateChecks, evaluateCheck, stepComplete } from './evaluate';
export { loadLesson, LessonFormatError, CHECK_TYPES } from './load';
export { lessonsFromFiles } from './bundle';
export { splitSolution, type Solution, type SolutionSegment } from './solution';
export { podStatusColumn } from './pod-status';
export { describeCheck } from './describe';

export interface LessonProgress {
  /** The step the learner is on (moved by the panel's Next/Previous, not by the checks). */
  stepIndex: number;
  /** Sticky: a step stays complete once all its checks have passed, even if a later step changes
   *  what it checked (step 5 scales the Deployment that step 3 checked at 3 replicas). */
  completed: boolean[];
  /** The current step's checks, as last evaluated. */
  checks: CheckResult[];
}

export function startProgress(lesson: Lesson, stepIndex = 0): LessonProgress {
  return { stepIndex, completed: lesson.steps.map(() => false), checks: [] };
}

/** Evaluates the current step and records it as complete when all its checks pass. */
export function updateProgress(source: CheckSource, lesson: Lesson, progress: LessonProgress): LessonProgress {
  const step = lesson.steps[progress.stepIndex];
  if (!step) return progress;
  const checks = evaluateChecks(source, step);
  const completed = [...progress.completed];
  if (stepComplete(checks)) completed[progress.stepIndex] = true;
  return { stepIndex: progress.stepIndex, completed, checks };
}

/** Moves to another step; its checks are evaluated on the next `updateProgress`. */
export function goToStep(lesson: Lesson, progress: LessonProgress, stepIndex: number): LessonProgress {
  const index = Math.max(0, Math.min(lesson.steps.length - 1, stepIndex));
  return { ...progress, stepIndex: index, checks: [] };
}
