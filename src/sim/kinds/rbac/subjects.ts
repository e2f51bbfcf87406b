/**
 * A binding's roleRef and subjects: v1 defaulting (SetDefaults_Subject, SetDefaults_RoleBinding),
 * validation (ValidateRoleBindingSubject), and `rbac.SubjectsStrings` for the wide columns.
 */
import type { RoleRef, Subject } from 'kubernetes-types/rbac/v1';
import type { FieldError } from '../../api/errors';
import { goQuote } from '../../core/gostr';
import { isDNS1123Subdomain } from '../../core/names';
import { objects } from '../util';
import { isValidPathSegmentName, RBAC_GROUP } from './policy-rule';

export interface Binding {
  roleRef?: RoleRef;
  subjects?: Subject[];
}

export function defaultBinding(b: Binding): void {
  if (b.roleRef && typeof b.roleRef === 'object' && !b.roleRef.apiGroup) b.roleRef.apiGroup = RBAC_GROUP;
  for (const s of objects(b.subjects ?? [])) {
    if (!s.apiGroup && (s.kind === 'User' || s.kind === 'Group')) s.apiGroup = RBAC_GROUP;
  }
}

const unsupported = (field: string, value: string, supported: string[]): FieldError => ({
  type: 'Unsupported value',
  field,
  value: goQuote(value),
  detail: `supported values: ${supported.map(goQuote).join(', ')}`,
});

/** ValidateRoleBinding / ValidateClusterRoleBinding: `kinds` are the roleRef kinds allowed. */
export function validateBinding(b: Binding, namespaced: boolean): FieldError[] {
  const errors: FieldError[] = [];
  const ref = b.roleRef ?? ({} as RoleRef);
  if (ref.apiGroup !== RBAC_GROUP) errors.push(unsupported('roleRef.apiGroup', ref.apiGroup ?? '', [RBAC_GROUP]));
  const kinds = namespaced ? ['Role', 'ClusterRole'] : ['ClusterRole'];
  if (!kinds.includes(ref.kind)) errors.push(unsupported('roleRef.kind', ref.kind ?? '', kinds));
  if (!ref.name) errors.push({ type: 'Required value', field: 'roleRef.name' });
  else for (const msg of isValidPathSegmentName(ref.name)) errors.push({ type: 'Invalid value', field: 'roleRef.name', value: goQuote(ref.name), detail: msg });
  objects(b.subjects ?? []).forEach((s, i) => errors.push(...validateSubject(s, namespaced, `subjects[${i}]`)));
  return errors;
}

function validateSubject(s: Subject, namespaced: boolean, path: string): FieldError[] {
  const errors: FieldError[] = [];
  if (!s.name) errors.push({ type: 'Required value', field: `${path}.name` });
  switch (s.kind) {
    case 'ServiceAccount':
      if (s.name) for (const msg of isDNS1123Subdomain(s.name)) errors.push({ type: 'Invalid value', field: `${path}.name`, value: goQuote(s.name), detail: msg });
      if (s.apiGroup) errors.push(unsupported(`${path}.apiGroup`, s.apiGroup, ['']));
      if (!namespaced && !s.namespace) errors.push({ type: 'Required value', field: `${path}.namespace` });
      break;
    case 'User':
    case 'Group':
      if (s.apiGroup !== RBAC_GROUP) errors.push(unsupported(`${path}.apiGroup`, s.apiGroup ?? '', [RBAC_GROUP]));
      break;
    default:
      errors.push(unsupported(`${path}.kind`, s.kind ?? '', ['ServiceAccount', 'User', 'Group']));
  }
  return errors;
}

/** ValidateRoleBindingUpdate: the roleRef is fixed once made (%#v of the internal rbac.RoleRef). */
export function validateRoleRefUnchanged(b: Binding, old: Binding): FieldError[] {
  const ref = b.roleRef ?? ({} as RoleRef);
  const was = old.roleRef ?? ({} as RoleRef);
  if (ref.apiGroup === was.apiGroup && ref.kind === was.kind && ref.name === was.name) return [];
  const value = `rbac.RoleRef{APIGroup:${goQuote(ref.apiGroup ?? '')}, Kind:${goQuote(ref.kind ?? '')}, Name:${goQuote(ref.name ?? '')}}`;
  return [{ type: 'Invalid value', field: 'roleRef', value, detail: 'cannot change roleRef' }];
}

/** rbac.SubjectsStrings: users, groups, and service accounts as `namespace/name`. */
export function subjectsStrings(subjects: readonly Subject[] | undefined): [string, string, string] {
  const users: string[] = [];
  const groups: string[] = [];
  const sas: string[] = [];
  for (const s of objects(subjects ?? [])) {
    if (s.kind === 'ServiceAccount') sas.push(`${s.namespace ?? ''}/${s.name}`);
    else if (s.kind === 'User') users.push(s.name);
    else if (s.kind === 'Group') groups.push(s.name);
  }
  return [users.join(', '), groups.join(', '), sas.join(', ')];
}
