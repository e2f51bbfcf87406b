/**
 * Tab completion for the terminal: commands, subcommands, flags, flag values (namespaces,
 * output formats), resource types and object names. Returns the candidate words for the last
 * (partial) word of the line, sorted; the line's end is the cursor.
 */
import type { FlagSpec } from './args';
import type { KubeClient } from './client';
import { COMMANDS } from './commands';
import { GLOBAL_FLAGS } from './flags';
import { splitCommandLine } from '../shell/parse';
import type { CommandModule, KubeConfig, Workspace } from './types';

/** Commands whose positional arguments are `TYPE [NAME…]` or `TYPE/NAME`. */
const RESOURCE_COMMANDS = new Set(['get', 'describe', 'delete', 'label', 'annotate', 'scale', 'wait', 'status', 'history', 'undo', 'restart', 'pause', 'resume', 'image', 'patch', 'expose', 'taint']);
const OUTPUT_FORMATS = ['json', 'yaml', 'name', 'wide', 'jsonpath=', 'custom-columns='];

export function complete(client: KubeClient, line: string, config: KubeConfig, workspace?: Workspace): string[] {
  let words: string[];
  try {
    words = splitCommandLine(line);
  } catch {
    return [];
  }
  if (line === '' || /\s$/.test(line)) words.push('');
  const current = words.pop() ?? '';
  if (words.length === 0) return match(['kubectl'], current);
  if (words[0] !== 'kubectl') return [];
  const rest = words.slice(1);

  // Walk the command words, skipping flags (and the values of flags that take one).
  let command: CommandModule | undefined;
  const positional: string[] = [];
  let namespace = config.namespace;
  for (let i = 0; i < rest.length; i++) {
    const w = rest[i];
    const flags = allFlags(command);
    if (w.startsWith('-')) {
      const spec = findFlag(flags, w);
      if (spec && takesValue(spec) && !w.includes('=') && !(w.length > 2 && !w.startsWith('--'))) {
        if (spec.name === 'namespace' && i + 1 < rest.length) namespace = rest[i + 1];
        i++;
      } else if (spec?.name === 'namespace' && w.includes('=')) {
        namespace = w.slice(w.indexOf('=') + 1);
      }
      continue;
    }
    const subs = command ? command.subcommands ?? [] : [...COMMANDS.values()];
    const next = positional.length === 0 ? subs.find((c) => c.name === w) : undefined;
    if (next) {
      command = next;
      continue;
    }
    positional.push(w);
  }

  // The value of a flag.
  const prev = rest[rest.length - 1];
  if (prev?.startsWith('-') && !prev.includes('=')) {
    const spec = findFlag(allFlags(command), prev);
    if (spec && takesValue(spec) && (prev.startsWith('--') || prev.length === 2)) return flagValues(client, spec, current, workspace);
  }
  if (current.startsWith('-')) {
    const eq = current.indexOf('=');
    if (eq > 0) {
      const spec = findFlag(allFlags(command), current.slice(0, eq));
      return spec ? flagValues(client, spec, current.slice(eq + 1), workspace).map((v) => `${current.slice(0, eq + 1)}${v}`) : [];
    }
    return match(allFlags(command).map((f) => `--${f.name}`), current);
  }

  if (!command) return match([...COMMANDS.keys()], current);
  if (command.subcommands?.length && positional.length === 0 && !command.run) return match(command.subcommands.map((c) => c.name), current);
  if (command.subcommands?.length && positional.length === 0 && command.run) {
    const subs = match(command.subcommands.map((c) => c.name), current);
    if (subs.length) return subs;
  }
  if (['logs', 'attach', 'port-forward'].includes(command.name) && positional.length === 0) return match(names(client, 'pods', namespace), current);
  if (command.name === 'cordon' || command.name === 'uncordon') return match(names(client, 'nodes', ''), current);
  if (command.name === 'use-context' || command.name === 'get-contexts') return match([config.context], current);
  if (!RESOURCE_COMMANDS.has(command.name)) return [];
  return resourceWords(client, positional, current, namespace);
}

function resourceWords(client: KubeClient, positional: string[], current: string, namespace: string): string[] {
  const registry = client.discovery;
  const slash = current.indexOf('/');
  if (slash > 0) {
    const type = registry.resolve(current.slice(0, slash));
    if (!type) return [];
    return match(names(client, type.plural, namespace).map((n) => `${current.slice(0, slash)}/${n}`), current);
  }
  const typeWord = positional.find((p) => !p.includes('=') && !p.includes('/'));
  if (positional.length === 0 || !typeWord) {
    const types = registry.all().map((t) => t.plural);
    return match(positional.length === 0 ? [...types, 'all'] : types, current);
  }
  const last = typeWord.split(',').pop() ?? '';
  const type = registry.resolve(last);
  if (!type) return [];
  const already = new Set(positional.slice(1));
  return match(names(client, type.plural, namespace).filter((n) => !already.has(n)), current);
}

function names(client: KubeClient, plural: string, namespace: string): string[] {
  const t = client.discovery.byResource(plural);
  if (!t) return [];
  return client.list(plural, t.namespaced ? namespace : undefined).map((o) => o.metadata.name ?? '');
}

function flagValues(client: KubeClient, spec: FlagSpec, current: string, workspace: Workspace | undefined): string[] {
  switch (spec.name) {
    case 'namespace':
      return match(names(client, 'namespaces', ''), current);
    case 'output':
      return match(OUTPUT_FORMATS, current);
    case 'dry-run':
      return match(['none', 'client', 'server'], current);
    case 'cascade':
      return match(['background', 'foreground', 'orphan'], current);
    case 'restart':
      return match(['Always', 'OnFailure', 'Never'], current);
    case 'for':
      return match(['condition=Ready', 'condition=Available', 'delete', 'create'], current);
    case 'filename': {
      const slash = current.lastIndexOf('/');
      const dir = slash >= 0 ? current.slice(0, slash) : '.';
      const entries = workspace?.list(dir) ?? [];
      return match(entries.map((e) => (slash >= 0 ? `${current.slice(0, slash + 1)}${e}` : e)), current);
    }
  }
  return [];
}

function allFlags(command: CommandModule | undefined): FlagSpec[] {
  return [...(command?.flags ?? []), ...GLOBAL_FLAGS];
}

function findFlag(flags: FlagSpec[], word: string): FlagSpec | undefined {
  const body = word.replace(/^--?/, '').split('=')[0];
  return word.startsWith('--') ? flags.find((f) => f.name === body) : flags.find((f) => f.short === body[0]);
}

function takesValue(spec: FlagSpec): boolean {
  return spec.type !== 'bool' && spec.noOptDefault === undefined;
}

function match(candidates: string[], prefix: string): string[] {
  return [...new Set(candidates.filter((c) => c.startsWith(prefix)))].sort();
}
