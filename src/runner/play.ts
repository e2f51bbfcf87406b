/**
 * The headless runner CLI.
 *   play FILE               runs a transcript, prints it with the real outputs
 *   play --check FILE…      compares with the expected outputs; unified diff, exit 1 on any difference
 *   play --write FILE…      rewrites the files with the real outputs
 * `-f` paths are relative to the transcript's folder.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Workspace } from '../kubectl/types';
import { unifiedDiff } from './diff';
import { normaliseTranscript, runTranscript } from './transcript';

export function folderWorkspace(root: string): Workspace {
  return {
    read: (path) => {
      const p = join(root, path);
      return existsSync(p) && statSync(p).isFile() ? readFileSync(p, 'utf8') : undefined;
    },
    list: (dir) => {
      const p = join(root, dir);
      return existsSync(p) && statSync(p).isDirectory() ? readdirSync(p).sort() : undefined;
    },
  };
}

function main(argv: string[]): number {
  const check = argv.includes('--check');
  const write = argv.includes('--write');
  const files = argv.filter((a) => !a.startsWith('--') && existsSync(a));
  if (files.length === 0) {
    process.stderr.write('usage: play [--check|--write] FILE…\n');
    return 2;
  }
  let passed = 0;
  let failed = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    let run;
    try {
      run = runTranscript(text, { workspace: folderWorkspace(dirname(file)) });
    } catch (e) {
      failed++;
      process.stdout.write(`${file}: crashed: ${e instanceof Error ? e.stack : String(e)}\n`);
      continue;
    }
    if (write) writeFileSync(file, run.text);
    if (!check && !write) {
      process.stdout.write(run.text);
      continue;
    }
    const diff = unifiedDiff(normaliseTranscript(text), run.text, file);
    if (diff === '' && run.passed) passed++;
    else {
      failed++;
      if (check) process.stdout.write(diff || `${file}: exit codes differ\n`);
    }
  }
  if (check || write) process.stdout.write(`${passed} passed, ${failed} failed\n`);
  return check && failed ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
