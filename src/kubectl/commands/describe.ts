/** Placeholder until the printers helper lands `kubectl describe` (they own and overwrite this file). */
import { CliError } from '../errors';
import type { CommandModule } from '../types';

export const command: CommandModule = {
  name: 'describe',
  short: 'describe',
  flags: [],
  run() {
    throw new CliError('kubectl describe is not available yet');
  },
};
