/**
 * Splits a solution transcript at its step markers (`# step: <id>` comment lines) so that a
 * replay can check each step's checks at its boundary. The text before the first marker
 * (header options such as `# seed: 42`) is the preamble.
 */

export interface SolutionSegment {
  stepId: string;
  /** 1-based line of the marker in the transcript. */
  line: number;
  /** The transcript lines after the marker, up to the next marker. */
  text: string;
}

export interface Solution {
  preamble: string;
  segments: SolutionSegment[];
}

const MARKER = /^#\s*step:\s*(\S+)\s*$/;

export function splitSolution(text: string): Solution {
  const lines = text.split('\n');
  const preamble: string[] = [];
  const segments: SolutionSegment[] = [];
  let current: { stepId: string; line: number; lines: string[] } | undefined;
  const flush = () => {
    if (current) segments.push({ stepId: current.stepId, line: current.line, text: current.lines.join('\n') });
  };
  lines.forEach((line, i) => {
    const m = MARKER.exec(line);
    if (m) {
      flush();
      current = { stepId: m[1], line: i + 1, lines: [] };
    } else if (current) {
      current.lines.push(line);
    } else {
      preamble.push(line);
    }
  });
  flush();
  return { preamble: preamble.join('\n'), segments };
}
