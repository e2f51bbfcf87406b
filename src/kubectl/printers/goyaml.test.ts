import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toYaml } from './goyaml';
import { goJson, goJsonIndent, goSyntax } from './gojson';

// testdata/*.yaml were printed by real kubectl 1.32 from the objects in testdata/*.json.
const fixture = (name: string) => readFileSync(join(__dirname, 'testdata', name), 'utf8');

describe('toYaml (go-yaml v2 as kubectl prints)', () => {
  it.each(['configmap', 'deployment'])('matches real kubectl for %s', (name) => {
    expect(toYaml(JSON.parse(fixture(`${name}.json`)))).toBe(fixture(`${name}.yaml`));
  });

  it('prints an empty List like kubectl get -o yaml', () => {
    expect(toYaml({ apiVersion: 'v1', items: [], kind: 'List', metadata: { resourceVersion: '' } })).toBe(
      'apiVersion: v1\nitems: []\nkind: List\nmetadata:\n  resourceVersion: ""\n',
    );
  });

  it('keeps sequences at their key indent and nests mappings in items', () => {
    expect(toYaml({ spec: { ports: [{ port: 80, protocol: 'TCP' }], x: [['a', 'b']], e: {} } })).toBe(
      'spec:\n  e: {}\n  ports:\n  - port: 80\n    protocol: TCP\n  x:\n  - - a\n    - b\n',
    );
  });

  it('folds long single-quoted and plain scalars in sequence items at the item indent', () => {
    const msg = '0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 Insufficient cpu.';
    expect(toYaml({ conditions: [{ message: msg }] })).toBe(
      "conditions:\n- message: '0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane:\n    }, 3 Insufficient cpu.'\n",
    );
  });
});

describe('Go JSON', () => {
  it('sorts keys, indents by 4 and escapes HTML characters', () => {
    expect(goJsonIndent({ b: 1, a: { d: '<&>', c: [] } })).toBe('{\n    "a": {\n        "c": [],\n        "d": "\\u003c\\u0026\\u003e"\n    },\n    "b": 1\n}');
    expect(goJson({ b: true, a: null })).toBe('{"a":null,"b":true}');
  });

  it('renders %#v of unstructured data', () => {
    expect(goSyntax({ kind: 'Pod', n: 1, m: null, l: ['a'] })).toBe('map[string]interface {}{"kind":"Pod", "l":[]interface {}{"a"}, "m":interface {}(nil), "n":1}');
  });
});
