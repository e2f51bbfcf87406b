/** Placeholder until the printers helper lands `kubectl get` (they own and overwrite this file). */
import { CliError } from '../errors';
import type { CommandModule } from '../types';

export const command: CommandModule = {
  name: 'get',
  short: 'get',
  flags: [],
  run() {
    throw new CliError('kubectl get is not available yet');
  },
};
