/**
 * The guided-lesson panel: the lesson index (each lesson's progress), then the current step
 * (markdown), its commands run in the terminal, its files shown in the editor, checks, hints
 * revealed one at a time, moves between steps, "Next lesson" at the end, and "Start over".
 * Prop-driven: the worker evaluates the checks and owns the step index.
 */
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { CheckResult, Lesson, LessonStep } from '../../lessons/types';
import './LessonsPanel.css';
import '../visually-hidden.css';
import { renderInline, renderMarkdown, type Block } from './markdown';
import { sanitizeHtml } from './sanitize';

/** What the panel needs of the worker's LessonProgress (src/worker/protocol.ts). */
export interface LessonProgressView {
  stepIndex: number;
  /** The current step's checks, evaluated. */
  checks: readonly CheckResult[];
  /** Steps whose checks have all passed at some point. */
  completedSteps?: readonly number[];
}

export interface LessonsPanelProps {
  lessons: readonly Lesson[];
  activeLessonId: string | null;
  progress: LessonProgressView | null;
  onSelectLesson: (lessonId: string) => void;
  /** Open one of the lesson's files (a key of `Lesson.files`) in the editor. */
  onOpenFile: (path: string) => void;
  /** Evaluate the current step's checks now. */
  onCheck: () => void;
  /** Go to step `index` (0-based). */
  onStep: (index: number) => void;
  /** Send a command line to the terminal and run it (a code block's "Run"). */
  onRunCommand?: (line: string) => void;
  /** Type a command into the terminal without running it (commands with a `<placeholder>`). */
  onTypeCommand?: (line: string) => void;
  /** Each lesson's steps done, by lesson id (for the index). */
  progressByLesson?: Readonly<Record<string, { completed: readonly boolean[] }>>;
  /** "Start lesson over" (the host asks first). */
  onRestartLesson?: () => void;
  /** Shown under the checks while they are not all passed (e.g. a hint to speed time up). */
  waitingHint?: ReactNode;
  className?: string;
}

/** Steps done of a lesson. */
function doneCount(progress: { completed: readonly boolean[] } | undefined): number {
  return progress?.completed.filter(Boolean).length ?? 0;
}

export function LessonsPanel(props: LessonsPanelProps) {
  const { lessons, activeLessonId, className } = props;
  const [indexShown, setIndexShown] = useState(false);
  const current = lessons.find((l) => l.id === activeLessonId) ?? null;
  const lesson = indexShown ? null : current;
  const select = (id: string) => {
    setIndexShown(false);
    props.onSelectLesson(id);
  };
  return (
    <section className={`kp-lessons ${className ?? ''}`} aria-label="Lessons">
      <header className="kp-lessons__header">
        <h2 className="kp-lessons__heading">Lessons</h2>
        {lessons.length > 0 && (
          <label className="kp-lessons__picker">
            <span className="kp-visually-hidden">Lesson</span>
            <select
              aria-label="Lesson"
              value={lesson?.id ?? ''}
              onChange={(event) => event.target.value && select(event.target.value)}
            >
              {!lesson && <option value="">Choose a lesson…</option>}
              {lessons.map((l, index) => (
                <option key={l.id} value={l.id}>
                  {index + 1}. {l.title}
                </option>
              ))}
            </select>
          </label>
        )}
      </header>
      {lesson ? (
        <LessonView {...props} onSelectLesson={select} onShowIndex={() => setIndexShown(true)} lesson={lesson} />
      ) : (
        <LessonList {...props} onSelectLesson={select} />
      )}
    </section>
  );
}

function LessonList({ lessons, onSelectLesson, progressByLesson, activeLessonId }: LessonsPanelProps) {
  if (lessons.length === 0) return <p className="kp-lessons__empty">No lessons are available.</p>;
  return (
    <ol className="kp-lessons__list" aria-label="All lessons">
      {lessons.map((l, index) => {
        const done = doneCount(progressByLesson?.[l.id]);
        const total = l.steps.length;
        const started = progressByLesson?.[l.id] !== undefined;
        const action = done === total ? 'Review lesson' : started ? 'Continue lesson' : 'Start lesson';
        return (
          <li key={l.id} className={`kp-lessons__card${l.id === activeLessonId ? ' is-current' : ''}${done === total ? ' is-done' : ''}`}>
            <h3>
              {index + 1}. {l.title}
            </h3>
            <p>{l.summary}</p>
            <div className="kp-lessons__progress">
              <progress max={total} value={done} aria-label={`${l.title}: ${done} of ${total} steps done`} />
              <span className="kp-lessons__meta">{done === total ? `✓ Done · ${total} steps` : `${done} of ${total} steps done`}</span>
            </div>
            <button type="button" className="kp-lessons-btn kp-lessons-btn--primary" aria-label={`${action}: ${l.title}`} onClick={() => onSelectLesson(l.id)}>
              {action}
            </button>
          </li>
        );
      })}
    </ol>
  );
}

function LessonView(props: LessonsPanelProps & { lesson: Lesson; onShowIndex: () => void }) {
  const { lesson, lessons, progress, onStep, onCheck, onOpenFile, onRunCommand, onTypeCommand, onShowIndex, onRestartLesson, onSelectLesson } = props;
  const nextLesson = lessons[lessons.findIndex((l) => l.id === lesson.id) + 1];
  const stepCount = lesson.steps.length;
  const stepIndex = Math.min(Math.max(progress?.stepIndex ?? 0, 0), Math.max(stepCount - 1, 0));
  const step: LessonStep | undefined = lesson.steps[stepIndex];
  const completed = new Set(progress?.completedSteps ?? []);
  const checks: readonly CheckResult[] =
    progress?.checks ?? step?.checks.map((c) => ({ id: c.id, description: c.description, passed: false })) ?? [];
  const allPassed = checks.length > 0 && checks.every((c) => c.passed);
  const passedCount = checks.filter((c) => c.passed).length;

  const hintKey = `${lesson.id}:${stepIndex}`;
  const [hintState, setHintState] = useState({ key: hintKey, shown: 0 });
  const hintsShown = hintState.key === hintKey ? hintState.shown : 0;
  // A new step starts at its top, not wherever the previous one was scrolled to.
  const scrollRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    scrollRef.current?.scrollTo?.({ top: 0 });
  }, [hintKey]);
  // "Start lesson" disappears when pressed: give keyboard focus a sensible place to land.
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!document.activeElement || document.activeElement === document.body) headingRef.current?.focus();
  }, [lesson.id]);

  if (!step) return <p className="kp-lessons__empty">This lesson has no steps.</p>;
  const hints = step.hints;

  return (
    <div className="kp-lessons__lesson" ref={scrollRef}>
      <div className="kp-lessons__toolbar">
        <button type="button" className="kp-lessons-btn kp-lessons-btn--small" onClick={onShowIndex}>
          ← All lessons
        </button>
        {onRestartLesson && (
          <button type="button" className="kp-lessons-btn kp-lessons-btn--small kp-lessons-btn--quiet" onClick={onRestartLesson}>
            Start lesson over
          </button>
        )}
      </div>
      <p className="kp-lessons__summary">{lesson.summary}</p>
      <nav className="kp-lessons__steps" aria-label="Steps">
        <ol>
          {lesson.steps.map((s, index) => (
            <li key={s.id}>
              <button
                type="button"
                className={`kp-lessons__step-dot${index === stepIndex ? ' is-current' : ''}${completed.has(index) ? ' is-done' : ''}`}
                aria-current={index === stepIndex ? 'step' : undefined}
                aria-label={`Step ${index + 1}: ${s.title}${completed.has(index) ? ' (done)' : ''}`}
                title={s.title}
                onClick={() => onStep(index)}
              >
                {completed.has(index) ? '✓' : index + 1}
              </button>
            </li>
          ))}
        </ol>
      </nav>

      <article className="kp-lessons__step" aria-labelledby="kp-lessons-step-title">
        <p className="kp-lessons__step-count">
          Step {stepIndex + 1} of {stepCount}
        </p>
        <h3 id="kp-lessons-step-title" className="kp-lessons__step-title" ref={headingRef} tabIndex={-1}>
          {step.title}
        </h3>
        <Markdown text={step.text} onRunCommand={onRunCommand} onTypeCommand={onTypeCommand} />

        {step.files.length > 0 && (
          <div className="kp-lessons__files">
            <h4>Files</h4>
            <ul>
              {step.files.map((path) => (
                <li key={path}>
                  <code>{path}</code>
                  <button
                    type="button"
                    className="kp-lessons-btn kp-lessons-btn--small"
                    aria-label={`Open in editor: ${path}`}
                    onClick={() => onOpenFile(path)}
                  >
                    Open in editor
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}

        <div className="kp-lessons__checks">
          <div className="kp-lessons__checks-head">
            <h4 id="kp-lessons-checks">
              Checks{' '}
              <span className="kp-lessons__checks-count">
                {passedCount}/{checks.length}
              </span>
            </h4>
            <button type="button" className="kp-lessons-btn" onClick={onCheck}>
              Check
            </button>
          </div>
          <ul aria-labelledby="kp-lessons-checks" aria-live="polite">
            {checks.map((check) => (
              <li key={check.id} className={`kp-lessons__check${check.passed ? ' is-passed' : ''}`}>
                <span className="kp-lessons__check-mark" aria-hidden="true">
                  {check.passed ? '✓' : '○'}
                </span>
                <span>
                  <span className="kp-visually-hidden">{check.passed ? 'Passed: ' : 'Not yet: '}</span>
                  {check.description}
                  {check.detail && !check.passed && <span className="kp-lessons__check-detail">{check.detail}</span>}
                </span>
              </li>
            ))}
          </ul>
          {allPassed && (
            <p className="kp-lessons__done" role="status">
              {stepIndex + 1 < stepCount ? 'Step complete — on to the next one.' : 'Lesson complete. Well done!'}
            </p>
          )}
          {!allPassed && props.waitingHint}
        </div>

        {hints.length > 0 && (
          <div className="kp-lessons__hints">
            {hintsShown > 0 && (
              <ol className="kp-lessons__hint-list" aria-label="Hints">
                {hints.slice(0, hintsShown).map((hint, index) => (
                  <li key={index} dangerouslySetInnerHTML={{ __html: sanitizeHtml(renderInline(hint)) }} />
                ))}
              </ol>
            )}
            {hintsShown < hints.length && (
              <button
                type="button"
                className="kp-lessons-btn kp-lessons-btn--quiet"
                onClick={() => setHintState({ key: hintKey, shown: hintsShown + 1 })}
              >
                Show hint
                <span className="kp-lessons__hint-count">
                  {' '}
                  ({hints.length - hintsShown} left)
                </span>
              </button>
            )}
          </div>
        )}
      </article>

      <div className="kp-lessons__nav">
        <button type="button" className="kp-lessons-btn" disabled={stepIndex === 0} onClick={() => onStep(stepIndex - 1)}>
          ← Previous step
        </button>
        {stepIndex + 1 < stepCount ? (
          <button type="button" className={`kp-lessons-btn${allPassed ? ' kp-lessons-btn--primary' : ''}`} onClick={() => onStep(stepIndex + 1)}>
            Next step →
          </button>
        ) : nextLesson ? (
          <button
            type="button"
            className={`kp-lessons-btn${allPassed ? ' kp-lessons-btn--primary' : ''}`}
            aria-label={`Next lesson → ${nextLesson.title}`}
            onClick={() => onSelectLesson(nextLesson.id)}
          >
            Next lesson →
          </button>
        ) : (
          <button type="button" className="kp-lessons-btn" onClick={onShowIndex}>
            All lessons
          </button>
        )}
      </div>
    </div>
  );
}

interface MarkdownProps {
  text: string;
  onRunCommand?: (line: string) => void;
  onTypeCommand?: (line: string) => void;
}

function Markdown({ text, onRunCommand, onTypeCommand }: MarkdownProps) {
  const blocks = useMemo<Block[]>(
    () => renderMarkdown(text).map((b) => (b.kind === 'html' ? { ...b, html: sanitizeHtml(b.html) } : b)),
    [text],
  );
  return (
    <div className="kp-lessons__text">
      {blocks.map((block, index) =>
        block.kind === 'html' ? (
          <div key={index} dangerouslySetInnerHTML={{ __html: block.html }} />
        ) : (
          <pre key={index} className="kp-lessons__code" data-lang={block.lang || undefined}>
            {block.lines.map((line, lineIndex) => (
              <div key={lineIndex} className="kp-lessons__code-line">
                <code>{line.text || '\u00a0'}</code>
                {line.command && line.needsInput && onTypeCommand && (
                  <button
                    type="button"
                    className="kp-lessons__run"
                    aria-label={`Type ${line.command} into the terminal`}
                    title="Type into the terminal, then fill in the <placeholder>"
                    onClick={() => onTypeCommand(line.command!)}
                  >
                    ✎ Type
                  </button>
                )}
                {line.command && !line.needsInput && onRunCommand && (
                  <button
                    type="button"
                    className="kp-lessons__run"
                    aria-label={`Run ${line.command}`}
                    title="Run in the terminal"
                    onClick={() => onRunCommand(line.command!)}
                  >
                    ▶ Run
                  </button>
                )}
              </div>
            ))}
          </pre>
        ),
      )}
    </div>
  );
}
