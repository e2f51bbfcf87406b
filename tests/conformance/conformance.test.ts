/** Every served kind is known to every layer; a missing layer fails here, named. */
import { describe, expect, it } from 'vitest';
import { createClient } from '../../src/sim/client';
import { createCluster } from '../../src/sim/cluster';
import { KINDS, type KindDefinition } from '../../src/sim/kinds';
import { layerGaps } from './layers';

describe('every served kind is served by every layer', () => {
  const client = createClient(createCluster({ seed: 1 }));

  it('serves at least the kinds it always has', () => {
    expect(KINDS.map((k) => k.kind)).toEqual(expect.arrayContaining(['Pod', 'Deployment', 'ReplicaSet', 'Service', 'Node']));
  });

  for (const k of KINDS) {
    it(`${k.kind} (${k.group || 'core'}/${k.version})`, () => {
      expect(layerGaps(k, client)).toEqual([]);
    });
  }

  it('names every missing layer of a kind only half added', () => {
    const configMap = KINDS.find((k) => k.kind === 'ConfigMap')!;
    const widget: KindDefinition = {
      ...configMap,
      group: 'example.com',
      kind: 'Widget',
      plural: 'widgets',
      singular: 'widget',
      shortNames: [],
      printer: { columns: [{ name: 'Data' }], cells: () => [] },
      graph: { draw: 'card', abbrev: 'w', order: 9 },
    };
    const layers = layerGaps(widget, client).map((g) => g.split(' — ')[0]);
    expect(layers).toEqual([
      'Widget: registry',
      'Widget: columns',
      'Widget: columns',
      'Widget: describe',
      'Widget: schema',
      'Widget: completion',
      'Widget: graph',
      'Widget: lesson checks',
    ]);
  });
});
