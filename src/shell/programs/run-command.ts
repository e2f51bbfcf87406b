/**
 * How env and xargs start a COMMAND: through the shell (`sys.run`) when it offers to, otherwise
 * straight from the programs registry with the caller's streams. A missing command is reported
 * in the caller's words (env.c/xargs.c: exit 127).
 */
import type { ProgramIO } from '../program';
import { basenameOf, complain } from './common';
import { programsFor } from './index';

export function runCommand(io: ProgramIO, argv: string[], stdin: string, env: ReadonlyMap<string, string>, caller: 'env' | 'xargs'): number {
  if (io.sys.run) return io.sys.run(argv, stdin, env);
  const program = programsFor(io.userland).get(basenameOf(argv[0]));
  if (!program) {
    if (caller === 'xargs') complain(io, `${argv[0]}: No such file or directory`);
    else complain(io, io.userland === 'gnu' ? `'${argv[0]}': No such file or directory` : `can't execute '${argv[0]}': No such file or directory`);
    return 127;
  }
  return program({ ...io, argv, stdin, env });
}
