/**
 * Every lesson in lessons/ loads, and its scripted solution replays: at each `# step: <id>`
 * marker the previous step's checks all pass, and the new step's checks do not all pass yet
 * (so a step cannot be completed by doing nothing). Expected outputs are compared by
 * `npm run test:transcripts`; here only exit codes and checks count.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateChecks, lessonsFromFiles, splitSolution, stepComplete, type CheckResult, type Lesson } from '../src/lessons';
import { memoryWorkspace } from '../src/runner/exec';
import { parseTranscript, runTranscript } from '../src/runner/transcript';

const ROOT = join(__dirname, '..', 'lessons');

function readLessonTree(): { tree: Record<string, string>; folders: string[] } {
  const tree: Record<string, string> = {};
  const folders = readdirSync(ROOT)
    .filter((name) => statSync(join(ROOT, name)).isDirectory())
    .sort();
  for (const folder of folders) {
    const dir = join(ROOT, folder);
    for (const name of readdirSync(dir)) {
      if (statSync(join(dir, name)).isFile()) tree[`lessons/${folder}/${name}`] = readFileSync(join(dir, name), 'utf8');
    }
    if (existsSync(join(dir, 'files'))) {
      for (const name of readdirSync(join(dir, 'files'))) tree[`lessons/${folder}/files/${name}`] = readFileSync(join(dir, 'files', name), 'utf8');
    }
  }
  return { tree, folders };
}

const { tree, folders } = readLessonTree();
const lessons = lessonsFromFiles(tree);

function failing(results: CheckResult[]): string[] {
  return results.filter((r) => !r.passed).map((r) => `${r.description}${r.detail ? ` (${r.detail})` : ''}`);
}

/** Replays a solution; returns one line per problem found. */
function replay(lesson: Lesson, folder: string): string[] {
  const solution = tree[`lessons/${folder}/solution.txt`];
  const { segments } = splitSolution(solution);
  const problems: string[] = [];
  const stepIndex = (id: string) => lesson.steps.findIndex((s) => s.id === id);
  let current = -1; // index into segments of the step being replayed

  const finishStep = (cluster: Parameters<typeof evaluateChecks>[0]) => {
    const step = lesson.steps[stepIndex(segments[current].stepId)];
    for (const f of failing(evaluateChecks(cluster, step))) problems.push(`after step ${step.id}: not passing: ${f}`);
  };
  const startStep = (cluster: Parameters<typeof evaluateChecks>[0]) => {
    const step = lesson.steps[stepIndex(segments[current].stepId)];
    if (stepComplete(evaluateChecks(cluster, step))) problems.push(`before step ${step.id}: its checks already pass`);
  };

  // `# step:` markers are comments, so the runner sees them as entries with line numbers.
  const workspace = memoryWorkspace({ ...lesson.files, ...Object.fromEntries(Object.entries(lesson.files).map(([n, t]) => [`files/${n}`, t])) });
  const run = runTranscript(solution, {
    workspace,
    onCommand: (entry, cluster) => {
      while (current + 1 < segments.length && segments[current + 1].line < entry.lineNo) {
        if (current >= 0) finishStep(cluster);
        current++;
        startStep(cluster);
      }
    },
  });
  if (current >= 0) finishStep(run.cluster);
  for (const r of run.results) {
    if (r.exitCode !== r.entry.exitCode) problems.push(`line ${r.entry.lineNo}: \`${r.entry.command}\` exited ${r.exitCode}, expected ${r.entry.exitCode}: ${r.output.join(' / ')}`);
  }
  return problems;
}

describe('lessons', () => {
  it('there is at least one lesson, and every folder holds one', () => {
    expect(lessons.length).toBeGreaterThan(0);
    expect(lessons.length).toBe(folders.filter((f) => tree[`lessons/${f}/lesson.yaml`] !== undefined).length);
    expect(new Set(lessons.map((l) => l.id)).size).toBe(lessons.length);
  });

  lessons.forEach((lesson, i) => {
    const folder = folders.filter((f) => tree[`lessons/${f}/lesson.yaml`] !== undefined)[i];
    describe(`${folder} (${lesson.title})`, () => {
      it('every step has hints and a description for every check', () => {
        for (const step of lesson.steps) {
          expect(step.hints.length, `step ${step.id} hints`).toBeGreaterThanOrEqual(2);
          for (const c of step.checks) expect(c.description.length).toBeGreaterThan(0);
        }
      });

      it('has a solution with one step marker per step, in order, each followed by commands', () => {
        const solution = tree[`lessons/${folder}/solution.txt`];
        expect(solution, `lessons/${folder}/solution.txt`).toBeDefined();
        const { segments } = splitSolution(solution);
        expect(segments.map((s) => s.stepId)).toEqual(lesson.steps.map((s) => s.id));
        const commands = parseTranscript(solution).entries.filter((e) => e.kind === 'command');
        for (const [k, seg] of segments.entries()) {
          const end = segments[k + 1]?.line ?? Infinity;
          expect(commands.some((c) => c.lineNo > seg.line && c.lineNo < end), `step ${seg.stepId} has commands`).toBe(true);
        }
      });

      it('its solution replays, completing each step in turn', () => {
        expect(replay(lesson, folder)).toEqual([]);
      });
    });
  });
});
