/**
 * cp [-rRafpv] SOURCE... DEST and mv SOURCE... DEST — coreutils copy.c/cp.c/mv.c and busybox
 * coreutils/cp.c, mv.c, libbb/copy_file.c (texts checked against GNU 9.1 and busybox 1.35).
 * A file system without rename: mv copies then removes.
 */
import type { Program, ProgramIO } from '../program';
import { basenameOf, complain, fsMessage, has, isFsError, parseOpts, resolvePath, usageError } from './common';
import { walk } from './walk';

type Verb = 'cp' | 'mv';

function transfer(io: ProgramIO, verb: Verb): number {
  const gnu = io.userland === 'gnu';
  const p = parseOpts(io, {
    short: verb === 'cp' ? 'rRadfpvinuLPHT' : 'finvuT',
    long: gnu ? { recursive: 'r', archive: 'a', force: 'f', verbose: 'v', 'no-clobber': 'n' } : undefined,
  });
  if (typeof p === 'number') return p;
  const ops = p.operands;
  if (ops.length < 2) {
    if (!gnu) return usageError(io, 1);
    return usageError(io, 1, ops.length ? `missing destination file operand after '${ops[0]}'` : 'missing file operand');
  }
  const recursive = verb === 'mv' || has(p, 'r') || has(p, 'R') || has(p, 'a');
  const dest = ops[ops.length - 1];
  const destAbs = resolvePath(io, dest);
  const destStat = io.fs.stat(destAbs);
  // busybox does not check a many-source DEST first: each copy fails on its own.
  const intoDir = (!isFsError(destStat) && destStat.type === 'dir') || (!gnu && ops.length > 2);
  if (ops.length > 2 && !intoDir) {
    complain(io, `target '${dest}': ${isFsError(destStat) ? fsMessage(destStat) : 'Not a directory'}`);
    return 1;
  }
  const cannot = gnu ? 'cannot' : "can't";
  let code = 0;
  for (const src of ops.slice(0, -1)) {
    const srcAbs = resolvePath(io, src);
    const stat = io.fs.stat(srcAbs);
    if (isFsError(stat)) {
      complain(io, verb === 'mv' && !gnu ? `can't rename '${src}': ${fsMessage(stat)}` : `${cannot} stat '${src}': ${fsMessage(stat)}`);
      code = 1;
      continue;
    }
    const target = intoDir ? resolvePath(io, `${dest}/${basenameOf(src)}`) : destAbs;
    const shown = intoDir ? `${dest.replace(/\/$/, '')}/${basenameOf(src)}` : dest;
    if (target === srcAbs) {
      if (verb === 'cp' || gnu) { complain(io, `'${src}' and '${shown}' are the same file`); code = 1; }
      continue;
    }
    if (stat.type === 'dir' && (target + '/').startsWith(srcAbs + '/')) {
      complain(io, gnu
        ? `cannot ${verb === 'cp' ? 'copy' : 'move'} a directory, '${src}', into itself, '${shown}'`
        : verb === 'cp' ? `recursion detected, omitting directory '${src}'` : `can't rename '${src}': Invalid argument`);
      code = 1;
      continue;
    }
    if (stat.type === 'dir' && !recursive) {
      complain(io, gnu ? `-r not specified; omitting directory '${src}'` : `omitting directory '${src}'`);
      code = 1;
      continue;
    }
    const err = copyTree(io, srcAbs, target);
    if (err) {
      if (verb === 'cp') complain(io, `${gnu ? 'cannot create regular file' : "can't create"} '${shown}': ${fsMessage(err)}`);
      else complain(io, gnu ? `cannot move '${src}' to '${shown}': ${fsMessage(err)}` : `can't rename '${src}': ${fsMessage(err)}`);
      code = 1;
      continue;
    }
    if (verb === 'mv') io.fs.remove(srcAbs, true);
    if (has(p, 'v')) io.out(`${verb === 'mv' && gnu ? 'renamed ' : ''}'${src}' -> '${shown}'\n`);
  }
  return code;
}

function copyTree(io: ProgramIO, from: string, to: string) {
  for (const v of walk(io.fs, from, from)) {
    const rel = v.abs.slice(from.length);
    const target = to + rel;
    if (v.stat.type === 'dir') {
      const err = io.fs.mkdir(target, true);
      if (err) return err;
      continue;
    }
    const content = io.fs.read(v.abs);
    if (isFsError(content)) return content;
    const err = io.fs.write(target, content, false);
    if (err) return err;
  }
  return undefined;
}

export const cp: Program = (io) => transfer(io, 'cp');
export const mv: Program = (io) => transfer(io, 'mv');
