import { describe, expect, it } from 'vitest';
import { braceExpand } from './braces';
import { runProcess, type ProcessContext } from './evaluate';
import type { Word } from './parse';

const lit = (text: string, quoted = false): Word => [{ kind: 'lit', text, quoted }];
const texts = (word: Word) => braceExpand(word).map((w) => w.map((p) => (p.kind === 'lit' ? p.text : `$${p.kind === 'var' ? p.name : '?'}`)).join(''));

describe('bash brace expansion', () => {
  it('expands lists with a preamble and postscript, nested, left to right', () => {
    expect(texts(lit('x{a,b}y'))).toEqual(['xay', 'xby']);
    expect(texts(lit('{a,b{1,2}}'))).toEqual(['a', 'b1', 'b2']);
    expect(texts(lit('{a,b}{1,2}'))).toEqual(['a1', 'a2', 'b1', 'b2']);
    expect(texts(lit('file{,.bak}'))).toEqual(['file', 'file.bak']);
  });

  it('expands sequences of numbers (steps, reverse, zero padding) and letters', () => {
    expect(texts(lit('{1..10}'))).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(texts(lit('{5..1..2}'))).toEqual(['5', '3', '1']);
    expect(texts(lit('{01..03}'))).toEqual(['01', '02', '03']);
    expect(texts(lit('{-02..1}'))).toEqual(['-02', '-01', '000', '001']);
    expect(texts(lit('{a..e..2}'))).toEqual(['a', 'c', 'e']);
    expect(texts(lit('node{1..2}.example'))).toEqual(['node1.example', 'node2.example']);
  });

  it('leaves alone what is not a brace expression, quoted text and other parts', () => {
    for (const t of ['{a}', '{}', '{1..}', '{a..bb}', 'x{', '}{']) expect(texts(lit(t))).toEqual([t]);
    expect(texts(lit('{a,b}', true))).toEqual(['{a,b}']);
    expect(texts(lit('{a}{1,2}'))).toEqual(['{a}1', '{a}2']);
    expect(texts([{ kind: 'var', name: 'IP', quoted: false }, { kind: 'lit', text: ':{80,443}', quoted: false }])).toEqual(['$IP:80', '$IP:443']);
  });
});

describe('which shells expand braces', () => {
  const ctx = (flavor: ProcessContext['flavor']): ProcessContext => ({ env: { PATH: '/bin' }, startedAt: 0, binaries: new Set(['sh', 'bash', 'echo']), flavor, hostname: 'h' });
  const out = (argv: string[], flavor: ProcessContext['flavor']) => runProcess(argv, ctx(flavor), { untilMs: 1000 }).lines.map((l) => l.text);

  it('bash does, in arguments and for lists; busybox sh and dash do not', () => {
    expect(out(['bash', '-c', 'echo {1..3}; for i in {a,b}; do echo $i; done'], 'bash')).toEqual(['1 2 3', 'a', 'b']);
    expect(out(['sh', '-c', 'echo {1..3}'], 'busybox')).toEqual(['{1..3}']);
    expect(out(['sh', '-c', 'echo {1..3}'], 'bash')).toEqual(['{1..3}']);
  });
});
