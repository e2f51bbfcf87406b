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
 *   evaluateChecks(clusterOrApi, step): CheckResult[]    [{ id, passed, description, detail? }]
 *     Reads only (a few list calls per check); safe to run after every change batch.
 *   stepComplete(results): boolean                       all checks passed
 *   evaluateLesson(clusterOrApi, lesson): LessonProgress  { stepIndex (first incomplete step, or
 *     steps.length when all done), steps: CheckResult[][] }
 *
 *   splitSolution(transcript): { preamble, segments: [{ stepId, line, text }] }   (`# step: <id>` markers)
 *   podStatusColumn(pod): string   the STATUS column of `kubectl get pods`
 *
 * Checks (see types.ts and lessons/README.md): exists, absent, fieldEquals, podCount,
 * objectCount, condition, eventSeen, ownedBy. Namespaced checks default to `default`.
 */
import type { CheckTarget } from './evaluate';
import { evaluateChecks, stepComplete } from './evaluate';
import type { CheckResult, Lesson } from './types';

export type * from './types';
export type { CheckTarget } from './evaluate';
export { evaluateChecks, evaluateCheck, stepComplete } from './evaluate';
export { loadLesson, LessonFormatError, CHECK_TYPES } from './load';
export { lessonsFromFiles } from './bundle';
export { splitSolution, type Solution, type SolutionSegment } from './solution';
export { podStatusColumn } from './pod-status';
export { describeCheck } from './describe';

export interface LessonProgress {
  /** The first step whose checks do not all pass; `steps.length` when the lesson is done. */
  stepIndex: number;
  steps: CheckResult[][];
}

/** Evaluates every step (a learner may do steps out of order; the panel shows all of them). */
export function evaluateLesson(target: CheckTarget, lesson: Lesson): LessonProgress {
  const steps = lesson.steps.map((step) => evaluateChecks(target, step));
  const firstIncomplete = steps.findIndex((results) => !stepComplete(results));
  return { stepIndex: firstIncomplete === -1 ? steps.length : firstIncomplete, steps };
}
