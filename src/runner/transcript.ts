/**
 * Transcripts: a terminal session written down. Pure (no fs): the CLI (`play.ts`) and the
 * lessons reuse `parseTranscript` / `runTranscript`.
 *
 * Format:
 *   # a comment; header comments before the first command set options: `# seed: 42`, `# workers: 3`,
 *   #   `# podQuota: 1000`, `# addons: metrics-server` (installed as the cluster comes up),
 *   #   `# cloudProvider: off` (no cloud-provider-kind: LoadBalancers stay <pending>)
 *   $ kubectl get pods              a command (shell quoting)
 *   No resources found in default namespace.      its expected output (stdout+stderr), up to the
 *                                                  next `$ ` or `#` line; trailing blank lines ignored
 *   [exit 1]                        after the output when the exit code is not 0
 *   $ kubectl apply -f - <<EOF      a heredoc: the lines up to `EOF` are stdin
 *   $ sleep 1m30s                   advances virtual time
 *   $ kubectl get pods -o name | wc -l    the line runs in bash (src/shell/host): pipes, variables,
 *   $ for i in 1 2; do k run p$i --image=nginx; done    loops, `k` (alias), watch, cat of the files…
 *   > typed text                    right after the `$` line (before any output): a line the learner
 *   > ^D                              types while the command runs (what `read` and `kubectl exec -it`
 *                                    read through KubectlIO.terminal); `> ^D` is Ctrl+D. The
 *                                    command's output (echoes included) follows.
 * Nobody is at the keys: a wait with no end (`get -w`), `watch` after its first frame, and a line
 * still running after an hour of virtual time end as Ctrl+C would (`[exit 130]`); a line that
 * runs 10,000 commands without waiting stops with a notice.
 */
import { createCluster, type Cluster, type ClusterOptions } from '../sim/cluster';
import { DEFAULT_KUBECONFIG, type KubeConfig, type Workspace } from '../kubectl/types';
import type { HostShell } from '../shell/host/host-shell';
import type { ShellProgram } from '../shell/interpreter';
import { EMPTY_WORKSPACE } from './exec';
import { drive } from './drive';
import { headlessHost } from './host';

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
  /** Lines typed while the command runs (`> text`; `> ^D` is Ctrl+D), in order. */
  input: string[];
  lineNo: number;
}

/** A typed line `> ^D`: Ctrl+D on an empty line (end of input). */
export const INPUT_EOF = '^D';

export type TranscriptEntry = CommentEntry | CommandEntry;

export interface Transcript {
  options: ClusterOptions;
  entries: TranscriptEntry[];
}

const HEADER_OPTIONS: Record<string, keyof ClusterOptions> = { seed: 'seed', workers: 'workers', podquota: 'podQuota', cloudprovider: 'cloudProvider' };

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
      current = { kind: 'command', command: line.slice(2), expected: [], exitCode: 0, input: [], lineNo: i + 1 };
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
        (options as Record<string, unknown>)[key] = key === 'seed' ? value : key === 'cloudProvider' ? /^(on|true)$/i.test(opt[2]) : Number(value);
      }
      entries.push({ kind: 'comment', text: line, lineNo: i + 1 });
      continue;
    }
    if (current && (line.startsWith('> ') || line === '>') && current.expected.length === 0) {
      current.input.push(line.slice(2));
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
  /** Text tools for the host shell (the programs registry). */
  programs?: ReadonlyMap<string, ShellProgram>;
  /** Called before each command (lessons run their checks between steps). */
  onCommand?: (entry: CommandEntry, cluster: Cluster) => void;
}

export function runTranscript(text: string, opts: RunOptions = {}): TranscriptRun {
  const transcript = parseTranscript(text);
  const cluster = opts.cluster ?? createCluster(transcript.options);
  const config = opts.config ?? { ...DEFAULT_KUBECONFIG };
  const workspace = opts.workspace ?? EMPTY_WORKSPACE;
  const results: CommandResult[] = [];
  const host = headlessHost(cluster, workspace, config, opts.programs);
  for (const entry of transcript.entries) {
    if (entry.kind !== 'command') continue;
    opts.onCommand?.(entry, cluster);
    const { output, code } = runCommand(cluster, entry, host);
    const lines = output.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    while (lines.length && lines[lines.length - 1] === '') lines.pop();
    const passed = code === entry.exitCode && lines.join('\n') === entry.expected.join('\n');
    results.push({ entry, output: lines, exitCode: code, passed });
  }
  return { cluster, config, results, text: renderTranscript(transcript, results), passed: results.every((r) => r.passed) };
}

/** Runs one `$` line in the transcript's host shell (bash: pipes, variables, loops, kubectl, sleep…). */
export function runCommand(cluster: Cluster, entry: CommandEntry, host: HostShell): { output: string; code: number } {
  let command = entry.command;
  let stdin: string | undefined;
  if (entry.heredoc) {
    command = command.replace(/<<-?\s*(['"]?)[A-Za-z_][A-Za-z0-9_]*\1\s*$/, '');
    stdin = entry.heredoc.lines.map((l) => `${l}\n`).join('');
  }
  let output = '';
  const typed = entry.input.map((l) => (l === INPUT_EOF ? undefined : `${l}\n`));
  const terminal = {
    // Typed lines arrive one per read; after the last, Ctrl+D (as if the learner pressed it).
    read: () => (typed.length ? typed.shift() : undefined),
  };
  const code = drive(cluster, host.runLine(command, { write: (text) => (output += text), ...(stdin !== undefined ? { stdin } : {}), terminal }));
  return { output, code };
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
    out.push(...entry.input.map((l) => `> ${l}`.trimEnd()));
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
