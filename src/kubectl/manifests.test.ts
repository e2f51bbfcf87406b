import { describe, expect, it } from 'vitest';
import { memoryWorkspace } from '../runner/exec';
import { parseManifests, readManifests, splitDocuments } from './manifests';

describe('parseManifests', () => {
  it('reads multi-document YAML, keeps merge keys and __proto__ as data', () => {
    const { docs, errors } = parseManifests('a: &x {b: 1}\nc:\n  <<: *x\n---\n__proto__: {z: 1}\n--- # comment\n\n');
    expect(errors).toEqual([]);
    expect(docs.map((d) => d.object)).toEqual([{ a: { b: 1 }, c: { b: 1 } }, JSON.parse('{"__proto__": {"z": 1}}')]);
    expect(Object.getPrototypeOf(docs[1].object)).toBe(Object.prototype);
    expect(docs[1].line).toBe(5);
  });

  it('lets a duplicate key win as Go yaml→json does', () => {
    expect(parseManifests('a: 1\na: 2\n').docs[0].object).toEqual({ a: 2 });
  });

  it('reports syntax errors in Go yaml words with document-relative lines, and absolute line/column', () => {
    const text = 'kind: A\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n   labels: y\n';
    const { errors } = parseManifests(text, 'p.yaml');
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toBe('error converting YAML to JSON: yaml: line 5: mapping values are not allowed in this context');
    expect(errors[0].line).toBe(7);
    expect(errors[0].docIndex).toBe(1);
  });

  it('maps tab and flow errors', () => {
    expect(parseManifests('a: 1\n\tb: 2\n').errors[0].message).toBe('error converting YAML to JSON: yaml: line 2: found a tab character that violates indentation');
    expect(parseManifests('a: [1, 2\nb: 3\n').errors[0].message).toBe("error converting YAML to JSON: yaml: line 1: did not find expected ',' or ']'");
  });

  it('expands List kinds and reads JSON', () => {
    expect(parseManifests('{"kind": "List", "items": [{"kind": "A"}, {"kind": "B"}]}', 'l.json').docs.map((d) => d.object)).toEqual([{ kind: 'A' }, { kind: 'B' }]);
    expect(parseManifests('{"apiVersion": "v1", ', 'j.json').errors[0].message).toBe('unexpected EOF');
  });

  it('splits documents on --- lines only', () => {
    expect(splitDocuments('a: 1\n---\nb: "---"\n----x\n').map((c) => c.text)).toEqual(['a: 1', 'b: "---"\n----x\n']);
  });
});

describe('readManifests', () => {
  const ws = memoryWorkspace({
    'dir/b.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata: {name: b}\n',
    'dir/a.json': '{"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "a"}}',
    'dir/notes.txt': 'ignored',
    'compose.yaml': 'services:\n  web:\n    image: nginx\n',
    'bad.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata: {name: ok}\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: x: y\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: never}\n',
  });

  it('reads folders sorted, skipping other extensions', () => {
    const r = readManifests(['dir'], ws, undefined);
    expect(r.objects.map((o) => `${o.source}:${(o.object.metadata as { name: string }).name}`)).toEqual(['dir/a.json:a', 'dir/b.yaml:b']);
  });

  it('reports missing files, validation and syntax errors like kubectl', () => {
    expect(readManifests(['nope.yaml'], ws, undefined).errors).toEqual(['the path "nope.yaml" does not exist']);
    expect(readManifests(['compose.yaml'], ws, undefined).errors).toEqual([
      'error validating "compose.yaml": error validating data: [apiVersion not set, kind not set]; if you choose to ignore these errors, turn validation off with --validate=false',
    ]);
    const bad = readManifests(['bad.yaml'], ws, undefined);
    expect(bad.objects.map((o) => (o.object.metadata as { name: string }).name)).toEqual(['ok']);
    expect(bad.errors).toEqual(['error parsing bad.yaml: error converting YAML to JSON: yaml: line 4: mapping values are not allowed in this context']);
  });

  it('reads stdin as STDIN', () => {
    expect(readManifests(['-'], ws, 'apiVersion: v1\nkind: Pod\n').objects[0].source).toBe('STDIN');
  });
});
