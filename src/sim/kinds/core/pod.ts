/**
 * Pod: defaults, `status {phase: Pending, qosClass}`, validation, the update restrictions and
 * graceful deletion. (The service account, priority and default tolerations a new pod gets are
 * admission plugins: `api/admission/`.)
 */
import type { KObject } from '../../core/object';
import type { FieldError } from '../../api/errors';
import { qosClass } from './qos';
import { defaultPodOnly, defaultPodSpec } from './podspec-defaults';
import { validatePodSpec } from './podspec-validation';
import type { KindStrategy } from '../strategy';
import { child, objects } from '../util';
import type { Pod, PodSpec, Toleration } from 'kubernetes-types/core/v1';
import { ALL_VERBS, defineKind } from '../kind';
import { AGE, ageCell, NAME, nameCell, NONE } from '../printing/cells';
import { podColumns } from '../printing/pod-status';

export const POD_UPDATE_FORBIDDEN =
  'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

type PodObject = Pod & KObject;

export const podStrategy: KindStrategy<PodObject> = {
  hasStatus: true,
  default(pod) {
    const spec = child(pod, 'spec');
    defaultPodSpec(spec);
    defaultPodOnly(spec);
  },
  prepareCreate(pod) {
    const qos = qosClass(child(pod, 'spec'));
    // kubernetes-types marks status read-only for clients; the server is the one that writes it.
    (pod as KObject).status = { phase: 'Pending', qosClass: qos };
  },
  gracePeriod(pod, requested) {
    // An unscheduled or finished pod has nothing to stop: it goes at once.
    const spec = pod.spec;
    const phase = pod.status?.phase;
    if (!spec?.nodeName || phase === 'Succeeded' || phase === 'Failed') return 0;
    return requested ?? spec.terminationGracePeriodSeconds ?? 30;
  },
  validate(pod) {
    return validatePodSpec(child(pod, 'spec'), 'spec');
  },
  validateUpdate(pod, old) {
    return validatePodUpdate(pod, old);
  },
};

/** ValidatePodUpdate: only images, activeDeadlineSeconds, added tolerations and a fixed-up grace period may change. */
export function validatePodUpdate(pod: PodObject, old: PodObject): FieldError[] {
  const spec: Partial<PodSpec> = pod.spec ?? {};
  const oldSpec: Partial<PodSpec> = old.spec ?? {};
  const errors: FieldError[] = [];
  if (typeof oldSpec.activeDeadlineSeconds === 'number' && spec.activeDeadlineSeconds === undefined) {
    errors.push({ type: 'Invalid value', field: 'spec.activeDeadlineSeconds', value: 'null', detail: 'must not update from a positive integer to nil value' });
  }
  if (typeof oldSpec.activeDeadlineSeconds === 'number' && typeof spec.activeDeadlineSeconds === 'number' && spec.activeDeadlineSeconds > oldSpec.activeDeadlineSeconds) {
    errors.push({ type: 'Invalid value', field: 'spec.activeDeadlineSeconds', value: String(spec.activeDeadlineSeconds), detail: 'must be less than or equal to previous value' });
  }
  // Copy every field that may change from the old spec into the new one; any remaining difference is forbidden.
  const mutable: Partial<PodSpec> = structuredClone(spec);
  for (const key of ['containers', 'initContainers'] as const) {
    const now = objects(mutable[key]);
    const before = objects(oldSpec[key]);
    if (now.length === before.length) now.forEach((c, i) => (c.image = before[i].image));
  }
  mutable.activeDeadlineSeconds = oldSpec.activeDeadlineSeconds;
  if (mutable.activeDeadlineSeconds === undefined) delete mutable.activeDeadlineSeconds;
  if (tolerationsOnlyAdded(objects(oldSpec.tolerations), objects(spec.tolerations))) {
    mutable.tolerations = oldSpec.tolerations;
    if (mutable.tolerations === undefined) delete mutable.tolerations;
  }
  if (typeof oldSpec.terminationGracePeriodSeconds === 'number' && oldSpec.terminationGracePeriodSeconds < 0 && spec.terminationGracePeriodSeconds === 1) {
    mutable.terminationGracePeriodSeconds = oldSpec.terminationGracePeriodSeconds;
  }
  // Binding: the scheduler sets nodeName once through update (the sim's pods/binding).
  if (!oldSpec.nodeName) {
    mutable.nodeName = oldSpec.nodeName;
    if (mutable.nodeName === undefined) delete mutable.nodeName;
  }
  const changed = changedFields(oldSpec, mutable);
  if (changed.length) errors.push({ type: 'Forbidden', field: 'spec', detail: `${POD_UPDATE_FORBIDDEN}\n${specDiff(oldSpec, mutable, changed)}` });
  return errors;
}

/** Every old toleration must still be there (tolerationSeconds may only shrink). */
function tolerationsOnlyAdded(before: Toleration[], after: Toleration[]): boolean {
  return before.every((o) =>
    after.some(
      (n) =>
        n.key === o.key && n.operator === o.operator && n.value === o.value && n.effect === o.effect &&
        (o.tolerationSeconds === undefined ? n.tolerationSeconds === undefined : typeof n.tolerationSeconds === 'number' && n.tolerationSeconds <= o.tolerationSeconds),
    ),
  );
}

/** Specs compared field by field, by name. */
type Fields = Readonly<Record<string, unknown>>;

function changedFields(a: Fields, b: Fields): string[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return keys.filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
}

/**
 * A compact rendering in the shape of go-cmp's diff that the real message ends with
 * (`core.PodSpec{ … - Field: old, + Field: new }`). Values are printed as JSON, which is
 * shorter than Go's struct syntax but points at the same fields.
 */
function specDiff(before: Fields, after: Fields, changed: string[]): string {
  const goName = (k: string) => k.charAt(0).toUpperCase() + k.slice(1);
  const lines = ['  core.PodSpec{'];
  const identical = new Set([...Object.keys(before), ...Object.keys(after)]).size - changed.length;
  if (identical > 0) lines.push(`  \t... // ${identical} identical fields`);
  for (const k of changed) {
    if (before[k] !== undefined) lines.push(`- \t${goName(k)}: ${JSON.stringify(before[k])},`);
    if (after[k] !== undefined) lines.push(`+ \t${goName(k)}: ${JSON.stringify(after[k])},`);
  }
  lines.push('  }');
  return lines.join('\n') + '\n';
}

export const podKind = defineKind<Pod>({
  group: '', version: 'v1', kind: 'Pod', plural: 'pods', singular: 'pod', shortNames: ['po'], namespaced: true, verbs: ALL_VERBS, categories: ['all'],
  strategy: podStrategy,
  printer: {
    columns: [
      NAME, { name: 'Ready' }, { name: 'Status' }, { name: 'Restarts' }, AGE,
      { name: 'IP', priority: 1 }, { name: 'Node', priority: 1 }, { name: 'Nominated Node', priority: 1 }, { name: 'Readiness Gates', priority: 1 },
    ],
    cells(p, { now }) {
      const c = podColumns(p, now);
      const gates = p.spec?.readinessGates ?? [];
      let gatesText = NONE;
      if (gates.length) {
        const conditions = p.status?.conditions ?? [];
        const ok = gates.filter((g) => conditions.find((c) => c.type === g.conditionType)?.status === 'True').length;
        gatesText = `${ok}/${gates.length}`;
      }
      return [nameCell(p), c.ready, c.status, c.restarts, ageCell(p, now), p.status?.podIPs?.[0]?.ip || NONE, p.spec?.nodeName || NONE, p.status?.nominatedNodeName || NONE, gatesText];
    },
  },
  graph: { draw: 'pod' },
});
