import { describe, expect, it } from 'vitest';
import { unifiedDiff } from './diff';
import { normaliseTranscript, parseTranscript } from './transcript';

const SAMPLE = `# seed: 7
# workers: 2
# A comment
$ kubectl get pods
No resources found in default namespace.

$ kubectl apply -f - <<EOF
apiVersion: v1
kind: Namespace
metadata:
  name: x
EOF
namespace/x created
$ kubectl get foo
error: the server doesn't have a resource type "foo"
[exit 1]
# step: two
$ sleep 1m30s
`;

describe('parseTranscript', () => {
  it('reads header options, commands, heredocs, outputs and exit codes', () => {
    const t = parseTranscript(SAMPLE);
    expect(t.options).toEqual({ seed: 7, workers: 2 });
    const cmds = t.entries.flatMap((e) => (e.kind === 'command' ? [e] : []));
    expect(cmds.map((c) => c.command)).toEqual(['kubectl get pods', 'kubectl apply -f - <<EOF', 'kubectl get foo', 'sleep 1m30s']);
    expect(cmds[0].expected).toEqual(['No resources found in default namespace.']);
    expect(cmds[1].heredoc).toEqual({ word: 'EOF', lines: ['apiVersion: v1', 'kind: Namespace', 'metadata:', '  name: x'] });
    expect(cmds[1].expected).toEqual(['namespace/x created']);
    expect(cmds[2].exitCode).toBe(1);
    expect(cmds[2].expected).toEqual([`error: the server doesn't have a resource type "foo"`]);
    expect(cmds[3].expected).toEqual([]);
    expect(t.entries.flatMap((e) => (e.kind === 'comment' ? [e.text] : []))).toContain('# step: two');
  });

  it('does not take option-like comments after the first command as options', () => {
    expect(parseTranscript('$ kubectl version\n# seed: 9\n').options).toEqual({});
  });

  it('normalises by dropping trailing blank lines of outputs', () => {
    expect(normaliseTranscript('$ a\nx\n\n\n$ b\n')).toBe('$ a\nx\n$ b\n');
  });
});

describe('unifiedDiff', () => {
  it('is empty for equal texts', () => {
    expect(unifiedDiff('a\nb\n', 'a\nb\n')).toBe('');
  });

  it('shows changed lines with context and hunk header', () => {
    const d = unifiedDiff('1\n2\n3\n4\n5\n6\n7\n8\n', '1\n2\n3\n4\nfive\n6\n7\n8\n', 'f', 1);
    expect(d).toBe('--- f (expected)\n+++ f (actual)\n@@ -4,3 +4,3 @@\n 4\n-5\n+five\n 6\n');
  });

  it('handles insertions and deletions at the ends', () => {
    expect(unifiedDiff('a\n', 'a\nb\n', 'f')).toBe('--- f (expected)\n+++ f (actual)\n@@ -1,1 +1,2 @@\n a\n+b\n');
    expect(unifiedDiff('a\nb\n', 'b\n', 'f')).toBe('--- f (expected)\n+++ f (actual)\n@@ -1,2 +1,1 @@\n-a\n b\n');
  });
});

describe('transcript headers', () => {
  it('reads `# addons:` into the cluster options', () => {
    expect(parseTranscript('# addons: metrics-server\n$ kubectl top node\n').options).toEqual({ addons: ['metrics-server'] });
  });
});
