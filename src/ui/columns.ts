/**
 * kubectl's tables (`get events`, …) as cells: columns start where the header's words do
 * (tabwriter pads with at least two spaces, so "LAST SEEN" stays one header). Null for text
 * that is not such a table ("No resources found …", an error).
 */
export interface TextTable {
  headers: string[];
  rows: string[][];
}

export function parseColumns(text: string): TextTable | null {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  if (lines.length < 2) return null;
  const [header, ...body] = lines;
  const starts: number[] = [];
  const headers: string[] = [];
  for (const m of header.matchAll(/\S+(?: \S+)*/g)) {
    starts.push(m.index);
    headers.push(m[0]);
  }
  if (headers.length < 2 || starts[0] !== 0) return null;
  const rows: string[][] = [];
  for (const line of body) {
    // Every column boundary must fall on padding, or the lines are not aligned to the header.
    if (starts.slice(1).some((s) => line.length > s && line[s - 1] !== ' ')) return null;
    rows.push(starts.map((s, i) => line.slice(s, i + 1 < starts.length ? starts[i + 1] : undefined).trim()));
  }
  return { headers, rows };
}
