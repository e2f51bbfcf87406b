/**
 * Every kind the simulated api-server serves, one definition each (`<group>/<kind>.ts`). The
 * registry, kubectl's tables, the schema generator and the graph are built from this list;
 * `tests/conformance.test.ts` fails when a kind here is missing from any layer.
 */
import { deploymentKind } from './apps/deployment';
import { replicaSetKind } from './apps/replicaset';
import { configMapKind } from './core/configmap';
import { eventKind } from './core/event';
import { namespaceKind } from './core/namespace';
import { nodeKind } from './core/node';
import { podKind } from './core/pod';
import { resourceQuotaKind } from './core/resourcequota';
import { serviceKind } from './core/service';
import type { KindDefinition } from './kind';

export type { GraphPlacement, KindDefinition, PrinterColumn, PrintContext, ResourceType, TablePrinter } from './kind';

/** In discovery order (core first), as `kubectl api-resources` meets them. */
export const KINDS: readonly KindDefinition[] = [
  configMapKind,
  eventKind,
  namespaceKind,
  nodeKind,
  podKind,
  resourceQuotaKind,
  serviceKind,
  deploymentKind,
  replicaSetKind,
];
