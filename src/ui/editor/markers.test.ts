import { describe, it, expect } from 'vitest';
import { describeMarker, linesOf, sortMarkers, toMarkerData, type EditorMarker } from './markers';

const text = linesOf('apiVersion: apps/v1\nkind: Deployment\nspec:\n  replicas: x\n');

function marker(partial: Partial<EditorMarker>): EditorMarker {
  return { file: 'web.yaml', line: 1, column: 1, message: 'bad', severity: 'error', ...partial };
}

describe('toMarkerData', () => {
  it('keeps only the markers of the given file', () => {
    const data = toMarkerData([marker({ file: 'a.yaml' }), marker({ file: 'web.yaml', line: 2 })], 'web.yaml', text);
    expect(data).toHaveLength(1);
    expect(data[0].startLineNumber).toBe(2);
  });

  it('underlines from the column to the end of the line', () => {
    const [data] = toMarkerData([marker({ line: 4, column: 13, message: 'not an int' })], 'web.yaml', text);
    expect(data).toEqual({
      severity: 8,
      message: 'not an int',
      startLineNumber: 4,
      startColumn: 13,
      endLineNumber: 4,
      endColumn: 14,
      source: 'kubectl apply',
    });
  });

  it('maps warnings to Monaco warning severity', () => {
    expect(toMarkerData([marker({ severity: 'warning' })], 'web.yaml', text)[0].severity).toBe(4);
  });

  it('clamps lines and columns that point past the text', () => {
    const [beyond] = toMarkerData([marker({ line: 99, column: 99 })], 'web.yaml', text);
    expect(beyond.startLineNumber).toBe(5); // the empty last line
    expect(beyond.startColumn).toBe(1);
    expect(beyond.endColumn).toBe(2);
    const [pastEnd] = toMarkerData([marker({ line: 4, column: 40 })], 'web.yaml', text);
    expect(pastEnd.startColumn).toBe(3); // the line's text, after its indentation
    expect(pastEnd.endColumn).toBe(14);
    const [zero] = toMarkerData([marker({ line: 0, column: 0 })], 'web.yaml', text);
    expect([zero.startLineNumber, zero.startColumn]).toEqual([1, 1]);
  });
});

describe('marker display', () => {
  it('describes a marker like a compiler message', () => {
    expect(describeMarker(marker({ line: 4, column: 13, message: 'not an int' }))).toBe(
      'web.yaml:4:13: error: not an int',
    );
  });

  it('sorts by file, line, column', () => {
    const sorted = sortMarkers([
      marker({ file: 'b.yaml' }),
      marker({ line: 3 }),
      marker({ line: 2, column: 5 }),
      marker({ line: 2, column: 1 }),
    ]);
    expect(sorted.map((m) => `${m.file}:${m.line}:${m.column}`)).toEqual([
      'b.yaml:1:1',
      'web.yaml:2:1',
      'web.yaml:2:5',
      'web.yaml:3:1',
    ]);
  });
});
