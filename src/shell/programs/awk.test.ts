/** Expected outputs are mawk 1.3.4's (the gnu userland) and busybox 1.35's, run on the same input. */
import { describe, expect, it } from 'vitest';
import { awk } from './awk';
import { run, runBoth } from './test-io';

const stdin = 'web-1 Running 3\nweb-2 Pending 10\ndb-1 Running 1\n';
const both = (...args: string[]) => runBoth(awk, ['awk', ...args], { stdin });

describe('awk', () => {
  it('prints fields with FS, OFS, NF, NR and assignments', () => {
    for (const r of both('{print $1}')) expect(r.out).toBe('web-1\nweb-2\ndb-1\n');
    for (const r of both('-F-', '{print $2}')) expect(r.out).toBe('1 Running 3\n2 Pending 10\n1 Running 1\n');
    for (const r of both('-F', ':', '{print $1}')) expect(r.out).toBe('web-1 Running 3\nweb-2 Pending 10\ndb-1 Running 1\n');
    for (const r of both('{print NF, $NF}')) expect(r.out).toBe('3 3\n3 10\n3 1\n');
    for (const r of both('{ $2="X"; print }')) expect(r.out).toBe('web-1 X 3\nweb-2 X 10\ndb-1 X 1\n');
    for (const r of both('-v', 'OFS=:', '{$1=$1; print}')) expect(r.out).toBe('web-1:Running:3\nweb-2:Pending:10\ndb-1:Running:1\n');
    for (const r of both('{print $1,$2}', 'OFS=-')) expect(r.out).toBe('web-1-Running\nweb-2-Pending\ndb-1-Running\n');
    for (const r of both('{ NF = 2; print }')) expect(r.out).toBe('web-1 Running\nweb-2 Pending\ndb-1 Running\n');
    for (const r of both('{ $5 = "e"; print; print NF }')) expect(r.out).toBe('web-1 Running 3  e\n5\nweb-2 Pending 10  e\n5\ndb-1 Running 1  e\n5\n');
  });
  it('selects with patterns, regexes and ranges; BEGIN and END', () => {
    for (const r of both('NR==2')) expect(r.out).toBe('web-2 Pending 10\n');
    for (const r of both('/web/{print NR": "$0}')) expect(r.out).toBe('1: web-1 Running 3\n2: web-2 Pending 10\n');
    for (const r of both('$1 !~ /web/')) expect(r.out).toBe('db-1 Running 1\n');
    for (const r of both('NR==1,NR==2{print $1}')) expect(r.out).toBe('web-1\nweb-2\n');
    for (const r of both('$2=="Running"{n++} END{print n}')) expect(r.out).toBe('2\n');
    for (const r of both('END{print $0, NR}')) expect(r.out).toBe('db-1 Running 1 3\n');
  });
  it('computes: arithmetic, comparisons of input numbers, ternary, arrays, functions, loops', () => {
    for (const r of both('{s+=$3} END{print s, s/NR}')) expect(r.out).toBe('14 4.66667\n');
    for (const r of both('{ if ($3 > 2) print $1; else print "small" }')) expect(r.out).toBe('web-1\nweb-2\nsmall\n');
    for (const r of both('BEGIN { print 1 == 1.0, "a" < "b", "10" < "9", 10 < 9 }')) expect(r.out).toBe('1 1 1 0\n');
    for (const r of both('BEGIN { print -7 % 3, int(-3.7), int("4x"), "0x1A" + 0 }')) expect(r.out).toBe('-1 -3 4 26\n');
    for (const r of both('{a[$2]++} END{for (k in a) print k, a[k]}')) expect(r.out).toBe('Running 2\nPending 1\n');
    for (const r of both('BEGIN { x["a"]=1; delete x["a"]; print length(x), ("a" in x) }')) expect(r.out).toBe('0 0\n');
    for (const r of both('function f(x){return x*2} {print f($3)}')) expect(r.out).toBe('6\n20\n2\n');
    for (const r of both('BEGIN{while(i<3){i++; printf "%d ", i}; print ""}')) expect(r.out).toBe('1 2 3 \n');
    for (const r of both('BEGIN { while ((getline line) > 0) n++; print n }')) expect(r.out).toBe('3\n');
  });
  it('has the string functions and printf', () => {
    for (const r of both('BEGIN{x="a,b,c"; n=split(x,arr,","); print n, arr[2]}')) expect(r.out).toBe('3 b\n');
    for (const r of both('{ sub(/[0-9]+/, "<&>"); print }')) expect(r.out).toBe('web-<1> Running 3\nweb-<2> Pending 10\ndb-<1> Running 1\n');
    for (const r of both('{ n = gsub(/e/, "E"); print n, $0 }')) expect(r.out).toBe('1 wEb-1 Running 3\n2 wEb-2 PEnding 10\n0 db-1 Running 1\n');
    for (const r of both('BEGIN { print match("foobar", /ob+/), RSTART, RLENGTH }')) expect(r.out).toBe('3 3 2\n');
    for (const r of both('BEGIN { print substr("hello", 0, 2), substr("hello", -1), substr("hello", 4, 100) }')) expect(r.out).toBe('he hello lo\n');
    for (const r of both('{print toupper($1), length($1)}')) expect(r.out).toBe('WEB-1 5\nWEB-2 5\nDB-1 4\n');
    for (const r of both('BEGIN{printf "%5.1f%%|%x|%o|%c|%e|%g|%i|%5s|%-5d|\\n", 3.14159, 255, 8, 65, 12345.678, 0.0001, 3.9, "ab", 42}')) {
      expect(r.out).toBe('  3.1%|ff|10|A|1.234568e+04|0.0001|3|   ab|42   |\n');
    }
    for (const r of both('BEGIN { printf "%d %5.3s|%-4c|%+d|% d|%05d\\n", "12abc", "abcdef", "xyz", 5, 5, 42 }')) expect(r.out).toBe('12   abc|x   |+5| 5|00042\n');
  });
  it('prints numbers as each awk does', () => {
    expect(run(awk, 'gnu', ['awk', 'BEGIN{print 1e6, 1e17, 123456789012, 0.1+0.2, 1/7}']).out).toBe('1000000 1e+17 1.23457e+11 0.3 0.142857\n');
    expect(run(awk, 'busybox', ['awk', 'BEGIN{print 1e6, 1e17, 123456789012, 0.1+0.2, 1/7}']).out).toBe('1000000 100000000000000000 123456789012 0.3 0.142857\n');
    expect(run(awk, 'gnu', ['awk', 'BEGIN{print 1/0}']).out).toBe('inf\n');
  });
  it('writes to /dev/stderr and files', () => {
    for (const r of both('{ print $1 > "/dev/stderr" }')) expect([r.out, r.err]).toEqual(['', 'web-1\nweb-2\ndb-1\n']);
    for (const r of both('{ print $1 > "/names" }')) expect(r.fs.read('/names')).toBe('web-1\nweb-2\ndb-1\n');
  });
  it('reports errors in mawk\'s and busybox\'s words', () => {
    expect(run(awk, 'gnu', ['awk', '{print $1'], { stdin })).toMatchObject({ err: 'awk: line 2: missing } near end of file\n', code: 2 });
    expect(run(awk, 'gnu', ['awk', '{ print $1 }}'], { stdin })).toMatchObject({ err: "awk: line 1: extra '}'\n", code: 2 });
    expect(run(awk, 'gnu', ['awk', '{print $1 +}'], { stdin })).toMatchObject({ err: 'awk: line 1: syntax error at or near }\n', code: 2 });
    expect(run(awk, 'busybox', ['awk', '{print $1'], { stdin })).toMatchObject({ err: 'awk: cmd. line:1: Unexpected token\n', code: 1 });
    expect(run(awk, 'busybox', ['awk', '{print 1/0}'], { stdin })).toMatchObject({ err: 'awk: cmd. line:1: Division by zero\n', code: 1 });
    expect(run(awk, 'gnu', ['awk', '{print $(-1)}'], { stdin: 'a\n' })).toMatchObject({ err: 'awk: run time error: negative field index $-1\n\tFILENAME="-" FNR=1 NR=1\n', code: 2 });
    expect(run(awk, 'busybox', ['awk', '{print $(-1)}'], { stdin: 'a\n' }).err).toBe('awk: cmd. line:1: Access to negative field\n');
    expect(run(awk, 'gnu', 'awk 1 nope')).toMatchObject({ err: 'awk: cannot open nope (No such file or directory)\n', code: 2 });
    expect(run(awk, 'busybox', 'awk 1 nope')).toMatchObject({ err: 'awk: nope: No such file or directory\n', code: 1 });
  });
  it('bounds an endless loop', () => {
    expect(run(awk, 'gnu', ['awk', 'BEGIN { while (1) {} }'])).toMatchObject({ code: 2 });
  });
});
