/**
 * rbac.authorization.k8s.io/v1 PolicyRule validation (pkg/apis/rbac/validation
 * ValidatePolicyRule), and RBAC's name rule: a path segment (`ValidateRBACName`), not a DNS name.
 */
import type { PolicyRule } from 'kubernetes-types/rbac/v1';
import type { FieldError } from '../../api/errors';
import { goStringSlice } from '../../core/gostr';
import { objects } from '../util';

export const RBAC_GROUP = 'rbac.authorization.k8s.io';

/** apimachinery's path.IsValidPathSegmentName (and …Prefix for generateName). */
export function isValidPathSegmentName(name: string, prefix = false): string[] {
  if (!prefix && (name === '.' || name === '..')) return [`may not be '${name}'`];
  const errors: string[] = [];
  for (const bad of ['/', '%']) if (name.includes(bad)) errors.push(`may not contain '${bad}'`);
  return errors;
}

export function validatePolicyRules(rules: readonly PolicyRule[] | null | undefined, namespaced: boolean, path = 'rules'): FieldError[] {
  return objects(rules ?? []).flatMap((rule, i) => validatePolicyRule(rule, namespaced, `${path}[${i}]`));
}

function validatePolicyRule(rule: PolicyRule, namespaced: boolean, path: string): FieldError[] {
  const errors: FieldError[] = [];
  if (!rule.verbs?.length) errors.push({ type: 'Required value', field: `${path}.verbs`, detail: 'verbs must contain at least one value' });
  const urls = rule.nonResourceURLs ?? [];
  if (urls.length) {
    const value = goStringSlice(urls);
    if (namespaced) errors.push({ type: 'Invalid value', field: `${path}.nonResourceURLs`, value, detail: 'namespaced rules cannot apply to non-resource URLs' });
    if (rule.apiGroups?.length || rule.resources?.length || rule.resourceNames?.length) {
      errors.push({ type: 'Invalid value', field: `${path}.nonResourceURLs`, value, detail: 'rules cannot apply to both regular resources and non-resource URLs' });
    }
    return errors;
  }
  if (!rule.apiGroups?.length) errors.push({ type: 'Required value', field: `${path}.apiGroups`, detail: 'resource rules must supply at least one api group' });
  if (!rule.resources?.length) errors.push({ type: 'Required value', field: `${path}.resources`, detail: 'resource rules must supply at least one resource' });
  return errors;
}
