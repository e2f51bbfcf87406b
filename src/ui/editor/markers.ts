/**
 * Apply errors → Monaco marker data, pure. The worker reports 1-based line/column positions
 * that may point past the text the editor holds now (the learner kept typing); markers are
 * clamped into the model so Monaco always shows them somewhere sensible.
 */
import type { EditorMarker } from '../../worker/protocol';

export type { EditorMarker };

/** Monaco's MarkerSeverity values (kept here so this module does not load Monaco). */
export const MARKER_SEVERITY = { error: 8, warning: 4 } as const;

export interface MarkerData {
  severity: number;
  message: string;
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
  source: string;
}

/** What the mapper needs to know about the text (a Monaco ITextModel satisfies it). */
export interface TextLines {
  getLineCount(): number;
  getLineContent(line: number): string;
}

export function linesOf(text: string): TextLines {
  const lines = text.split(/\r?\n/);
  return { getLineCount: () => lines.length, getLineContent: (n) => lines[n - 1] ?? '' };
}

/**
 * Markers for one file. The range runs from the column to the end of its line (apply errors
 * name a position, not a span); an error at or past the end of a line underlines the whole line.
 */
export function toMarkerData(markers: readonly EditorMarker[], file: string, text: TextLines): MarkerData[] {
  return markers
    .filter((m) => m.file === file)
    .map((m) => {
      const line = clamp(Math.trunc(m.line) || 1, 1, text.getLineCount());
      const content = text.getLineContent(line);
      const length = content.length;
      let column = clamp(Math.trunc(m.column) || 1, 1, length + 1);
      // Past the end of a non-empty line: underline the line's text instead of nothing.
      if (column > length && length > 0) column = content.search(/\S/) + 1 || 1;
      const endColumn = Math.max(length + 1, column + 1);
      return {
        severity: MARKER_SEVERITY[m.severity] ?? MARKER_SEVERITY.error,
        message: m.message,
        startLineNumber: line,
        startColumn: column,
        endLineNumber: line,
        endColumn,
        source: 'kubectl apply',
      };
    });
}

/** The message strip's text for one marker: `web.yaml:3:5: error: …`. */
export function describeMarker(m: EditorMarker): string {
  return `${m.file}:${m.line}:${m.column}: ${m.severity}: ${m.message}`;
}

/** Markers ordered for display: by file, then position. */
export function sortMarkers(markers: readonly EditorMarker[]): EditorMarker[] {
  return [...markers].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column,
  );
}

function clamp(n: number, low: number, high: number): number {
  return Math.min(Math.max(n, low), Math.max(low, high));
}
