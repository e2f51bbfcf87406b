/** A small unified diff (LCS over lines) for transcript checks. */

export function unifiedDiff(expected: string, actual: string, name = 'transcript', context = 3): string {
  const a = expected.split('\n');
  const b = actual.split('\n');
  if (a[a.length - 1] === '') a.pop();
  if (b[b.length - 1] === '') b.pop();
  const ops = diffLines(a, b);
  if (ops.every((o) => o.op === ' ')) return '';
  const out = [`--- ${name} (expected)`, `+++ ${name} (actual)`];
  // Group changes into hunks with `context` lines around them.
  let i = 0;
  while (i < ops.length) {
    if (ops[i].op === ' ') {
      i++;
      continue;
    }
    let start = Math.max(0, i - context);
    let end = i;
    for (;;) {
      while (end < ops.length && ops[end].op !== ' ') end++;
      let next = end;
      while (next < ops.length && ops[next].op === ' ' && next - end < 2 * context) next++;
      if (next < ops.length && ops[next].op !== ' ' && next - end <= 2 * context) end = next;
      else break;
    }
    end = Math.min(ops.length, end + context);
    const hunk = ops.slice(start, end);
    const aStart = hunk[0].aLine;
    const bStart = hunk[0].bLine;
    const aLen = hunk.filter((o) => o.op !== '+').length;
    const bLen = hunk.filter((o) => o.op !== '-').length;
    out.push(`@@ -${aStart + 1},${aLen} +${bStart + 1},${bLen} @@`);
    for (const o of hunk) out.push(`${o.op}${o.text}`);
    i = end;
    start = end;
  }
  return `${out.join('\n')}\n`;
}

interface Op {
  op: ' ' | '-' | '+';
  text: string;
  aLine: number;
  bLine: number;
}

export function diffLines(a: string[], b: string[]): Op[] {
  // Trim the common prefix and suffix, then LCS on the middle (transcripts differ locally).
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const am = a.slice(pre, a.length - suf);
  const bm = b.slice(pre, b.length - suf);
  const n = am.length;
  const m = bm.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) lcs[i][j] = am[i] === bm[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  }
  const ops: Op[] = [];
  for (let k = 0; k < pre; k++) ops.push({ op: ' ', text: a[k], aLine: k, bLine: k });
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && am[i] === bm[j]) {
      ops.push({ op: ' ', text: am[i], aLine: pre + i, bLine: pre + j });
      i++;
      j++;
    } else if (i < n && (j >= m || lcs[i + 1][j] >= lcs[i][j + 1])) {
      ops.push({ op: '-', text: am[i], aLine: pre + i, bLine: pre + j });
      i++;
    } else {
      ops.push({ op: '+', text: bm[j], aLine: pre + i, bLine: pre + j });
      j++;
    }
  }
  for (let k = 0; k < suf; k++) ops.push({ op: ' ', text: a[a.length - suf + k], aLine: a.length - suf + k, bLine: b.length - suf + k });
  return ops;
}
