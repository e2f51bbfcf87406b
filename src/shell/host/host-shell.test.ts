import { describe, expect, it } from 'vitest';
import { HostShell, type HostDeps } from './host-shell';
import { headerLine } from './watch';
import type { ShellRun } from '../interpreter';

/** A host shell whose kubectl echoes its arguments (`get x` → "kubectl get x"), over files `files`. */
function host(files: Record<string, string> = {}, extra: Partial<HostDeps> = {}) {
  let now = Date.UTC(2026, 0, 1, 9, 0, 0);
  const shell = new HostShell({
    kubectl: function* (argv, io): ShellRun<number> {
      if (argv[0] === 'fail') { io.err('Error from server (NotFound): pods "x" not found\n'); return 1; }
      if (argv[0] === 'stdin') { io.out(io.stdin ?? ''); return 0; }
      if (argv[0] === 'read') { io.out(io.workspace.read(argv[1]) ?? '<none>\n'); return 0; }
      io.out(`kubectl ${argv.join(' ')}\n`);
      return 0;
    },
    workspace: () => ({ read: (p) => files[p.replace(/^\.\//, '')], list: () => undefined }),
    now: () => now,
    tty: false,
    ...extra,
  });
  /** Runs a line to its end; waits pass at once (time moves by their timeout). */
  const run = (line: string, stdin?: string, typed: string[] = []) => {
    let out = '';
    const program = shell.runLine(line, { write: (t) => (out += t), ...(stdin !== undefined ? { stdin } : {}), terminal: { read: () => typed.shift() } });
    let step = program.next();
    let waits = 0;
    while (!step.done) {
      if (++waits > 50) { program.return(130); return { out, code: 130 }; }
      const held = step.value.until();
      if (!held && Number.isFinite(step.value.timeoutMs)) now += step.value.timeoutMs;
      step = program.next(held);
    }
    return { out, code: step.value };
  };
  return { shell, run, now: () => now };
}

describe('host shell', () => {
  it('runs kubectl and the preset alias k', () => {
    const { run } = host();
    expect(run('k get pods')).toEqual({ out: 'kubectl get pods\n', code: 0 });
    expect(run('alias').out).toBe("alias k='kubectl'\n");
  });

  it('pipes, ;, &&, || and $?', () => {
    const { run } = host();
    expect(run('kubectl get b | sort; kubectl fail 2>/dev/null || echo "failed: $?"').out).toBe('kubectl get b\nfailed: 1\n');
    expect(run('true && echo yes || echo no; false && echo yes || echo no').out).toBe('yes\nno\n');
    expect(run('echo a b | kubectl stdin').out).toBe('a b\n');
  });

  it('variables, export, $(…), quoting and ${#x}', () => {
    const { run } = host();
    run('name=web; export NS=prod');
    expect(run('echo "$name in $NS" \'$name\' ${#name} $(echo sub) `echo back`').out).toBe('web in prod $name 3 sub back\n');
    expect(run('echo ${missing:-dflt} ${name:-dflt}').out).toBe('dflt web\n');
    expect(run('export | grep -c NS; export').out).toContain('declare -x NS="prod"\n');
  });

  it('if/elif/else, for, while, until, break and continue', () => {
    const { run } = host();
    expect(run('if false; then echo 1; elif true; then echo 2; else echo 3; fi').out).toBe('2\n');
    expect(run('for i in 1 2 3 4; do [ $i = 2 ] && continue; [ $i = 4 ] && break; echo $i; done').out).toBe('1\n3\n');
    expect(run('i=0; while [ $i -lt 3 ]; do i=$((i+1)); done; echo $i').out).toBe('3\n');
    expect(run('i=5; until [ $i -le 3 ]; do i=$((i-1)); done; echo $i').out).toBe('3\n');
    expect(run('! false && echo negated').out).toBe('negated\n');
  });

  it('redirects: >, >>, <, 2>, 2>&1, >&2 and /dev/null', () => {
    const { run } = host();
    expect(run('echo one > f.txt; echo two >> f.txt; cat f.txt').out).toBe('one\ntwo\n');
    expect(run('kubectl stdin < f.txt').out).toBe('one\ntwo\n');
    expect(run('kubectl fail 2> err.txt; cat err.txt').out).toBe('Error from server (NotFound): pods "x" not found\n');
    expect(run('kubectl fail > all.txt 2>&1; cat all.txt').out).toContain('NotFound');
    // Left to right, as bash: stdout goes to where stderr pointed before stderr moved.
    expect(run('echo to-err >&2 2>/dev/null').out).toBe('to-err\n');
    expect(run('echo gone 2>/dev/null >&2').out).toBe('');
    expect(run('for i in 1 2; do echo $i; done > loop.txt; { echo a; echo b >&2; } 2>&1 | sort -r; cat loop.txt').out).toBe('b\na\n1\n2\n');
    expect(run('cat < nope.txt')).toEqual({ out: 'bash: nope.txt: No such file or directory\n', code: 1 });
  });

  it('reads the workspace, and kubectl -f sees files the shell wrote', () => {
    const { run } = host({ 'pod.yaml': 'kind: Pod\n' });
    expect(run('cat pod.yaml').out).toBe('kind: Pod\n');
    expect(run('kubectl read pod.yaml').out).toBe('kind: Pod\n');
    run('echo "kind: Service" > svc.yaml');
    expect(run('kubectl read svc.yaml').out).toBe('kind: Service\n');
    expect(run('cat pod.yaml >> svc.yaml; cat svc.yaml').out).toBe('kind: Service\nkind: Pod\n');
  });

  it('cd and pwd', () => {
    const { run } = host();
    expect(run('pwd; cd /tmp; pwd; cd; pwd').out).toBe('/home/learner\n/tmp\n/home/learner\n');
    expect(run('cd /nope')).toEqual({ out: 'bash: cd: /nope: No such file or directory\n', code: 1 });
  });

  it("unknown commands, bash's syntax errors, and nothing runs on a syntax error", () => {
    const { run } = host();
    expect(run('foo')).toEqual({ out: 'bash: foo: command not found\n', code: 127 });
    expect(run('echo ran; fi')).toEqual({ out: "bash: syntax error near unexpected token `fi'\n", code: 2 });
    expect(run('echo ran; done').out).toBe("bash: syntax error near unexpected token `done'\n");
    expect(run('echo a | | b').out).toBe("bash: syntax error near unexpected token `|'\n");
    expect(run('echo a >').out).toBe("bash: syntax error near unexpected token `newline'\n");
    expect(run('if true; then echo a').out).toBe('bash: syntax error: unexpected end of file\n');
    expect(run("echo 'open").out).toBe("bash: unexpected EOF while looking for matching `''\n");
    expect(run('echo $?').out).toBe('2\n');
  });

  it('bounds a loop that never waits; a loop that sleeps moves virtual time', () => {
    const { run, now } = host();
    const r = run('while true; do echo x; done');
    expect(r.code).toBe(130);
    expect(r.out.endsWith('Stopped: this line ran 10,000 commands without waiting for virtual time (a loop that never ends?).\n')).toBe(true);
    const before = now();
    expect(run('for i in 1 2 3; do sleep 2; done').code).toBe(0);
    expect(now() - before).toBe(6000);
  });

  it('sleep takes GNU and Go durations, and refuses the rest', () => {
    const { run, now } = host();
    const before = now();
    run('sleep 1m30s 0.5 1m');
    expect(now() - before).toBe(150_500);
    expect(run('sleep x')).toEqual({ out: "sleep: invalid time interval 'x'\nTry 'sleep --help' for more information.\n", code: 1 });
    expect(run('sleep').out).toBe("sleep: missing operand\nTry 'sleep --help' for more information.\n");
  });

  it('aliases: define, list, use, remove; history', () => {
    const { run } = host();
    run("alias kgp='kubectl get pods'");
    expect(run('kgp -A').out).toBe('kubectl get pods -A\n');
    expect(run('alias kgp').out).toBe("alias kgp='kubectl get pods'\n");
    expect(run('unalias kgp; kgp')).toEqual({ out: 'bash: kgp: command not found\n', code: 127 });
    expect(run('unalias kgp')).toEqual({ out: 'bash: unalias: kgp: not found\n', code: 1 });
    expect(run('history').out).toBe("    1  alias kgp='kubectl get pods'\n    2  kgp -A\n    3  alias kgp\n    4  unalias kgp; kgp\n    5  unalias kgp\n    6  history\n");
  });

  it('read takes piped lines, typed lines, and ends at Ctrl+D', () => {
    const { run } = host();
    expect(run('echo "a b c" | { read x rest; echo "$x/$rest"; }').out).toBe('a/b c\n');
    expect(run('read name; echo "hi $name"', undefined, ['Ada\n']).out).toBe('hi Ada\n');
    expect(run('read name', undefined, [])).toEqual({ out: '', code: 1 });
  });

  it('watch: a header, the output, every interval until interrupted', () => {
    const { run } = host();
    const r = run('watch kubectl get pods');
    expect(r.code).toBe(130);
    const frames = r.out.split('Every 2.0s: kubectl get pods');
    expect(frames.length).toBeGreaterThan(2);
    expect(frames[1]).toMatch(/^ +kubeplay: Thu Jan {2}1 09:00:00 2026\n\nkubectl get pods\n$/);
    expect(frames[2]).toContain('09:00:02 2026');
    expect(headerLine(2, 'kubectl get pods', 'kubeplay', Date.UTC(2026, 0, 1, 9, 0, 0), 70)).toBe('Every 2.0s: kubectl get pods        kubeplay: Thu Jan  1 09:00:00 2026');
  });

  it('runs programs from the registry before its own', () => {
    const { run } = host({}, { programs: new Map([['wc', (io) => { io.out(`${io.stdin.split('\n').length - 1}\n`); return 0; }]]) });
    expect(run('kubectl get a | wc').out).toBe('1\n');
  });
});
