/** What a request asks to do (apiserver's authorizer.Attributes), and the Forbidden answer when it may not. */
import { qualifiedResource, statusError, type StatusError } from '../api/errors';
import type { UserInfo } from './user';

export interface ResourceAttributes {
  verb: string;
  apiGroup: string;
  resource: string;
  subresource?: string;
  /** Empty for cluster-scoped resources and for cluster-wide lists. */
  namespace?: string;
  name?: string;
}

export interface NonResourceAttributes {
  verb: string;
  path: string;
}

export type Attributes = ResourceAttributes | NonResourceAttributes;

export function isResourceRequest(a: Attributes): a is ResourceAttributes {
  return 'resource' in a;
}

/** responsewriters.forbiddenMessage. */
export function forbiddenMessage(user: UserInfo, a: Attributes): string {
  if (!isResourceRequest(a)) return `User ${JSON.stringify(user.name)} cannot ${a.verb} path ${JSON.stringify(a.path)}`;
  const resource = a.subresource ? `${a.resource}/${a.subresource}` : a.resource;
  const where = a.namespace ? `in the namespace ${JSON.stringify(a.namespace)}` : 'at the cluster scope';
  return `User ${JSON.stringify(user.name)} cannot ${a.verb} resource ${JSON.stringify(resource)} in API group ${JSON.stringify(a.apiGroup)} ${where}`;
}

/** responsewriters.Forbidden: apierrors.NewForbidden(resource, name, message[: reason]). */
export function forbiddenError(user: UserInfo, a: Attributes, reason: string): StatusError {
  const msg = forbiddenMessage(user, a) + (reason ? `: ${reason}` : '');
  if (!isResourceRequest(a)) return statusError('Forbidden', `forbidden: ${msg}`);
  const qualified = qualifiedResource(a.resource, a.apiGroup);
  const message = a.name ? `${qualified} ${JSON.stringify(a.name)} is forbidden: ${msg}` : `${qualified} is forbidden: ${msg}`;
  return statusError('Forbidden', message, { name: a.name, group: a.apiGroup, kind: a.resource });
}
