/**
 * kubectl: finds the command (cobra's way: flags may come before it), parses its flags,
 * runs it, and prints errors as kubectl does. `kubectl(client, argv, io)` is a generator
 * that yields `Wait`s; the host drives it to the end (the headless runner's `runKubectl`
 * advances the virtual clock through each).
 */
import { FlagError, parseArgs, type FlagSpec, type ParsedArgs } from './args';
import type { KubeClient } from './client';
import { COMMANDS, KUBECTL_COMMAND_NAMES } from './commands';
import { CliError, formatError } from './errors';
import { GLOBAL_FLAGS } from './flags';
import { ROOT_HELP } from './help';
import { missingKubeconfig, readsKubeconfig } from './kubeconfig-file';
import type { CommandContext, CommandModule, KubectlEntry, KubectlIO, KubectlProgram } from './types';

export type { KubectlEntry, KubectlIO, KubectlProgram, Wait, Workspace, KubeConfig } from './types';
export type { KubeClient } from './client';

export const kubectl: KubectlEntry = function* (client, argv, io): KubectlProgram {
  let path = 'kubectl';
  try {
    const found = findCommand(argv);
    path = found.path;
    if (found.unknown !== undefined) {
      io.err(unknownCommandMessage(found.unknown, found.parent));
      return 1;
    }
    const command = found.command;
    const flags = mergeFlags(command?.flags ?? [], GLOBAL_FLAGS);
    const args = parseArgs(found.rest, flags);
    if (!command) {
      io.out(ROOT_HELP);
      return 0;
    }
    if (!command.run && !args.bool('help') && args.args.length) return unknownSubcommand(io, path, args.args[0]);
    if (args.bool('help') || !command.run) {
      io.out(commandUsage(path, command));
      return command.run ? 0 : 1;
    }
    const missing = missingKubeconfig(args, io.workspace);
    if (missing !== undefined && readsKubeconfig(path, args)) throw new CliError(`stat ${missing}: no such file or directory`);
    const explicit = args.changed('namespace');
    const ctx: CommandContext = {
      client: impersonating(client, args),
      io,
      path,
      namespace: explicit ? args.string('namespace') : io.config.namespace,
      namespaceExplicit: explicit,
      argv,
      out: (line) => io.out(`${line}\n`),
      err: (line) => io.err(`${line}\n`),
    };
    const result = command.run(ctx, args);
    if (typeof result === 'number') return result;
    return yield* result;
  } catch (e) {
    io.err(formatError(e, path));
    return 1;
  }
};

/** `--as`/`--as-group`: every request impersonates that user (client-go's ImpersonationConfig). */
function impersonating(client: KubeClient, args: ParsedArgs): KubeClient {
  const user = args.string('as');
  const groups = args.strings('as-group');
  if (!user && !groups.length) return client;
  if (!user) throw new CliError(`requesting uid, groups or user-extra for ${args.string('as-uid')} without impersonating a user`);
  return client.impersonate(user, groups);
}

/** The exit code of a command stopped by Ctrl+C (128 + SIGINT). */
export const INTERRUPTED = 130;

interface FoundCommand {
  command?: CommandModule;
  /** Set when the word after `parent` names no command. */
  unknown?: string;
  parent: string;
  path: string;
  /** argv without the command words. */
  rest: string[];
}

/** Walks argv like cobra's Find: skips flags (and their values) to find the command words. */
export function findCommand(argv: string[]): FoundCommand {
  let command: CommandModule | undefined;
  let path = 'kubectl';
  const rest = [...argv];
  for (;;) {
    const flags = mergeFlags(command?.flags ?? [], GLOBAL_FLAGS);
    const at = firstPositional(rest, flags);
    if (at < 0) break;
    const word = rest[at];
    const candidates = command ? command.subcommands ?? [] : [...COMMANDS.values()];
    const next = candidates.find((c) => c.name === word || c.aliases?.includes(word));
    if (!next) {
      if (!command) return { unknown: word, parent: path, path, rest };
      break;
    }
    rest.splice(at, 1);
    command = next;
    path = `${path} ${next.name}`;
    if (!next.subcommands) break;
  }
  return { command, parent: path, path, rest };
}

function firstPositional(argv: string[], flags: FlagSpec[]): number {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') return -1;
    if (a.startsWith('--') && a.length > 2) {
      if (a.includes('=')) continue;
      const spec = flags.find((f) => f.name === a.slice(2));
      if (spec && spec.type !== 'bool' && spec.noOptDefault === undefined) i++;
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      if (a.length === 2) {
        const spec = flags.find((f) => f.short === a[1]);
        if (spec && spec.type !== 'bool' && spec.noOptDefault === undefined) i++;
      }
      continue;
    }
    return i;
  }
  return -1;
}

function mergeFlags(own: FlagSpec[], global: FlagSpec[]): FlagSpec[] {
  const names = new Set(own.map((f) => f.name));
  const shorts = new Set(own.map((f) => f.short).filter(Boolean));
  return [...own, ...global.filter((g) => !names.has(g.name) && !(g.short && shorts.has(g.short)))];
}

function unknownCommandMessage(word: string, parent: string): string {
  const suggestions = KUBECTL_COMMAND_NAMES.filter(
    (name) => levenshtein(word.toLowerCase(), name) <= 2 || name.startsWith(word.toLowerCase()),
  );
  const known = KUBECTL_COMMAND_NAMES.includes(word);
  if (known) return `error: "kubectl ${word}" is not available in this playground\n`;
  let msg = `Error: unknown command "${word}" for "${parent}"\n`;
  if (suggestions.length) msg += `\nDid you mean this?\n${suggestions.map((s) => `\t${s}\n`).join('')}\n`;
  return msg;
}

function unknownSubcommand(io: KubectlIO, path: string, word: string): number {
  io.err(formatError(new CliError(`unknown command "${word}"\nSee '${path} -h' for help and examples`)));
  return 1;
}

function levenshtein(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return d[a.length][b.length];
}

function commandUsage(path: string, command: CommandModule): string {
  const lines = [command.short, ''];
  if (command.subcommands?.length) {
    lines.push('Available Commands:');
    for (const c of command.subcommands) lines.push(`  ${c.name.padEnd(15)} ${c.short}`);
    lines.push('');
  }
  if (command.flags.length) {
    lines.push('Options:');
    for (const f of command.flags) {
      const names = f.short ? `-${f.short}, --${f.name}` : `    --${f.name}`;
      lines.push(`    ${names}${f.usage ? `:\n\t${f.usage}` : ''}`);
    }
    lines.push('');
  }
  lines.push('Usage:', `  ${path} [options]`, '');
  return lines.join('\n');
}

export { FlagError };
