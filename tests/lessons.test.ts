/**
 * Every lesson in lessons/ loads, and its scripted solution replays (src/lessons/replay.ts): at
 * each `# step: <id>` marker the previous step's checks all pass, and the new step's checks do
 * not all pass yet (so a step cannot be completed by doing nothing). Expected outputs are
 * compared by `npm run test:transcripts`; here only exit codes and checks count.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lessonsFromFiles, splitSolution } from '../src/lessons';
import { replaySolution } from '../src/lessons/replay';
import { parseTranscript } from '../src/runner/transcript';

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
        expect(replaySolution(lesson, tree[`lessons/${folder}/solution.txt`]).problems).toEqual([]);
      });
    });
  });
});
