/**
 * The lesson being followed and each lesson's progress, kept when the learner switches lessons or
 * resets the cluster; the current step's checks are evaluated on demand against what the checks read (the api client).
 */
import { goToStep, startProgress, updateProgress, type CheckSource } from '../lessons';
import type { Lesson } from '../lessons/types';
import { assertNever, type Command, type LessonProgress } from './protocol';

export class LessonProgressKeeper {
  private progress: LessonProgress | null = null;
  /** The last evaluation, to tell whether a patch must carry the progress. */
  private progressJson = 'null';
  private readonly progressByLesson = new Map<string, LessonProgress>();

  constructor(private readonly lessons: Lesson[]) {}

  private lesson(id: string): Lesson | undefined {
    return this.lessons.find((l) => l.id === id);
  }

  /** Runs a lesson action (load, restart, step, check); the current progress, evaluated. */
  act(command: Extract<Command, { kind: 'lesson' }>, checks: CheckSource): LessonProgress | null {
    switch (command.action) {
      case 'load': {
        const lesson = this.lesson(command.lessonId);
        if (!lesson) throw new Error(`no lesson "${command.lessonId}"`);
        this.progress = this.progressByLesson.get(lesson.id) ?? { lessonId: lesson.id, ...startProgress(lesson) };
        break;
      }
      case 'restart': {
        const lesson = this.progress && this.lesson(this.progress.lessonId);
        if (lesson) this.progress = { lessonId: lesson.id, ...startProgress(lesson) };
        break;
      }
      case 'step': {
        const lesson = this.progress && this.lesson(this.progress.lessonId);
        if (this.progress && lesson) this.progress = { lessonId: lesson.id, ...goToStep(lesson, this.progress, command.stepIndex) };
        break;
      }
      case 'check':
        break;
      default:
        assertNever(command);
    }
    return this.evaluate(checks);
  }

  /** Evaluates the current step's checks (the lessons module keeps completed steps sticky). */
  evaluate(checks: CheckSource): LessonProgress | null {
    const p = this.progress;
    const lesson = p && this.lesson(p.lessonId);
    if (p && lesson) {
      this.progress = { lessonId: lesson.id, ...updateProgress(checks, lesson, p) };
      this.progressByLesson.set(lesson.id, this.progress);
    }
    this.progressJson = JSON.stringify(this.progress);
    return this.progress;
  }

  /** Evaluates; the progress only when it differs from the last evaluation (what a patch carries). */
  changes(checks: CheckSource): { progress?: LessonProgress | null } {
    const before = this.progressJson;
    const progress = this.evaluate(checks);
    return this.progressJson !== before ? { progress } : {};
  }

  /** A saved session's progress (unknown lessons dropped), following `lessonId` (from its start if it has none). */
  restore(saved: LessonProgress[], lessonId: string | null): void {
    this.progressByLesson.clear();
    for (const p of saved) if (this.lesson(p.lessonId)) this.progressByLesson.set(p.lessonId, p);
    this.progress = (lessonId && this.progressByLesson.get(lessonId)) || null;
    if (!this.progress && lessonId) {
      const lesson = this.lesson(lessonId);
      if (lesson) this.progress = { lessonId: lesson.id, ...startProgress(lesson) };
    }
  }
}
