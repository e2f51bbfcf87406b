/**
 * `kubectl create token SA` (create_token.go): asks the api-server for a bound token of the
 * service account (TokenRequest) and prints it; `--duration` sets its lifetime (the server
 * refuses less than 10 minutes), `--audience` its audiences.
 */
import { CliError } from '../errors';
import { exactlyOneName } from './create-rbac';
import type { CommandModule } from '../types';

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
    let token: string;
    try {
      token = ctx.client.createToken(ctx.namespace, name, { expirationSeconds: durationMs > 0 ? durationMs / 1000 : undefined, audiences });
    } catch (e) {
      if (e instanceof Error) throw new CliError(`failed to create token: ${e.message}`);
      throw e;
    }
    ctx.out(token);
    return 0;
  },
};
