/**
 * `kubectl wait --for=condition=Ready[=True] | --for=delete | --for=create (TYPE NAME | TYPE/NAME
 * | TYPE -l SEL | TYPE --all) [--timeout=30s]`: yields until every object meets the condition,
 * printing `pod/x condition met` for each, or `error: timed out waiting for the condition on pods/x`.
 */
import type { ResourceType } from '../../sim/api/registry';
import type { KObject } from '../../sim/core/object';
import { tryGet } from '../client';
import { CliError, formatError } from '../errors';
import { ALL_NAMESPACES_FLAG, FILENAME_FLAG, OUTPUT_FLAG, RECURSIVE_FLAG, SELECTOR_FLAG } from '../flags';
import { printErrors } from '../infos';
import { objectRef, parseResourceArgs } from '../resources';
import type { CommandContext, CommandModule, KubectlProgram } from '../types';
import { findObjects } from '../workload';

type Condition = { kind: 'delete' } | { kind: 'create' } | { kind: 'condition'; type: string; value: string };

function parseFor(spec: string): Condition {
  const lower = spec.toLowerCase();
  if (lower === 'delete') return { kind: 'delete' };
  if (lower === 'create') return { kind: 'create' };
  if (lower.startsWith('condition=')) {
    const rest = spec.slice('condition='.length);
    const eq = rest.indexOf('=');
    return eq < 0 ? { kind: 'condition', type: rest, value: 'true' } : { kind: 'condition', type: rest.slice(0, eq), value: rest.slice(eq + 1) };
  }
  throw new CliError(`unrecognized condition: "${spec}"`);
}

function conditionMet(obj: KObject, c: { type: string; value: string }): boolean {
  const conditions = ((obj.status as { conditions?: { type: string; status: string }[] } | undefined)?.conditions ?? []);
  return conditions.some((x) => x.type.toLowerCase() === c.type.toLowerCase() && x.status.toLowerCase() === c.value.toLowerCase());
}

function qualified(type: ResourceType, name: string): string {
  return `${type.plural}${type.group ? `.${type.group}` : ''}/${name}`;
}

export const command: CommandModule = {
  name: 'wait',
  short: 'Experimental: Wait for a specific condition on one or many resources',
  flags: [FILENAME_FLAG, RECURSIVE_FLAG, SELECTOR_FLAG, { name: 'field-selector', type: 'string' }, { name: 'all', type: 'bool' }, ALL_NAMESPACES_FLAG, { name: 'for', type: 'string' }, { name: 'timeout', type: 'duration', default: 30_000 }, { name: 'local', type: 'bool' }, OUTPUT_FLAG],
  *run(ctx, args): KubectlProgram {
    const cond = parseFor(args.string('for'));
    const timeout = args.duration('timeout');
    const client = ctx.client;
    type Target = { type: ResourceType; name: string; namespace: string | undefined; uid?: string };
    let targets: Target[];
    if (cond.kind === 'create') {
      const parsed = parseResourceArgs(client.discovery, args.args);
      targets = parsed.refs.map((r) => ({ type: r.type, name: r.name, namespace: r.type.namespaced ? ctx.namespace : undefined }));
    } else {
      const { found, errors } = findObjects(ctx, args, args.args, { selector: args.string('selector'), all: args.bool('all'), filenames: args.strings('filename') });
      if (errors.length) {
        if (cond.kind !== 'delete') {
          printErrors(ctx, errors, (e) => formatError(e, ctx.path));
          return 1;
        }
      }
      if (found.length === 0 && (args.string('selector') || args.bool('all'))) throw new CliError('no matching resources found');
      targets = found.map((f) => ({ type: f.type, name: f.object.metadata.name!, namespace: f.object.metadata.namespace, uid: f.object.metadata.uid }));
    }
    const live = (t: Target) => tryGet(client, t.type.plural, t.namespace, t.name);
    const met = (t: Target): boolean => {
      const obj = live(t);
      if (cond.kind === 'delete') return !obj || obj.metadata.uid !== t.uid;
      if (cond.kind === 'create') return !!obj;
      return !!obj && conditionMet(obj, cond);
    };
    const deadline = ctx.client.now() + timeout;
    for (const t of targets) {
      if (!met(t)) {
        const left = deadline - ctx.client.now();
        const ok: boolean = left > 0 ? yield { until: () => met(t), timeoutMs: left } : false;
        if (!ok) {
          throw new CliError(`timed out waiting for the condition on ${qualified(t.type, t.name)}`);
        }
      }
      ctx.out(`${objectRef(t.type, t.name)} condition met`);
    }
    return 0;
  },
};

export type { CommandContext };
