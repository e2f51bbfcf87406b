/**
 * The programs registry: command name → Program, per userland. The shell looks a command up by
 * the basename of argv[0] (`/bin/cat` → `cat`) after deciding it is on the PATH (the image's
 * binaries, or the host's); a name missing here is not a program this playground has. The
 * same Program serves both userlands (it reads `io.userland`); the maps differ only in which
 * names exist.
 */
import type { Program, Userland } from '../program';
import { awk } from './awk';
import { base64 } from './base64';
import { basename } from './basename';
import { cat } from './cat';
import { cp, mv } from './cp';
import { cut } from './cut';
import { date } from './date';
import { df } from './df';
import { dirname } from './dirname';
import { du } from './du';
import { echo } from './echo';
import { env, printenv } from './env';
import { find } from './find';
import { free } from './free';
import { grep } from './grep';
import { head } from './head';
import { id, whoami } from './id';
import { ls } from './ls';
import { mkdir, rmdir } from './mkdir';
import { rm } from './rm';
import { sed } from './sed';
import { seq } from './seq';
import { sort } from './sort';
import { tail } from './tail';
import { tee } from './tee';
import { touch } from './touch';
import { tr } from './tr';
import { falseProgram, trueProgram } from './true-false';
import { uname } from './uname';
import { uniq } from './uniq';
import { wc } from './wc';
import { xargs } from './xargs';
import { yes } from './yes';

/** Built on first use, so that env and xargs (which run commands from here) may import it. */
let registry: Record<Userland, ReadonlyMap<string, Program>> | undefined;

function build(): Record<Userland, ReadonlyMap<string, Program>> {
  const common: Array<[string, Program]> = [
    ['base64', base64], ['basename', basename], ['cat', cat], ['cut', cut], ['date', date], ['dirname', dirname],
    ['env', env], ['false', falseProgram], ['grep', grep], ['head', head], ['id', id], ['printenv', printenv],
    ['seq', seq], ['sort', sort], ['tail', tail], ['tee', tee], ['tr', tr], ['true', trueProgram], ['uname', uname],
    ['uniq', uniq], ['wc', wc], ['whoami', whoami], ['yes', yes],
    ['ls', ls], ['mkdir', mkdir], ['rmdir', rmdir], ['rm', rm], ['touch', touch], ['cp', cp], ['mv', mv],
    ['find', find], ['du', du], ['df', df], ['free', free], ['echo', echo], ['xargs', xargs],
    ['sed', sed], ['awk', awk],
  ];
  return {
    // busybox 1.37's applets that this playground implements.
    busybox: new Map(common),
    // A Debian/Ubuntu userland (coreutils, grep, sed, mawk) and the learner's host.
    gnu: new Map(common),
  };
}

/** The programs of a userland by command name (the basename of argv[0]). */
export function programsFor(userland: Userland): ReadonlyMap<string, Program> {
  registry ??= build();
  return registry[userland];
}
