/**
 * A Job's `podFailurePolicy` (pkg/apis/batch/validation validatePodFailurePolicy, and
 * pkg/controller/job/pod_failure_policy.go matchPodFailurePolicy): rules checked in order
 * against a failed pod's container exit codes or its conditions (DisruptionTarget); the first
 * that matches decides: FailJob, Ignore (not counted against backoffLimit) or Count.
 */
import type { Container, PodStatus } from 'kubernetes-types/core/v1';
import type { PodFailurePolicy, PodFailurePolicyRule } from 'kubernetes-types/batch/v1';
import type { FieldError } from '../../api/errors';
import { goQuote } from '../../core/gostr';
import { notSupported } from '../core/podspec-validation';

const ACTIONS = ['Count', 'FailIndex', 'FailJob', 'Ignore'];

export function validatePodFailurePolicy(policy: PodFailurePolicy, containers: readonly Container[], path: string): FieldError[] {
  const errors: FieldError[] = [];
  const names = new Set(containers.map((c) => c.name));
  (policy.rules ?? []).forEach((rule, i) => {
    const p = `${path}.rules[${i}]`;
    if (!ACTIONS.includes(rule.action)) errors.push(notSupported(`${p}.action`, rule.action ?? '', ACTIONS));
    const codes = rule.onExitCodes;
    const conditions = rule.onPodConditions ?? [];
    if (codes && conditions.length) errors.push({ type: 'Invalid value', field: p, detail: 'specifying both OnExitCodes and OnPodConditions is not supported' });
    else if (!codes && !conditions.length) errors.push({ type: 'Invalid value', field: p, detail: 'specifying one of OnExitCodes and OnPodConditions is required' });
    if (codes) {
      const cp = `${p}.onExitCodes`;
      if (codes.containerName != null && !names.has(codes.containerName)) {
        errors.push({ type: 'Invalid value', field: `${cp}.containerName`, value: goQuote(codes.containerName), detail: 'must be one of the container or initContainer names in the pod template' });
      }
      if (codes.operator !== 'In' && codes.operator !== 'NotIn') errors.push(notSupported(`${cp}.operator`, codes.operator ?? '', ['In', 'NotIn']));
      const values = codes.values ?? [];
      if (values.length === 0) errors.push({ type: 'Invalid value', field: `${cp}.values`, value: '[]int32(nil)', detail: 'at least one value is required' });
      values.forEach((v, j) => {
        if (codes.operator === 'In' && v === 0) errors.push({ type: 'Invalid value', field: `${cp}.values[${j}]`, value: '0', detail: 'must not be 0 for the In operator' });
        if (j > 0 && values[j - 1] > v) errors.push({ type: 'Invalid value', field: `${cp}.values[${j}]`, value: String(v), detail: 'must be ordered' });
        if (j > 0 && values[j - 1] === v) errors.push({ type: 'Duplicate value', field: `${cp}.values[${j}]`, value: String(v) });
      });
    }
  });
  return errors;
}

export interface PolicyVerdict {
  action: string;
  index: number;
  /** The FailJob message: `Container main for pod default/x failed with exit code 42 matching FailJob rule at index 1`. */
  message: string;
}

/** The first rule a failed pod matches, if any. */
export function matchPodFailurePolicy(policy: PodFailurePolicy | undefined, pod: { metadata: { name?: string; namespace?: string }; status?: PodStatus }): PolicyVerdict | undefined {
  if (!policy) return undefined;
  const rules = policy.rules ?? [];
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i];
    const who = `pod ${pod.metadata.namespace}/${pod.metadata.name}`;
    if (rule.onExitCodes) {
      const hit = exitCodeMatch(rule, pod.status);
      if (hit) return { action: rule.action, index: i, message: `Container ${hit.name} for ${who} failed with exit code ${hit.code} matching ${rule.action} rule at index ${i}` };
    } else if (rule.onPodConditions?.length) {
      for (const pattern of rule.onPodConditions) {
        const found = (pod.status?.conditions ?? []).find((c) => c.type === pattern.type && c.status === (pattern.status || 'True'));
        if (found) return { action: rule.action, index: i, message: `Pod ${pod.metadata.namespace}/${pod.metadata.name} has condition ${pattern.type} matching ${rule.action} rule at index ${i}` };
      }
    }
  }
  return undefined;
}

function exitCodeMatch(rule: PodFailurePolicyRule, status: PodStatus | undefined): { name: string; code: number } | undefined {
  const req = rule.onExitCodes!;
  const statuses = [...(status?.initContainerStatuses ?? []), ...(status?.containerStatuses ?? [])];
  for (const cs of statuses) {
    if (req.containerName && cs.name !== req.containerName) continue;
    const code = cs.state?.terminated?.exitCode;
    if (code === undefined || code === 0) continue;
    const inList = req.values.includes(code);
    if (req.operator === 'In' ? inList : !inList) return { name: cs.name, code };
  }
  return undefined;
}
