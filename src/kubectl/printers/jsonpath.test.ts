import { describe, it, expect } from 'vitest';
import { executeJsonPath, parseJsonPath, relaxedJsonPath, JsonPathParseError, JsonPathExecError } from './jsonpath';

const list = {
  kind: 'List',
  items: [
    { metadata: { name: 'a', labels: { 'app.kubernetes.io/name': 'web' } }, status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] }, spec: { containers: [{ image: 'nginx' }, { image: 'busybox' }] } },
    { metadata: { name: 'b', labels: {} }, status: { phase: 'Pending', conditions: [{ type: 'Ready', status: 'False' }] }, spec: { containers: [{ image: 'redis' }] } },
  ],
};

const run = (t: string, data: unknown = list) => executeJsonPath(parseJsonPath(t), data);

describe('jsonpath', () => {
  it('selects fields, indexes, wildcards and slices', () => {
    expect(run('{.items[0].metadata.name}')).toBe('a');
    expect(run('{.items[*].metadata.name}')).toBe('a b');
    expect(run('{.items[-1:].metadata.name}')).toBe('b');
    expect(run('{.items[0:1].status.phase}')).toBe('Running');
    expect(run('{.kind}')).toBe('List');
  });

  it('runs range/end with literal text and escapes', () => {
    expect(run('{range .items[*]}{.metadata.name}{"\\t"}{.status.phase}{"\\n"}{end}')).toBe('a\tRunning\nb\tPending\n');
    expect(run('names: {.items[*].metadata.name}!')).toBe('names: a b!');
  });

  it('filters, recurses and reads escaped dots in keys', () => {
    expect(run('{.items[?(@.status.phase=="Pending")].metadata.name}')).toBe('b');
    expect(run('{.items[0].status.conditions[?(@.type=="Ready")].status}')).toBe('True');
    expect(run('{..image}')).toBe('nginx busybox redis');
    expect(run('{.items[0].metadata.labels.app\\.kubernetes\\.io/name}')).toBe('web');
    expect(run("{.items[0].metadata['name']}")).toBe('a');
  });

  it('prints maps and lists as compact JSON and missing keys as nothing', () => {
    expect(run('{.items[1].metadata}')).toBe('{"labels":{},"name":"b"}');
    expect(run('{.items[0].nope}{.kind.deeper}')).toBe('');
  });

  it('reports parse and execution errors like client-go', () => {
    expect(() => parseJsonPath('{.items[0.metadata}')).toThrow(new JsonPathParseError('unterminated array'));
    expect(() => parseJsonPath('{.metadata.name')).toThrow(new JsonPathParseError('unclosed action'));
    expect(() => run('{.kind[0]}')).toThrow(new JsonPathExecError('string is not array or slice'));
  });

  it('relaxes custom-column and sort-by expressions', () => {
    expect(relaxedJsonPath('.metadata.name')).toBe('{.metadata.name}');
    expect(relaxedJsonPath('metadata.name')).toBe('{.metadata.name}');
    expect(relaxedJsonPath('{.a}')).toBe('{.a}');
  });
});
