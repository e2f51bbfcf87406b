import { describe, it, expect } from 'vitest';
import { formatDate, runProcess, type ProcessContext } from './evaluate';
import { MemoryFs } from './memory-fs';

const T0 = Date.UTC(2026, 0, 1, 9, 0, 0);
const busybox: ProcessContext = {
  env: { GREETING: 'hello', PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' },
  startedAt: T0,
  binaries: new Set(['sh', 'echo', 'sleep', 'cat', 'touch', 'rm', 'date', 'printenv', 'env', 'true', 'false', 'seq', 'sort']),
  flavor: 'busybox',
  hostname: 'app-x',
};
const sh = (script: string, opts = {}) => runProcess(['sh', '-c', script], busybox, opts);
const texts = (t: { lines: { text: string }[] }) => t.lines.map((l) => l.text);

describe('interpreter', () => {
  it('echo with variables, exit code and timing', () => {
    const t = sh('echo "$GREETING world"; sleep 5; echo done; exit 3');
    expect(texts(t)).toEqual(['hello world', 'done']);
    expect(t.lines[1].at).toBe(5000);
    expect(t.exit).toEqual({ at: 5000, code: 3 });
  });

  it('&&, || and true/false', () => {
    expect(texts(sh('false && echo no || echo yes; true && echo ok'))).toEqual(['yes', 'ok']);
    expect(sh('false').exit?.code).toBe(1);
    expect(sh('true').exit?.code).toBe(0);
  });

  it('unknown command is 127 with the busybox message', () => {
    const t = sh('foo bar');
    expect(texts(t)).toEqual(['sh: foo: not found']);
    expect(t.lines[0].stream).toBe('stderr');
    expect(t.exit?.code).toBe(127);
    expect(texts(runProcess(['sh', '-c', 'foo'], { ...busybox, flavor: 'dash' }))).toEqual(['sh: 1: foo: not found']);
    expect(texts(runProcess(['bash', '-c', 'foo'], { ...busybox, flavor: 'bash' }))).toEqual(['bash: line 1: foo: command not found']);
  });

  it('sleep infinity and while true never exit', () => {
    expect(sh('sleep infinity').exit).toBeUndefined();
    expect(runProcess(['sleep', 'infinity'], busybox).exit).toBeUndefined();
    expect(sh('while true; do echo hi; sleep 1; done').exit).toBeUndefined();
  });

  it('while loop output is produced lazily up to a horizon', () => {
    const t = sh('i=0; while true; do echo "$i: $(date)"; i=$((i+1)); sleep 1; done', { untilMs: 2500 });
    expect(texts(t)).toEqual(['0: Thu Jan  1 09:00:00 UTC 2026', '1: Thu Jan  1 09:00:01 UTC 2026', '2: Thu Jan  1 09:00:02 UTC 2026']);
    expect(t.exit).toBeUndefined();
  });

  it('while loop with exit ends', () => {
    const t = sh('n=0; while true; do n=$((n+1)); if [ $n -ge 3 ]; then exit 0; fi; sleep 2; done');
    expect(t.exit).toEqual({ at: 4000, code: 0 });
  });

  it('fake filesystem: touch, cat, rm, redirection', () => {
    const t = sh('echo one > /tmp/f; echo two >> /tmp/f; cat /tmp/f; rm /tmp/f; cat /tmp/f; rm /tmp/g; touch /tmp/h && cat /tmp/h');
    expect(texts(t)).toEqual(['one', 'two', "cat: can't open '/tmp/f': No such file or directory", "rm: can't remove '/tmp/g': No such file or directory"]);
    expect(t.exit?.code).toBe(0);
  });

  it('printenv and for loops', () => {
    expect(texts(sh('printenv GREETING'))).toEqual(['hello']);
    expect(sh('printenv NOPE').exit?.code).toBe(1);
    expect(texts(sh('for i in 1 2 3; do echo $i; done'))).toEqual(['1', '2', '3']);
    expect(texts(runProcess(['printenv'], busybox))).toEqual(['GREETING=hello', 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin']);
  });

  it('sort orders lines by byte, -r reverses', () => {
    expect(texts(sh('printf "b\\na\\nB\\n" | sort'))).toEqual(['B', 'a', 'b']);
    expect(texts(sh('seq 3 | sort -r'))).toEqual(['3', '2', '1']);
  });

  it('exec form', () => {
    const t = runProcess(['echo', 'a', 'b'], busybox);
    expect(texts(t)).toEqual(['a b']);
    expect(runProcess(['sleep', '10'], busybox).exit).toEqual({ at: 10000, code: 0 });
    expect(runProcess(['sh'], busybox).exit).toEqual({ at: 0, code: 0 });
  });

  it('exit codes wrap at 256 and syntax errors exit 2', () => {
    expect(sh('exit 257').exit?.code).toBe(1);
    expect(sh('echo "unterminated').exit?.code).toBe(2);
  });

  it('date formats in C locale', () => {
    expect(formatDate(Date.UTC(2026, 10, 25, 23, 15, 41))).toBe('Wed Nov 25 23:15:41 UTC 2026');
  });

  it('busy loops are cut by the step budget', () => {
    const t = sh('while true; do echo spin; done', { untilMs: 1000, maxSteps: 1000 });
    expect(t.truncated).toBe(true);
    expect(t.exit).toBeUndefined();
  });

  it('an endless loop without sleep in sh -c never hangs: no exit, bounded output', () => {
    const t = sh('while true; do echo spin; done');
    expect(t.exit).toBeUndefined();
    const u = sh('i=0; while [ $i -ge 0 ]; do i=$((i+1)); done', { maxSteps: 5000 });
    expect(u.truncated).toBe(true);
  });

  it('redirects stderr, 2>&1, >&2 and reads with <', () => {
    const t = sh('cat /nope 2>/dev/null; cat /nope 2>&1 > /tmp/out; echo x >&2; echo in > /tmp/i; cat < /tmp/i');
    expect(t.lines.map((l) => `${l.stream}:${l.text}`)).toEqual(["stdout:cat: can't open '/nope': No such file or directory", 'stderr:x', 'stdout:in']);
    expect(t.files.get('/tmp/out')).toBe('');
  });

  it('pipes into while read, and break/continue', () => {
    expect(texts(sh('seq 5 | while read n; do [ $n = 2 ] && continue; [ $n = 4 ] && break; echo $n; done'))).toEqual(['1', '3']);
  });

  it('runs registry programs first, then inline ones; absent from the image is not found', () => {
    const programs = new Map([['cat', () => 42]]);
    expect(runProcess(['sh', '-c', 'cat /x'], { ...busybox, programs }).exit?.code).toBe(42);
    expect(texts(sh('wc -l'))).toEqual(['sh: wc: not found']);
  });

  it('uses the file system it is given', () => {
    const fs = new MemoryFs([['/etc/motd', 'hello\n']]);
    expect(texts(runProcess(['sh', '-c', 'cat /etc/motd; echo more >> /etc/motd'], { ...busybox, fs }))).toEqual(['hello']);
    expect(fs.read('/etc/motd')).toBe('hello\nmore\n');
  });

  it('gives busybox syntax errors with exit 2', () => {
    const t = sh('echo a; fi');
    expect(texts(t)).toEqual(['sh: syntax error: unexpected word "fi"']);
    expect(t.exit?.code).toBe(2);
  });
});

describe('output without a newline', () => {
  it('is cut into 16 KiB partial records, as containerd writes a long line to the log', () => {
    const t = runProcess(['sh', '-c', 'i=0; while [ $i -lt 6000 ]; do echo -n OK!; i=$((i+1)); done'], { env: {}, startedAt: 0, binaries: new Set(['sh', 'echo']), flavor: 'busybox', hostname: 'h' });
    expect(t.lines.map((l) => [l.text.length, l.partial])).toEqual([[16_384, true], [18_000 - 16_384, undefined]]);
  });
});
