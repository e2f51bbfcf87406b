/**
 * `kubectl create quota NAME [--hard=cpu=1,pods=2,…] [--scopes=BestEffort,…]` (alias
 * `resourcequota`), as kubectl 1.32 builds it: quantities parsed (and printed canonical) on the
 * client, scopes passed on unchecked for the api-server to judge.
 */
import type { KObject } from '../../sim/core/object';
import { canonicalQuantity, QuantityError } from '../../sim/core/quantity';
import { CliError } from '../errors';
import { CREATE_GENERATOR_FLAGS } from '../flags';
import type { CommandModule } from '../types';
import { createGenerated, exactlyOneName } from './generators';

export const createQuota: CommandModule = {
  name: 'quota',
  aliases: ['resourcequota'],
  short: 'Create a quota with the specified name',
  flags: [
    { name: 'hard', type: 'string', usage: 'A comma-delimited set of resource=quantity pairs that define a hard limit.' },
    { name: 'scopes', type: 'string', usage: 'A comma-delimited set of quota scopes that must all match each object tracked by the quota.' },
    ...CREATE_GENERATOR_FLAGS,
  ],
  run(ctx, args) {
    exactlyOneName(ctx, args);
    const spec: Record<string, unknown> = {};
    const hard = parseHard(args.string('hard') ?? '');
    if (hard) spec.hard = hard;
    const scopes = parseScopes(args.string('scopes') ?? '');
    if (scopes) spec.scopes = scopes;
    const obj: KObject = { apiVersion: 'v1', kind: 'ResourceQuota', metadata: { creationTimestamp: null as unknown as string, name: args.args[0] }, spec, status: {} };
    return createGenerated(ctx, args, obj, 'resourcequota');
  },
};

/** populateResourceListV1: `name=quantity` pairs, each quantity parsed. */
function parseHard(text: string): Record<string, string> | undefined {
  if (!text) return undefined;
  const hard: Record<string, string> = {};
  for (const statement of text.split(',')) {
    const parts = statement.split('=');
    if (parts.length !== 2) throw new CliError(`Invalid argument syntax ${statement}, expected <resource>=<value>`);
    try {
      hard[parts[0]] = canonicalQuantity(parts[1]);
    } catch (e) {
      if (e instanceof QuantityError) throw new CliError(e.message);
      throw e;
    }
  }
  return hard;
}

function parseScopes(text: string): string[] | undefined {
  if (!text) return undefined;
  const scopes = text.split(',');
  if (scopes.includes('')) throw new CliError('invalid resourcequota scope ""');
  return scopes;
}
