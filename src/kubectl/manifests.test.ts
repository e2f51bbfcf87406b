import { describe, expect, it } from 'vitest';
import { memoryWorkspace } from '../runner/exec';
import { manifestProblems, parseManifests, readManifests, splitDocuments } from './manifests';

const COMPOSE_HINT =
  'This is a docker-compose file, not a Kubernetes manifest: Kubernetes wants objects with apiVersion and kind (a Deployment and a Service for each compose service); `kompose convert` translates one.';

/** Nine levels of nine aliases: 9^9 strings once expanded. */
function aliasBomb(): string {
  const lines = ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: bomb', 'data:', '  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (const [prev, name] of ['ab', 'bc', 'cd', 'de', 'ef', 'fg', 'gh', 'hi']) lines.push(`  ${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
  return lines.join('\n');
}

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

  it('hints at tabs with the line the marker shows, in the whole file', () => {
    const text = 'a: 1\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: tabbed\n';
    const [error] = parseManifests(text, 'x.yaml').errors;
    expect(error.message).toBe('error converting YAML to JSON: yaml: line 4: found character that cannot start any token');
    expect(error.line).toBe(6);
    expect(error.hint).toBe('YAML does not allow tabs for indentation — line 6');
    expect(parseManifests('a: [1, 2\nb: 3\n').errors[0].hint).toBeUndefined();
  });

  it('puts the marker on the line Go names', () => {
    // js-yaml stops one line later than Go's "did not find expected key".
    const [error] = parseManifests('x: 1\n---\nkey: value\n- item\n').errors;
    expect(error.message).toBe('error converting YAML to JSON: yaml: line 1: did not find expected key');
    expect([error.line, error.column]).toEqual([3, 1]);
  });

  it('refuses an alias bomb at once, as go-yaml does', () => {
    const start = performance.now();
    const { docs, errors } = parseManifests(aliasBomb(), 'bomb.yaml');
    expect(performance.now() - start).toBeLessThan(500);
    expect(docs).toEqual([]);
    expect(errors.map((e) => e.message)).toEqual(['error converting YAML to JSON: yaml: document contains excessive aliasing']);
  });

  it('keeps ordinary aliases, and refuses an anchor that contains itself', () => {
    const labels = parseManifests('metadata:\n  labels: &l {app: web}\n  annotations: *l\n');
    expect(labels.errors).toEqual([]);
    expect(labels.docs[0].object).toEqual({ metadata: { labels: { app: 'web' }, annotations: { app: 'web' } } });
    expect(parseManifests('a: &a [b, *a]\n').errors[0].message).toBe("error converting YAML to JSON: yaml: anchor 'a' value contains itself");
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
      `error validating "compose.yaml": error validating data: [apiVersion not set, kind not set]; if you choose to ignore these errors, turn validation off with --validate=false\n${COMPOSE_HINT}`,
    ]);
    expect(readManifests(['compose.yaml'], ws, undefined, false).errors[0]).toMatch(new RegExp(`^unable to decode "compose.yaml": Object 'Kind' is missing in .*\n${COMPOSE_HINT.slice(0, 40)}`));
    expect(readManifests(['bomb.yaml'], memoryWorkspace({ 'bomb.yaml': aliasBomb() }), undefined).errors).toEqual([
      'error parsing bomb.yaml: error converting YAML to JSON: yaml: document contains excessive aliasing',
    ]);
    const bad = readManifests(['bad.yaml'], ws, undefined);
    expect(bad.objects.map((o) => (o.object.metadata as { name: string }).name)).toEqual(['ok']);
    expect(bad.errors).toEqual(['error parsing bad.yaml: error converting YAML to JSON: yaml: line 4: mapping values are not allowed in this context']);
  });

  it('reads stdin as STDIN', () => {
    expect(readManifests(['-'], ws, 'apiVersion: v1\nkind: Pod\n').objects[0].source).toBe('STDIN');
  });
});

describe('manifestProblems', () => {
  it('marks syntax errors and documents without apiVersion/kind, with the same words and hint', () => {
    expect(manifestProblems('apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\nversion: "3"\nservices:\n  web: {image: nginx}\n')).toEqual([
      { message: 'error validating data: [apiVersion not set, kind not set]', line: 5, column: 1, docIndex: 1, hint: COMPOSE_HINT },
    ]);
    expect(manifestProblems('kind: Pod\nmetadata:\n\tname: x\n').map((p) => [p.line, p.hint])).toEqual([[3, 'YAML does not allow tabs for indentation — line 3']]);
    expect(manifestProblems('apiVersion: v1\nkind: Pod\n')).toEqual([]);
  });
});
