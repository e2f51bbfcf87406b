/** `kubectl cordon|uncordon NODE…` and `kubectl taint nodes NODE key[=value]:Effect[-]…`. */
import type { Taint } from 'kubernetes-types/core/v1';
import type { KObject } from '../../sim/core/object';
import { CliError, formatError } from '../errors';
import { DRY_RUN_FLAG, FIELD_MANAGER_FLAG, PRINT_FLAGS, SELECTOR_FLAG } from '../flags';
import { printErrors } from '../infos';
import { checkOutputFormat, dryRunMode, printChange } from '../output';
import type { CommandContext, CommandModule } from '../types';
import { findObjects, mutableCopy, updateObject } from '../workload';

type NodeSpec = { unschedulable?: boolean; taints?: Taint[] };

function cordoner(name: 'cordon' | 'uncordon'): CommandModule {
  const cordon = name === 'cordon';
  return {
    name,
    short: cordon ? 'Mark node as unschedulable' : 'Mark node as schedulable',
    flags: [SELECTOR_FLAG, DRY_RUN_FLAG],
    run(ctx, args) {
      if (args.args.length === 0 && !args.string('selector')) throw new CliError(`USAGE: ${name} NODE [flags]\nSee '${ctx.path} -h' for help and examples`);
      const mode = dryRunMode(ctx, args);
      const words = args.string('selector') ? ['nodes'] : ['nodes', ...args.args];
      const { found, errors } = findObjects(ctx, args, words, { selector: args.string('selector') });
      for (const { type, object } of found) {
        try {
          const spec = (object.spec ?? {}) as NodeSpec;
          if (!!spec.unschedulable === cordon) {
            printChange(ctx, args, type, object, cordon ? 'already cordoned' : 'already uncordoned', 'none');
            continue;
          }
          const changed = mutableCopy(object);
          const s = (changed.spec ?? (changed.spec = {})) as NodeSpec;
          if (cordon) s.unschedulable = true;
          else delete s.unschedulable;
          printChange(ctx, args, type, updateObject(ctx, type, changed, mode), cordon ? 'cordoned' : 'uncordoned', mode);
        } catch (e) {
          errors.push(e);
        }
      }
      return finish(ctx, errors);
    },
  };
}

function finish(ctx: CommandContext, errors: unknown[]): number {
  if (!errors.length) return 0;
  printErrors(ctx, errors, (e) => formatError(e, ctx.path));
  return 1;
}

const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

interface TaintChange {
  add: Taint[];
  remove: { key: string; effect?: string }[];
}

function parseTaints(specs: string[], ctx: CommandContext): TaintChange {
  const change: TaintChange = { add: [], remove: [] };
  const invalid = (spec: string, why: string) => new CliError(`invalid taint spec: ${spec}, ${why}\nSee '${ctx.path} -h' for help and examples`);
  for (const spec of specs) {
    if (spec.endsWith('-')) {
      const body = spec.slice(0, -1);
      const [key, effect] = body.split(':');
      if (effect !== undefined && !EFFECTS.includes(effect)) throw invalid(spec, `invalid taint effect: ${effect}, unsupported taint effect`);
      change.remove.push({ key, effect });
      continue;
    }
    const colon = spec.lastIndexOf(':');
    if (colon < 0) throw new CliError(`invalid taint spec: ${spec}, name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')\nSee '${ctx.path} -h' for help and examples`);
    const effect = spec.slice(colon + 1);
    if (!EFFECTS.includes(effect)) throw invalid(spec, `invalid taint effect: ${effect}, unsupported taint effect`);
    const kv = spec.slice(0, colon);
    const eq = kv.indexOf('=');
    const taint: Taint = eq < 0 ? { key: kv, effect } : { key: kv.slice(0, eq), value: kv.slice(eq + 1), effect };
    change.add.push(taint);
  }
  return change;
}

const taint: CommandModule = {
  name: 'taint',
  short: 'Update the taints on one or more nodes',
  flags: [SELECTOR_FLAG, { name: 'all', type: 'bool' }, { name: 'overwrite', type: 'bool' }, { name: 'validate', type: 'string', default: 'strict', noOptDefault: 'strict' }, DRY_RUN_FLAG, FIELD_MANAGER_FLAG('kubectl-taint'), ...PRINT_FLAGS],
  run(ctx, args) {
    const [typeWord, ...rest] = args.args;
    const targets = rest.filter((a) => !a.includes(':') && !a.endsWith('-') && !a.includes('='));
    const specs = rest.filter((a) => !targets.includes(a));
    if (specs.length === 0) throw new CliError('at least one taint update is required');
    if (!typeWord || !['node', 'nodes', 'no'].includes(typeWord.split('/')[0])) throw new CliError(`invalid resource type ${typeWord ?? ''}, only node types are supported`);
    checkOutputFormat(args);
    const mode = dryRunMode(ctx, args);
    const change = parseTaints(specs, ctx);
    const words = typeWord.includes('/') ? [typeWord] : ['nodes', ...targets];
    const { found, errors } = findObjects(ctx, args, words, { selector: args.string('selector'), all: args.bool('all') });
    for (const { type, object } of found) {
      try {
        const changed: KObject = mutableCopy(object);
        const spec = (changed.spec ?? (changed.spec = {})) as NodeSpec;
        let taints = [...(spec.taints ?? [])];
        let removed = false;
        for (const r of change.remove) {
          const before = taints.length;
          taints = taints.filter((t) => !(t.key === r.key && (!r.effect || t.effect === r.effect)));
          if (taints.length === before) throw new CliError(`taint ${JSON.stringify(r.effect ? `${r.key}:${r.effect}` : r.key)} not found`);
          removed = true;
        }
        for (const a of change.add) {
          const i = taints.findIndex((t) => t.key === a.key && t.effect === a.effect);
          if (i >= 0 && !args.bool('overwrite')) throw new CliError(`node ${object.metadata.name} already has ${a.key} taint(s) with same effect(s) and --overwrite is false`);
          if (i >= 0) taints[i] = a;
          else taints.push(a);
        }
        if (taints.length) spec.taints = taints;
        else delete spec.taints;
        const verb = change.add.length ? 'tainted' : removed ? 'untainted' : 'tainted';
        printChange(ctx, args, type, updateObject(ctx, type, changed, mode), verb, mode);
      } catch (e) {
        errors.push(e);
      }
    }
    return finish(ctx, errors);
  },
};

export const cordonCommand = cordoner('cordon');
export const uncordonCommand = cordoner('uncordon');
export const taintCommand = taint;
