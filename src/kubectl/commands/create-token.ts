/**
 * `kubectl create token SA` (create_token.go): asks the api-server for a bound token of the
 * service account (TokenRequest) and prints it; `--duration` sets its lifetime (the server
 * refuses less than 10 minutes), `--audience` its audiences.
 */
import { CliError } from '../errors';
import { exactlyOneName } from './generators';
import type { CommandModule } from '../types';

/** The kinds a token may be bound to, as kubectl 1.32 lists them. */
const BOUND_OBJECT_KINDS = ['Node', 'Pod', 'Secret'];

export const createToken: CommandModule = {
  name: 'token',
  short: 'Request a service account token',
  flags: [
    { name: 'audience', type: 'stringArray', usage: 'Audience of the requested token.' },
    { name: 'duration', type: 'duration', default: 0, usage: 'Requested lifetime of the issued token.' },
    { name: 'bound-object-kind', type: 'string' },
    { name: 'bound-object-name', type: 'string' },
    { name: 'bound-object-uid', type: 'string' },
    { name: 'output', short: 'o', type: 'string' },
  ],
  run(ctx, args) {
    const name = exactlyOneName(ctx, args, true);
    const durationMs = args.duration('duration');
    if (durationMs < 0) throw new CliError('--duration must be greater than or equal to 0');
    if (durationMs % 1000 !== 0) throw new CliError('--duration cannot be expressed in units less than seconds');
    const audiences = args.strings('audience');
    if (audiences.some((a) => a === '')) throw new CliError('--audience must not be an empty string');
    const boundKind = args.string('bound-object-kind');
    const boundName = args.string('bound-object-name');
    const boundUid = args.string('bound-object-uid');
    if (!boundKind) {
      if (boundName) throw new CliError('--bound-object-name can only be set if --bound-object-kind is provided');
      if (boundUid) throw new CliError('--bound-object-uid can only be set if --bound-object-kind is provided');
    } else {
      if (!BOUND_OBJECT_KINDS.includes(boundKind)) throw new CliError(`supported --bound-object-kind values are ${BOUND_OBJECT_KINDS.join(', ')}`);
      if (!boundName) throw new CliError('--bound-object-name is required if --bound-object-kind is provided');
    }
    const boundObjectRef = boundKind ? { kind: boundKind, name: boundName, uid: boundUid || undefined } : undefined;
    let token: string;
    try {
      token = ctx.client.createToken(ctx.namespace, name, { expirationSeconds: durationMs > 0 ? durationMs / 1000 : undefined, audiences, boundObjectRef });
    } catch (e) {
      if (e instanceof Error) throw new CliError(`failed to create token: ${e.message}`);
      throw e;
    }
    ctx.out(token);
    return 0;
  },
};
