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

  // Expected values and messages below are what the real kubectl 1.32 printed for this pod.
  const pod = {
    spec: {
      containers: [
        { name: 'a', ports: [{ containerPort: 1 }, { containerPort: 2 }, { containerPort: 3 }] },
        { name: 'b', ports: [{ containerPort: 4 }] },
        { name: 'c', ports: [{ containerPort: 5 }, { containerPort: 6 }] },
      ],
    },
  };
  const onPod = (t: string) => run(t, pod);

  it('fails on indexes and slices out of range, as client-go does', () => {
    const bounds = (t: string, message: string) => expect(() => onPod(t)).toThrow(new JsonPathExecError(message));
    bounds('{.spec.containers[3].name}', 'array index out of bounds: index 3, length 3');
    bounds('{.spec.containers[-4].name}', 'array index out of bounds: index -1, length 3');
    bounds('{.spec.containers[1:5].name}', 'array index out of bounds: index 4, length 3');
    bounds('{.spec.containers[5:].name}', 'array index out of bounds: index 5, length 3');
    bounds('{.spec.containers[-5:].name}', 'array index out of bounds: index -2, length 3');
    bounds('{.spec.containers[:-5].name}', 'array index out of bounds: index -3, length 3');
    bounds('{.spec.containers[0,7].name}', 'array index out of bounds: index 7, length 3');
    bounds('{.spec.containers[2:1].name}', 'starting index 2 is greater than ending index 1');
    bounds('{.spec.containers[-1:0].name}', 'starting index 2 is greater than ending index 0');
    bounds('{.spec.containers[::0].name}', 'step must be > 0');
    bounds('{.spec.containers[5::0]}', 'array index out of bounds: index 5, length 3');
    bounds('{.spec.containers[*].ports[1].containerPort}', 'array index out of bounds: index 1, length 1');
  });

  it('counts negative indexes from the end of each list', () => {
    expect(onPod('{.spec.containers[-1].name}')).toBe('c');
    expect(onPod('{.spec.containers[*].ports[-1].containerPort}')).toBe('3 4 6');
    expect(onPod('{.spec.containers[1:-1].name}')).toBe('b');
    expect(onPod('{.spec.containers[0:3:2].name}')).toBe('a c');
    expect(onPod('{.spec.containers[3:].name}{.spec.containers[0:0:0]}')).toBe('');
  });

  it('applies each member of a union to all values in turn', () => {
    expect(onPod('{.spec.containers[*].ports[0,0].containerPort}')).toBe('1 4 5 1 4 5');
    expect(onPod("{.spec.containers[*]['name','name']}")).toBe('a b c a b c');
    expect(onPod('{.spec.containers[-1,0].name}')).toBe('c a');
  });

  it('ends a step at the first empty range, keeping what it found (client-go quirk)', () => {
    expect(onPod('{.spec.containers[*].ports[1:].containerPort}')).toBe('2 3');
  });
});
