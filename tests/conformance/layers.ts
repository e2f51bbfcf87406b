/**
 * What "served" means for a kind (DESIGN.md, "A kind, end to end"): every layer knows it.
 * `layerGaps(kind, client)` names each layer that does not, with the file to fix.
 */
import { describerFor, DESCRIBER_GROUPS } from '../../src/kubectl/describe';
import { complete } from '../../src/kubectl/complete';
import { DEFAULT_KUBECONFIG } from '../../src/kubectl/types';
import { evaluateCheck, loadLesson } from '../../src/lessons';
import type { Check } from '../../src/lessons';
import { apiVersionOf } from '../../src/sim/api/registry';
import { ALL_SCHEMAS } from '../../src/sim/api/schema';
import type { KubeClient } from '../../src/kubectl/client';
import type { KindDefinition } from '../../src/sim/kinds';
import { DEFAULT_PRINTER } from '../../src/sim/kinds/printing/cells';
import { WORKLOAD_KINDS } from '../../src/ui/graph/kinds';

export function layerGaps(k: KindDefinition, client: KubeClient): string[] {
  const gaps: string[] = [];
  const gap = (layer: string, fix: string) => gaps.push(`${k.kind}: ${layer} — ${fix}`);
  const where = `src/sim/kinds/${k.group || 'core'}/${k.kind.toLowerCase()}.ts`;

  // Registry: the api-server serves it under its names.
  if (client.discovery.forKind(apiVersionOf(k), k.kind) !== k) gap('registry', `add it to KINDS in src/sim/kinds/index.ts`);

  // Columns: the server's table printer, with a name column, one cell per column.
  const columns = k.printer?.columns ?? [];
  if (!k.printer || k.printer === DEFAULT_PRINTER || columns.length === 0) gap('columns', `give it a printer in ${where}`);
  else {
    if (!columns.some((c) => c.format === 'name')) gap('columns', `mark its NAME column with format 'name' in ${where}`);
    const sample = { apiVersion: apiVersionOf(k), kind: k.kind, metadata: { name: 'sample', namespace: k.namespaced ? 'default' : undefined } };
    try {
      const cells = k.printer.cells(sample, { now: client.now(), wide: true });
      if (cells.length !== columns.length) gap('columns', `its printer gives ${cells.length} cells for ${columns.length} columns (${where})`);
    } catch (e) {
      gap('columns', `its printer throws on a bare object: ${(e as Error).message} (${where})`);
    }
  }

  // describe: a describer for its GroupKind, or listed as using the generic one (as kubectl 1.32).
  const group = DESCRIBER_GROUPS.find((g) => g.group === k.group);
  if (!describerFor(k.group, k.kind) && !group?.generic.includes(k.kind)) {
    gap('describe', `register a describer (or list it under generic) in src/kubectl/describe/groups/${k.group || 'core'}.ts`);
  }

  // Schema: the editor's and the decoder's JSON Schema root.
  if (!ALL_SCHEMAS.some((s) => s.kind === k.kind && s.apiVersion === apiVersionOf(k))) gap('schema', 'run `npx tsx scripts/gen-schema.ts`');

  // Completion: Tab offers its resource name.
  const config = { ...DEFAULT_KUBECONFIG };
  if (!complete(client, `kubectl get ${k.plural.slice(0, -1)}`, config).includes(k.plural)) gap('completion', 'kubectl completion does not offer it');

  // Graph: a placement, drawn or explicitly not; cards must reach the graph's card kinds.
  const draw = k.graph?.draw;
  if (!['box', 'pod', 'card', 'none'].includes(draw)) gap('graph', `give it a graph placement (or { draw: 'none' }) in ${where}`);
  if (draw === 'card' && !WORKLOAD_KINDS.some((w) => w.kind === k.kind)) gap('graph', 'its card is missing from src/ui/graph/kinds.ts');

  // Lesson checks: a lesson may name it, and its checks evaluate.
  const checks: Check[] = [
    { id: 'c1', description: '', type: 'objectCount', kind: k.kind, count: 0, op: 'gte' },
    { id: 'c2', description: '', type: 'exists', kind: k.plural, name: 'sample' },
  ];
  try {
    for (const check of checks) evaluateCheck(client, check);
    const yaml = `id: t\ntitle: t\nsummary: t\nsteps:\n  - id: s\n    title: s\n    text: s\n    checks:\n      - type: objectCount\n        kind: ${k.kind}\n        count: 0\n        description: d\n`;
    loadLesson(yaml);
  } catch (e) {
    gap('lesson checks', `a check on it fails: ${(e as Error).message}`);
  }
  return gaps;
}
