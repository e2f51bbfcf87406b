/**
 * core/v1 ServiceAccount (pkg/registry/core/serviceaccount): no defaults, the generic name
 * rules, and the SECRETS column (`len(secrets)`: 0 since token Secrets stopped being made in
 * 1.24). The serviceaccounts controller makes `default` in every namespace.
 */
import type { ServiceAccount } from 'kubernetes-types/core/v1';
import { ALL_VERBS, defineKind } from '../kind';
import { AGE, ageCell, NAME, nameCell } from '../printing/cells';

export const DEFAULT_SERVICE_ACCOUNT = 'default';

export const serviceAccountKind = defineKind<ServiceAccount>({
  group: '', version: 'v1', kind: 'ServiceAccount', plural: 'serviceaccounts', singular: 'serviceaccount', shortNames: ['sa'], namespaced: true, verbs: ALL_VERBS,
  strategy: {},
  printer: {
    columns: [NAME, { name: 'Secrets' }, AGE],
    cells: (sa, { now }) => [nameCell(sa), String(sa.secrets?.length ?? 0), ageCell(sa, now)],
  },
  graph: { draw: 'none' },
});
