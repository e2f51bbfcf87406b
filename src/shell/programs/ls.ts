/**
 * ls [-1aACdFhlpRrSt] [FILE]... — coreutils ls.c and busybox coreutils/ls.c (checked against
 * GNU ls 9.1 and busybox 1.35 in the C locale): one name a line into a pipe, columns on a
 * terminal (`sys.tty`); `-l` as GNU (columns as wide as their widest cell) or busybox
 * (`%-10s %4u %-8s %-8s %9u`), dates `Nov 14  2023` when older than six months, else
 * `Dec  7 04:53`. Owner and group are root; a directory has 2 + subdirectories links.
 */
import { MONTH_NAMES, pad, utcParts } from '../../sim/core/utc';
import type { FileStat, Program, ProgramIO } from '../program';
import { columns } from './columns';
import { complain, fsMessage, has, isFsError, parseOpts, resolvePath } from './common';
import { humanSize } from './human';

interface Entry { name: string; abs: string; stat: FileStat }

/** The entry itself (a symlink as a link), unless `-L` follows every link. */
function statOf(io: ProgramIO, abs: string, follow: boolean): ReturnType<ProgramIO['fs']['stat']> {
  return !follow && io.fs.lstat ? io.fs.lstat(abs) : io.fs.stat(abs);
}

const HALF_YEAR_MS = (365.2425 / 2) * 86_400_000;

export const ls: Program = (io) => {
  const gnu = io.userland === 'gnu';
  const p = parseOpts(io, {
    short: '1aACdFhlLpRrSt',
    usageStatus: 2,
    long: gnu ? { all: 'a', 'almost-all': 'A', directory: 'd', classify: 'F', 'human-readable': 'h', recursive: 'R', reverse: 'r' } : undefined,
  });
  if (typeof p === 'number') return p;
  const opt = (k: string) => has(p, k);
  let code = 0;
  const files: Entry[] = [];
  const dirs: Entry[] = [];
  for (const name of p.operands.length ? p.operands : ['.']) {
    const abs = resolvePath(io, name);
    // A link named on the command line is followed unless -l, -d or -F asks about the link.
    const linkItself = statOf(io, abs, opt('L'));
    const stat = !isFsError(linkItself) && linkItself.type === 'symlink' && !opt('l') && !opt('d') && !opt('F') ? io.fs.stat(abs) : linkItself;
    if (isFsError(stat)) {
      complain(io, gnu ? `cannot access '${name}': ${fsMessage(stat)}` : `${name}: ${fsMessage(stat)}`);
      code = gnu ? 2 : 1;
      continue;
    }
    (stat.type === 'dir' && !opt('d') ? dirs : files).push({ name, abs, stat });
  }
  const order = (list: Entry[]) => sortEntries(list, opt('t'), opt('S'), opt('r'));
  const multiple = files.length + dirs.length > 1 || opt('R');
  let first = true;
  if (files.length) { print(io, order(files), opt); first = false; }
  const queue = order(dirs);
  while (queue.length) {
    const dir = queue.shift()!;
    if (multiple) io.out(`${first ? '' : '\n'}${dir.name}:\n`);
    first = false;
    const entries = listDir(io, dir, opt('a'), opt('A'), opt('L'));
    if (opt('l')) io.out(`total ${totalKb(entries, opt('h') && gnu)}\n`);
    const sorted = order(entries);
    print(io, sorted, opt);
    if (opt('R')) {
      const subs = sorted.filter((e) => e.stat.type === 'dir' && e.name !== '.' && e.name !== '..');
      queue.unshift(...subs.map((e) => ({ ...e, name: `${dir.name.replace(/\/$/, '')}/${e.name}` })));
    }
  }
  return code;
};

function listDir(io: ProgramIO, dir: Entry, all: boolean, almost: boolean, follow: boolean): Entry[] {
  const names = io.fs.list(dir.abs);
  if (isFsError(names)) return [];
  const out: Entry[] = [];
  if (all) {
    out.push({ name: '.', abs: dir.abs, stat: dir.stat });
    const parentAbs = resolvePath(io, dir.abs + '/..');
    const ps = io.fs.stat(parentAbs);
    out.push({ name: '..', abs: parentAbs, stat: isFsError(ps) ? dir.stat : ps });
  }
  for (const name of names) {
    if (name.startsWith('.') && !all && !almost) continue;
    const abs = dir.abs === '/' ? `/${name}` : `${dir.abs}/${name}`;
    const stat = statOf(io, abs, follow);
    if (!isFsError(stat)) out.push({ name, abs, stat });
  }
  return out;
}

function sortEntries(list: Entry[], byTime: boolean, bySize: boolean, reverse: boolean): Entry[] {
  const sorted = [...list].sort((a, b) =>
    (byTime ? b.stat.mtime - a.stat.mtime : 0) || (bySize ? b.stat.size - a.stat.size : 0) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return reverse ? sorted.reverse() : sorted;
}

function print(io: ProgramIO, entries: Entry[], opt: (k: string) => boolean): void {
  const suffix = (e: Entry) => (opt('F') ? (e.stat.type === 'dir' ? '/' : e.stat.type === 'symlink' ? '@' : e.stat.mode & 0o111 ? '*' : '') : opt('p') && e.stat.type === 'dir' ? '/' : '');
  const names = entries.map((e) => e.name + suffix(e));
  if (opt('l')) { longFormat(io, entries, names, opt('h')); return; }
  if (io.sys.tty && !opt('1')) { io.out(columns(names, io.sys.tty.columns, io.userland)); return; }
  for (const n of names) io.out(n + '\n');
}

function longFormat(io: ProgramIO, entries: Entry[], names: string[], human: boolean): void {
  const now = io.sys.now();
  const rows = entries.map((e, i) => ({
    mode: modeString(e.stat), links: String(links(io, e)), size: human ? humanSize(e.stat.size, io.userland) : String(e.stat.size),
    date: dateString(e.stat.mtime, now), name: names[i] + linkTarget(io, e),
  }));
  if (io.userland === 'busybox') {
    for (const r of rows) io.out(`${r.mode} ${r.links.padStart(4)} root     root     ${r.size.padStart(human ? 7 : 9)} ${r.date} ${r.name}\n`);
    return;
  }
  const w = (k: 'links' | 'size') => Math.max(...rows.map((r) => r[k].length));
  for (const r of rows) io.out(`${r.mode} ${r.links.padStart(w('links'))} root root ${r.size.padStart(w('size'))} ${r.date} ${r.name}\n`);
}

/** ` -> target` after a symlink's name in `-l`. */
function linkTarget(io: ProgramIO, e: Entry): string {
  if (e.stat.type !== 'symlink' || !io.fs.readlink) return '';
  const target = io.fs.readlink(e.abs);
  return isFsError(target) ? '' : ` -> ${target}`;
}

function links(io: ProgramIO, e: Entry): number {
  if (e.stat.type !== 'dir') return 1;
  const names = io.fs.list(e.abs);
  if (isFsError(names)) return 2;
  return 2 + names.filter((n) => { const s = statOf(io, `${e.abs === '/' ? '' : e.abs}/${n}`, false); return !isFsError(s) && s.type === 'dir'; }).length;
}

/** `drwxr-xr-x` from the type and permission bits. */
export function modeString(stat: FileStat): string {
  const type = stat.type === 'dir' ? 'd' : stat.type === 'symlink' ? 'l' : '-';
  let bits = '';
  for (let shift = 6; shift >= 0; shift -= 3) {
    const b = (stat.mode >> shift) & 7;
    bits += (b & 4 ? 'r' : '-') + (b & 2 ? 'w' : '-') + (b & 1 ? 'x' : '-');
  }
  if (stat.mode & 0o1000) bits = bits.slice(0, 8) + (stat.mode & 1 ? 't' : 'T');
  return type + bits;
}

/** `Nov 14  2023` for old (or future) times, `Dec  7 04:53` for the last six months. */
function dateString(mtime: number, now: number): string {
  const t = utcParts(mtime);
  const head = `${MONTH_NAMES[t.month - 1]} ${String(t.day).padStart(2)}`;
  const recent = mtime <= now && now - mtime < HALF_YEAR_MS;
  return recent ? `${head} ${pad(t.hour)}:${pad(t.minute)}` : `${head}  ${t.year}`;
}

/** `total N`: 1K blocks, a file using whole 4K blocks. */
function totalKb(entries: Entry[], human: boolean): string {
  // A short symlink lives in its inode: no blocks.
  const kb = entries.reduce((sum, e) => sum + (e.stat.blocksKb ?? (e.stat.type === 'dir' ? 4 : e.stat.type === 'symlink' ? 0 : Math.ceil(e.stat.size / 4096) * 4)), 0);
  return human ? humanSize(kb * 1024, 'gnu') : String(kb);
}
