import { describe, it, expect } from 'vitest';
import { commonPrefix, formatColumns, resolveCompletion, wordStart } from './completion';

describe('commonPrefix and wordStart', () => {
  it('finds the longest shared prefix', () => {
    expect(commonPrefix(['pods', 'podtemplates', 'poddisruptionbudgets'])).toBe('pod');
    expect(commonPrefix(['a'])).toBe('a');
    expect(commonPrefix([])).toBe('');
    expect(commonPrefix(['x', 'y'])).toBe('');
  });

  it('finds the start of the word being completed', () => {
    expect(wordStart('kubectl get po')).toBe(12);
    expect(wordStart('kubectl ')).toBe(8);
    expect(wordStart('kub')).toBe(0);
    expect(wordStart('cat my\\ file')).toBe(4);
  });
});

describe('resolveCompletion', () => {
  it('completes a single candidate word and adds a space', () => {
    expect(resolveCompletion('kubectl get deploy', ['deployments'], 1)).toEqual({
      replacement: 'kubectl get deployments ',
    });
  });

  it('does not add a space after a flag that expects a value', () => {
    expect(resolveCompletion('kubectl get pods --out', ['--output='], 1)).toEqual({
      replacement: 'kubectl get pods --output=',
    });
  });

  it('accepts whole-line candidates', () => {
    expect(resolveCompletion('kubectl ge', ['kubectl get'], 1)).toEqual({ replacement: 'kubectl get ' });
    expect(resolveCompletion('kubectl get po', ['kubectl get pods', 'kubectl get podtemplates'], 1)).toEqual({
      replacement: 'kubectl get pod',
    });
  });

  it('extends to the common prefix, then lists on the second Tab', () => {
    const candidates = ['pods', 'podtemplates', 'poddisruptionbudgets'];
    expect(resolveCompletion('kubectl get p', candidates, 1)).toEqual({ replacement: 'kubectl get pod' });
    expect(resolveCompletion('kubectl get pod', candidates, 1)).toEqual({});
    expect(resolveCompletion('kubectl get pod', candidates, 2)).toEqual({
      listing: ['poddisruptionbudgets', 'pods', 'podtemplates'],
    });
  });

  it('completes the value after = when candidates are values', () => {
    expect(resolveCompletion('kubectl get pods --output=w', ['wide', 'yaml', 'json'], 1)).toEqual({
      replacement: 'kubectl get pods --output=wide ',
    });
    expect(resolveCompletion('kubectl get pods --output=w', ['--output=wide'], 1)).toEqual({
      replacement: 'kubectl get pods --output=wide ',
    });
  });

  it('ignores candidates that do not match the word and duplicates', () => {
    expect(resolveCompletion('kubectl get x', ['pods', 'nodes'], 1)).toEqual({});
    expect(resolveCompletion('kubectl get n', ['nodes', 'nodes', 'pods'], 1)).toEqual({
      replacement: 'kubectl get nodes ',
    });
    expect(resolveCompletion('kubectl get n', [], 2)).toEqual({});
  });
});

describe('formatColumns', () => {
  it('lays out words down the columns like readline', () => {
    const words = ['apply', 'create', 'delete', 'describe', 'get', 'logs', 'run'];
    // cell = 8 + 2 = 10 -> 3 columns in 30 cells, 3 rows
    expect(formatColumns(words, 30)).toBe(
      'apply     describe  run\r\n' + 'create    get\r\n' + 'delete    logs\r\n',
    );
  });

  it('falls back to one column when words are wider than the terminal', () => {
    expect(formatColumns(['aaaaaaaaaa', 'b'], 5)).toBe('aaaaaaaaaa\r\nb\r\n');
    expect(formatColumns([], 80)).toBe('');
  });
});
