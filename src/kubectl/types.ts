/**
 * The contract between kubectl and its hosts (the headless runner, the Web Worker, lessons).
 * A kubectl invocation is a generator: it writes output as it goes and, where the real
 * kubectl would block (`rollout status`, `wait`, `delete` waiting for pods to go), it yields
 * a `Wait` so that the host advances virtual time — all at once in Node, frame by frame in
 * the browser.
 */
import type { FlagSpec, ParsedArgs } from './args';
import type { KubeClient } from './client';

/** The learner's files: editor tabs, lesson files, or files beside a transcript. */
export interface Workspace {
  /** File contents, or undefined if there is no such file. */
  read(path: string): string | undefined;
  /** Names of the files directly in a folder (sorted), or undefined if it is not a folder. */
  list(dir: string): string[] | undefined;
}

/** The kubeconfig state the session keeps (what `kubectl config` changes). */
export interface KubeConfig {
  context: string;
  cluster: string;
  user: string;
  namespace: string;
  /** Whether the context names its namespace (set by `config set-context --namespace`). */
  namespaceSet?: boolean;
}

export const DEFAULT_KUBECONFIG: KubeConfig = {
  context: 'kind-kind',
  cluster: 'kind-kind',
  user: 'kind-kind',
  namespace: 'default',
};

export interface KubectlIO {
  /** What `-f -` reads. */
  stdin?: string;
  /**
   * Seeds kubectl's own randomness (the suffix `create deployment` adds to some container names):
   * hosts pass the cluster's seed, so that a replayed session prints the same names.
   */
  seed: number | string;
  workspace: Workspace;
  config: KubeConfig;
  out(text: string): void;
  err(text: string): void;
  /**
   * The terminal, when kubectl's stdin is one (absent in pipes, scripts, `-f -` heredocs): what
   * the learner types while the command runs (`kubectl exec -it`). `read()` returns the text typed
   * since the last call — whole lines with their `\n` ('' if nothing yet) — and undefined once
   * Ctrl+D ended the input. To wait for typing, yield a Wait whose `until` reads: the host looks
   * again whenever input arrives. The first read switches the terminal to feeding the command.
   */
  terminal?: TerminalInput;
  /**
   * The ports of the machine kubectl runs on (`kubectl port-forward` listens there): the
   * cluster's `hostPorts`. Absent where nothing could connect (lesson checks).
   */
  localPorts?: LocalPorts;
}

/** See `KubectlIO.localPorts` (src/sim/network/host-ports.ts implements it). */
export interface LocalPorts {
  /** Binds `port`: the function that releases it, or 'EADDRINUSE'. */
  listen(port: number, target: { namespace: string; pod: string; port: number }, onConnection?: () => void, onRefused?: () => void): 'EADDRINUSE' | (() => void);
  /** What a bound port leads to (undefined: free). */
  lookup(port: number): unknown;
}

/** See `KubectlIO.terminal`. */
export interface TerminalInput {
  read(): string | undefined;
}

/** Ask the host to advance virtual time until `until()` holds or `timeoutMs` passes. */
export interface Wait {
  until: () => boolean;
  timeoutMs: number;
  /**
   * For a wait with no end (`timeoutMs: Infinity`): how much virtual time, over the whole command,
   * a host with nobody at the keys (the headless runner) lets pass before it presses Ctrl+C.
   * Unset: at once (`get -w` prints what is there and stops).
   */
  unattendedMs?: number;
  /**
   * For a condition no api write announces (a container writing a log line): the host looks
   * again at least this often, in virtual ms. Unset: only after writes and at the deadline.
   */
  pollMs?: number;
}

/** Yields waits; receives whether the condition held; returns the exit code. */
export type KubectlProgram = Generator<Wait, number, boolean>;

/** kubectl talks to the api through `client` only; the host builds it for its cluster. */
export type KubectlEntry = (client: KubeClient, argv: string[], io: KubectlIO) => KubectlProgram;

// ---- the command-module contract (see commands/index.ts) ----


/** What a command gets besides its parsed arguments. */
export interface CommandContext {
  /** The api: every read and write goes through it. */
  client: KubeClient;
  io: KubectlIO;
  /** `kubectl rollout status`: the command as cobra names it (for `See '… --help'`). */
  path: string;
  /** The namespace requests go to: `-n/--namespace`, else the kubeconfig context's. */
  namespace: string;
  /** Whether `-n/--namespace` was given. */
  namespaceExplicit: boolean;
  /** The arguments after `kubectl`, as typed (for `--record`'s change-cause). */
  argv: string[];
  /** Writes one line (a newline is added) to stdout. */
  out(line: string): void;
  /** Writes one line (a newline is added) to stderr. */
  err(line: string): void;
}

/** An exit code, or a program that yields `Wait`s and returns one. */
export type CommandResult = number | KubectlProgram;

export interface CommandModule {
  /** The word typed after `kubectl` (or after the parent command). */
  name: string;
  /** Other words for it (cobra's Aliases: `top pods`, `top po`). */
  aliases?: string[];
  /** One-line description (kubectl's `Short`). */
  short: string;
  /** Flags besides the global ones (`-n`, `--context`, …), which every command accepts. */
  flags: FlagSpec[];
  /** `rollout status`, `config view`, `create deployment`, `set image`. */
  subcommands?: CommandModule[];
  /**
   * Runs the command. May throw `StatusError` (api errors), `CliError` (`error: …`) or
   * `FlagError` (usage errors); the dispatcher prints them as kubectl does and exits 1.
   * Absent on pure groups (`rollout`, `config`, `set`): these print their usage.
   */
  run?(ctx: CommandContext, args: ParsedArgs): CommandResult;
}
