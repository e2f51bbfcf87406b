/** core/v1 Node: allocatable defaults to capacity; taints validated. Kubelets post status. */
import { goQuote } from '../../core/gostr';
import { isQualifiedName, isValidLabelValue } from '../../core/names';
import type { FieldError } from '../../api/errors';
import { notSupported } from './podspec-validation';
import type { KindStrategy } from '../strategy';
import { str } from '../util';
import type { Node } from 'kubernetes-types/core/v1';
import type { KObject } from '../../core/object';
import { ALL_VERBS, defineKind } from '../kind';
import { AGE, ageCell, NAME, nameCell, NONE } from '../printing/cells';

const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

export const nodeStrategy: KindStrategy<Node & KObject> = {
  hasStatus: true,
  default(o) {
    const status = o.status;
    if (status?.capacity && !status.allocatable) status.allocatable = { ...status.capacity };
  },
  validate(o) {
    const errors: FieldError[] = [];
    const seen = new Set<string>();
    (o.spec?.taints ?? []).forEach((t, i) => {
      const p = `spec.taints[${i}]`;
      const key = str(t.key);
      for (const msg of isQualifiedName(key)) errors.push({ type: 'Invalid value', field: `${p}.key`, value: goQuote(key), detail: msg });
      if (t.value) for (const msg of isValidLabelValue(str(t.value))) errors.push({ type: 'Invalid value', field: `${p}.value`, value: goQuote(str(t.value)), detail: msg });
      if (!t.effect) errors.push({ type: 'Required value', field: `${p}.effect` });
      else if (!TAINT_EFFECTS.includes(t.effect)) errors.push(notSupported(`${p}.effect`, t.effect, TAINT_EFFECTS));
      const id = `${key}:${t.effect}`;
      if (seen.has(id)) {
        errors.push({ type: 'Duplicate value', field: `spec.taints`, value: `core.Taint{Key:${goQuote(key)}, Value:${goQuote(str(t.value))}, Effect:${goQuote(str(t.effect))}, TimeAdded:<nil>}`, detail: 'taints must be unique by key and effect pair' });
      }
      seen.add(id);
    });
    return errors;
  },
};

export const nodeKind = defineKind<Node>({
  group: '', version: 'v1', kind: 'Node', plural: 'nodes', singular: 'node', shortNames: ['no'], namespaced: false, verbs: ALL_VERBS,
  strategy: nodeStrategy,
  printer: {
    columns: [
      NAME, { name: 'Status' }, { name: 'Roles' }, AGE, { name: 'Version' },
      { name: 'Internal-IP', priority: 1 }, { name: 'External-IP', priority: 1 }, { name: 'OS-Image', priority: 1 }, { name: 'Kernel-Version', priority: 1 }, { name: 'Container-Runtime', priority: 1 },
    ],
    cells(n, { now }) {
      const addresses = n.status?.addresses ?? [];
      const info = n.status?.nodeInfo;
      return [
        nameCell(n), nodeStatus(n), nodeRoles(n).join(',') || NONE, ageCell(n, now), info?.kubeletVersion ?? '',
        addresses.find((a) => a.type === 'InternalIP')?.address ?? NONE,
        addresses.find((a) => a.type === 'ExternalIP')?.address ?? NONE,
        info?.osImage || '<unknown>',
        info?.kernelVersion || '<unknown>',
        info?.containerRuntimeVersion || '<unknown>',
      ];
    },
  },
  graph: { draw: 'box' },
});

/** `Ready`, `NotReady`, `Unknown`, plus `,SchedulingDisabled` when cordoned. */
export function nodeStatus(obj: Node | KObject): string {
  const node = obj as Node;
  const ready = (node.status?.conditions ?? []).find((c) => c.type === 'Ready');
  const parts = [ready ? (ready.status === 'True' ? 'Ready' : 'NotReady') : 'Unknown'];
  if (node.spec?.unschedulable) parts.push('SchedulingDisabled');
  return parts.join(',');
}

/** Roles from `node-role.kubernetes.io/<role>` and `kubernetes.io/role` labels, sorted. */
export function nodeRoles(node: Node | KObject): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata?.labels ?? {})) {
    if (k.startsWith('node-role.kubernetes.io/')) {
      const role = k.slice('node-role.kubernetes.io/'.length);
      if (role) roles.add(role);
    } else if (k === 'kubernetes.io/role' && v) {
      roles.add(v);
    }
  }
  return [...roles].sort();
}
