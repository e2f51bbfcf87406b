/**
 * Who a request is from (apiserver's user.Info): a name and groups. The kubeconfig's user on a
 * kind 1.32 cluster is `kubernetes-admin` in `kubeadm:cluster-admins` (bound to cluster-admin);
 * a service account is `system:serviceaccount:<ns>:<name>` in the service-account groups; and
 * impersonation (`--as`, `--as-group`) adds `system:authenticated` as the impersonation filter does.
 */
export interface UserInfo {
  name: string;
  groups: string[];
}

export const ALL_AUTHENTICATED = 'system:authenticated';
export const ALL_UNAUTHENTICATED = 'system:unauthenticated';
const SA_PREFIX = 'system:serviceaccount:';

export const KUBERNETES_ADMIN: UserInfo = { name: 'kubernetes-admin', groups: ['kubeadm:cluster-admins', ALL_AUTHENTICATED] };

/** serviceaccount.MakeUsername. */
export function serviceAccountUsername(namespace: string, name: string): string {
  return `${SA_PREFIX}${namespace}:${name}`;
}

/** serviceaccount.SplitUsername: the namespace and name of a service account's user name. */
export function splitServiceAccountUsername(username: string): { namespace: string; name: string } | undefined {
  if (!username.startsWith(SA_PREFIX)) return undefined;
  const parts = username.slice(SA_PREFIX.length).split(':');
  if (parts.length !== 2 || !parts[0] || !parts[1]) return undefined;
  return { namespace: parts[0], name: parts[1] };
}

/** serviceaccount.MakeGroupNames. */
export function serviceAccountGroups(namespace: string): string[] {
  return ['system:serviceaccounts', `system:serviceaccounts:${namespace}`];
}

/** The user an impersonating request acts as (the api-server's WithImpersonation filter). */
export function impersonatedUser(name: string, groups: readonly string[]): UserInfo {
  const sa = splitServiceAccountUsername(name);
  const all = groups.length === 0 && sa ? serviceAccountGroups(sa.namespace) : [...groups];
  if (name !== 'system:anonymous' && !all.some((g) => g === ALL_AUTHENTICATED || g === ALL_UNAUTHENTICATED)) all.push(ALL_AUTHENTICATED);
  return { name, groups: all };
}
