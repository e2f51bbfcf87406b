/**
 * What mutating commands print: `deployment.apps/web created`, ` (dry run)` suffixes, or the
 * object in an `-o` format (through the printers); `--dry-run` parsing; klog-style warnings.
 */
import type { ResourceType } from '../sim/api/registry';
import type { KObject } from '../sim/core/object';
import { pad, utcParts } from '../sim/core/utc';
import type { ParsedArgs } from './args';
import { CliError } from './errors';
import { PrintError, printObjects } from './printers';
import { objectRef } from './resources';
import type { CommandContext } from './types';

export type DryRun = 'none' | 'client' | 'server';

/** The formats `-o` accepts on mutating commands (kubectl's PrintFlags without table printing). */
const MUTATION_FORMATS = ['go-template', 'go-template-file', 'json', 'jsonpath', 'jsonpath-as-json', 'jsonpath-file', 'name', 'template', 'templatefile', 'yaml'];

export function dryRunMode(ctx: CommandContext, args: ParsedArgs): DryRun {
  const v = args.string('dry-run');
  switch (v) {
    case '':
    case 'none':
    case 'false':
      return 'none';
    case 'client':
      return 'client';
    case 'server':
      return 'server';
    case 'unchanged':
    case 'true':
      klog(ctx, 'W', 'helpers.go:702', '--dry-run is deprecated and can be replaced with --dry-run=client.');
      return 'client';
  }
  throw new CliError(`Error: Invalid dry-run value (${v}). Must be "none", "server", or "client".`, true);
}

export function dryRunSuffix(mode: DryRun): string {
  return mode === 'client' ? ' (dry run)' : mode === 'server' ? ' (server dry run)' : '';
}

/** Checks `-o` before anything is changed, as kubectl builds its printer first. */
export function checkOutputFormat(args: ParsedArgs): void {
  const format = args.string('output');
  if (!format) return;
  const name = format.split('=')[0];
  if (!MUTATION_FORMATS.includes(name)) {
    throw new CliError(`unable to match a printer suitable for the output format "${format}", allowed formats are: ${MUTATION_FORMATS.join(',')}`);
  }
}

/** Prints the result of a change: `-o` format, or `<kind.group>/<name> <verb>[ (dry run)]`. */
export function printChange(ctx: CommandContext, args: ParsedArgs, type: ResourceType, obj: KObject, verb: string, mode: DryRun): void {
  const format = args.declared('output') ? args.string('output') : '';
  if (format === 'name') {
    ctx.out(objectRef(type, obj.metadata.name ?? ''));
  } else if (format) {
    try {
      ctx.io.out(printObjects([obj], format, { now: ctx.client.now(), singleItem: true }));
    } catch (e) {
      if (e instanceof PrintError && e.output) ctx.io.out(e.output);
      throw e;
    }
  } else {
    ctx.out(`${objectRef(type, obj.metadata.name ?? '')} ${verb}${dryRunSuffix(mode)}`);
  }
}

/** A klog line on stderr (`W0101 09:10:00.000000       1 helpers.go:702] …`), in virtual time. */
export function klog(ctx: CommandContext, severity: 'W' | 'E' | 'I', where: string, message: string): void {
  const t = utcParts(ctx.client.now());
  const stamp = `${pad(t.month)}${pad(t.day)} ${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}.${pad(t.millisecond * 1000, 6)}`;
  ctx.err(`${severity}${stamp} ${'1'.padStart(7)} ${where}] ${message}`);
}

/** The error kubectl prints (through klog) when a required flag is missing. */
export function requiredFlagError(ctx: CommandContext, flag: string): number {
  klog(ctx, 'E', 'run.go:72', `"command failed" err="required flag(s) \\"${flag}\\" not set"`);
  return 1;
}
