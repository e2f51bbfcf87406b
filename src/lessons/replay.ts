/**
 * Replays a lesson's solution transcript and checks it step by step: at each `# step: <id>`
 * marker the previous step's checks must all pass, and the new step's checks must not all
 * pass yet (a step must not be complete before its commands run). Used by CI
 * (tests/lessons.test.ts). Not exported from index.ts: it pulls in kubectl and the runner,
 * which the browser bundle of the lessons panel does not need.
 */
import type { Cluster } from '../sim/cluster';
import { memoryWorkspace } from '../runner/exec';
import { runTranscript } from '../runner/transcript';
import { createClient } from '../sim/client';
import { evaluateChecks, stepComplete } from './evaluate';
import { splitSolution } from './solution';
import type { Lesson } from './types';

export interface ReplayReport {
  /** One line per problem; empty when the solution completes every step in turn. */
  problems: string[];
  /** Commands whose output differs from the transcript (informational: `play --check` owns outputs). */
  outputMismatches: number;
  cluster: Cluster;
}

/** The lesson's files as the runner reads them: `pod.yaml` and `files/pod.yaml`. */
function lessonWorkspace(lesson: Lesson) {
  const files: Record<string, string> = {};
  for (const [name, text] of Object.entries(lesson.files)) {
    files[name] = text;
    files[`files/${name}`] = text;
  }
  return memoryWorkspace(files);
}

export function replaySolution(lesson: Lesson, solution: string): ReplayReport {
  const { segments } = splitSolution(solution);
  const problems: string[] = [];
  const order = segments.map((s) => s.stepId);
  const expected = lesson.steps.map((s) => s.id);
  if (order.join(',') !== expected.join(',')) {
    problems.push(`step markers [${order.join(', ')}] do not match the lesson's steps [${expected.join(', ')}]`);
  }
  const stepOf = (k: number) => lesson.steps.find((s) => s.id === segments[k].stepId);

  let current = -1;
  const finish = (cluster: Cluster) => {
    const step = stepOf(current);
    if (!step) return;
    for (const r of evaluateChecks(createClient(cluster), step)) {
      if (!r.passed) problems.push(`after step ${step.id}: not passing: ${r.description}${r.detail ? ` (${r.detail})` : ''}`);
    }
  };
  const start = (cluster: Cluster) => {
    const step = stepOf(current);
    if (step && stepComplete(evaluateChecks(createClient(cluster), step))) problems.push(`before step ${step.id}: its checks already pass`);
  };

  const run = runTranscript(solution, {
    workspace: lessonWorkspace(lesson),
    // Markers are comments; before each command, cross every marker that precedes it.
    onCommand: (entry, cluster) => {
      while (current + 1 < segments.length && segments[current + 1].line < entry.lineNo) {
        if (current >= 0) finish(cluster);
        current++;
        start(cluster);
      }
    },
  });
  // Markers after the last command (steps without commands) are crossed here.
  while (current + 1 < segments.length) {
    if (current >= 0) finish(run.cluster);
    current++;
    start(run.cluster);
  }
  if (current >= 0) finish(run.cluster);
  for (const r of run.results) {
    if (r.exitCode !== r.entry.exitCode) {
      problems.push(`line ${r.entry.lineNo}: \`${r.entry.command}\` exited ${r.exitCode}, expected ${r.entry.exitCode}: ${r.output.join(' / ')}`);
    }
  }
  return { problems, outputMismatches: run.results.filter((r) => !r.passed).length, cluster: run.cluster };
}
