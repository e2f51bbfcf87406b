/**
 * Transcripts: a terminal session written down. Pure (no fs): the CLI (`play.ts`) and the
 * lessons reuse `parseTranscript` / `runTranscript`.
 *
 * Format:
 *   # a comment; header comments before the first command set options: `# seed: 42`, `# workers: 3`,
 *   #   `# podQuota: 1000`, `# addons: metrics-server` (installed as the cluster comes up)
 *   $ kubectl get pods              a command (shell quoting)
 *   No resources found in default namespace.      its expected output (stdout+stderr), up to the
 *                                                  next `$ ` or `#` line; trailing blank lines ignored
 *   [exit 1]                        after the output when the exit code is not 0
 *   $ kubectl apply -f - <<EOF      a heredoc: the lines up to `EOF` are stdin
 *   $ sleep 1m30s                   advances virtual time
 */
import { createCluster, type Cluster, type ClusterOptions } from '../sim/cluster';
import { parseGoDuration } from '../kubectl/args';
import { splitCommandLine, ShellSyntaxError } from '../shell/parse';
import { DEFAULT_KUBECONFIG, type KubeConfig, type Workspace } from '../kubectl/types';
import { EMPTY_WORKSPACE, execKubectl } from './exec';

export interface CommentEntry {
  kind: 'comment';
  text: string;
  lineNo: number;
}

export interface CommandEntry {
  kind: 'command';
  /** The command as written after `$ ` (heredoc marker included). */
  command: string;
  /** The heredoc: its body lines and terminator word. */
  heredoc?: { word: string; lines: string[] };
  /** Expected output lines (trailing blank lines removed). */
  expected: string[];
  /** Expected exit code (0 unless `[exit N]`). */
  exitCode: number;
  lineNo: number;
}

export type TranscriptEntry = CommentEntry | CommandEntry;

export interface Transcript {
  options: ClusterOptions;
  entries: TranscriptEntry[];
}

const HEADER_OPTIONS: Record<string, keyof ClusterOptions> = { seed: 'seed', workers: 'workers', podquota: 'podQuota' };

export function parseTranscript(text: string): Transcript {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const entries: TranscriptEntry[] = [];
  const options: ClusterOptions = {};
  let current: CommandEntry | undefined;
  let seenCommand = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.startsWith('$ ') || line === '$') {
      current = { kind: 'command', command: line.slice(2), expected: [], exitCode: 0, lineNo: i + 1 };
      const here = /<<-?\s*(['"]?)([A-Za-z_][A-Za-z0-9_]*)\1\s*$/.exec(current.command);
      if (here) {
        const body: string[] = [];
        for (i++; i < lines.length && lines[i] !== here[2]; i++) body.push(lines[i]);
        current.heredoc = { word: here[2], lines: body };
      }
      entries.push(current);
      seenCommand = true;
      continue;
    }
    if (line.startsWith('#')) {
      current = undefined;
      const opt = /^#\s*([A-Za-z]+)\s*:\s*(\S+)\s*$/.exec(line);
      const addons = /^#\s*addons\s*:\s*(.+?)\s*$/i.exec(line);
      if (!seenCommand && addons) options.addons = [...(options.addons ?? []), ...addons[1].split(/[\s,]+/)];
      else if (!seenCommand && opt && HEADER_OPTIONS[opt[1].toLowerCase()]) {
        const key = HEADER_OPTIONS[opt[1].toLowerCase()];
        const value = /^\d+$/.test(opt[2]) ? Number(opt[2]) : opt[2];
        (options as Record<string, unknown>)[key] = key === 'seed' ? value : Number(value);
      }
      entries.push({ kind: 'comment', text: line, lineNo: i + 1 });
      continue;
    }
    if (current) current.expected.push(line);
  }
  for (const e of entries) {
    if (e.kind !== 'command') continue;
    while (e.expected.length && e.expected[e.expected.length - 1] === '') e.expected.pop();
    const last = e.expected[e.expected.length - 1];
    const exit = last !== undefined ? /^\[exit (\d+)\]$/.exec(last) : null;
    if (exit) {
      e.exitCode = Number(exit[1]);
      e.expected.pop();
      while (e.expected.length && e.expected[e.expected.length - 1] === '') e.expected.pop();
    }
  }
  return { options, entries };
}

export interface CommandResult {
  entry: CommandEntry;
  /** Actual output lines (trailing blank lines removed). */
  output: string[];
  exitCode: number;
  /** Whether output and exit code match the expectation. */
  passed: boolean;
}

export interface TranscriptRun {
  cluster: Cluster;
  config: KubeConfig;
  results: CommandResult[];
  /** The transcript rewritten with the actual outputs. */
  text: string;
  passed: boolean;
}

export interface RunOptions {
  workspace?: Workspace;
  /** Reuse a cluster (e.g. a lesson's) instead of creating one from the header options. */
  cluster?: Cluster;
  config?: KubeConfig;
  /** Called before each command (lessons run their checks between steps). */
  onCommand?: (entry: CommandEntry, cluster: Cluster) => void;
}

export function runTranscript(text: string, opts: RunOptions = {}): TranscriptRun {
  const transcript = parseTranscript(text);
  const cluster = opts.cluster ?? createCluster(transcript.options);
  const config = opts.config ?? { ...DEFAULT_KUBECONFIG };
  const workspace = opts.workspace ?? EMPTY_WORKSPACE;
  const results: CommandResult[] = [];
  for (const entry of transcript.entries) {
    if (entry.kind !== 'command') continue;
    opts.onCommand?.(entry, cluster);
    const { output, code } = runCommand(cluster, entry, workspace, config);
    const lines = output.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    while (lines.length && lines[lines.length - 1] === '') lines.pop();
    const passed = code === entry.exitCode && lines.join('\n') === entry.expected.join('\n');
    results.push({ entry, output: lines, exitCode: code, passed });
  }
  return { cluster, config, results, text: renderTranscript(transcript, results), passed: results.every((r) => r.passed) };
}

/** Runs one `$` line: `kubectl …`, `sleep D`; anything else is "command not found". */
export function runCommand(cluster: Cluster, entry: CommandEntry, workspace: Workspace, config: KubeConfig): { output: string; code: number } {
  let command = entry.command;
  let stdin: string | undefined;
  if (entry.heredoc) {
    command = command.replace(/<<-?\s*(['"]?)[A-Za-z_][A-Za-z0-9_]*\1\s*$/, '');
    stdin = entry.heredoc.lines.map((l) => `${l}\n`).join('');
  }
  let argv: string[];
  try {
    argv = splitCommandLine(command);
  } catch (e) {
    if (e instanceof ShellSyntaxError) return { output: `bash: ${e.message}\n`, code: 2 };
    throw e;
  }
  if (argv.length === 0) return { output: '', code: 0 };
  const [program, ...rest] = argv;
  if (program === 'kubectl') {
    const r = execKubectl(cluster, rest, { workspace, config, stdin });
    return { output: r.output, code: r.code };
  }
  if (program === 'sleep') {
    const ms = sleepDuration(rest);
    if (ms === undefined) return { output: `sleep: invalid time interval '${rest[0] ?? ''}'\n`, code: 1 };
    cluster.advance(ms);
    return { output: '', code: 0 };
  }
  return { output: `bash: ${program}: command not found\n`, code: 127 };
}

/** `sleep 30`, `sleep 30s`, `sleep 5m`, `sleep 1m30s`, `sleep 1h`. */
function sleepDuration(args: string[]): number | undefined {
  if (args.length === 0) return undefined;
  let total = 0;
  for (const a of args) {
    const ms = /^\d+(\.\d+)?$/.test(a) ? Number(a) * 1000 : parseGoDuration(a);
    if (ms === undefined || ms < 0) return undefined;
    total += ms;
  }
  return total;
}

/** The transcript with actual outputs in place of the expected ones. */
export function renderTranscript(transcript: Transcript, results: CommandResult[]): string {
  const out: string[] = [];
  let r = 0;
  for (const entry of transcript.entries) {
    if (entry.kind === 'comment') {
      out.push(entry.text);
      continue;
    }
    const result = results[r++];
    out.push(`$ ${entry.command}`);
    if (entry.heredoc) out.push(...entry.heredoc.lines, entry.heredoc.word);
    const output = result ? result.output : entry.expected;
    out.push(...output);
    const code = result ? result.exitCode : entry.exitCode;
    if (code !== 0) out.push(`[exit ${code}]`);
  }
  return `${out.join('\n')}\n`;
}

/** The transcript as parsed, normalised the same way `renderTranscript` writes it. */
export function normaliseTranscript(text: string): string {
  const t = parseTranscript(text);
  return renderTranscript(t, []);
}
