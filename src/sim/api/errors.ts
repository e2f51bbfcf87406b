/**
 * Kubernetes `Status` errors, shaped as the api-server returns them so that kubectl can
 * print them the way the real one does.
 */
export type StatusReason =
  | 'NotFound'
  | 'AlreadyExists'
  | 'Invalid'
  | 'Conflict'
  | 'BadRequest'
  | 'Unauthorized'
  | 'Forbidden'
  | 'MethodNotAllowed'
  | 'RequestEntityTooLarge'
  | 'InternalError'
  | 'ServiceUnavailable'
  /** StatusReasonUnknown: a plain error the api-server passed on (a kubelet it could not reach). */
  | '';

export interface StatusCause {
  /** e.g. `FieldValueRequired`, `FieldValueInvalid`. */
  reason: string;
  /** Full text of the cause, e.g. `spec.selector: Required value`. */
  message: string;
  field?: string;
}

export interface Status {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Failure';
  message: string;
  reason: StatusReason;
  details?: { name?: string; group?: string; kind?: string; causes?: StatusCause[] };
  code: number;
}

const CODES: Record<StatusReason, number> = {
  '': 500,
  NotFound: 404,
  AlreadyExists: 409,
  Invalid: 422,
  Conflict: 409,
  BadRequest: 400,
  Unauthorized: 401,
  Forbidden: 403,
  MethodNotAllowed: 405,
  RequestEntityTooLarge: 413,
  InternalError: 500,
  ServiceUnavailable: 503,
};

export class StatusError extends Error {
  constructor(readonly status: Status) {
    super(status.message);
  }
  get reason(): StatusReason {
    return this.status.reason;
  }
  get code(): number {
    return this.status.code;
  }
}

export function statusError(reason: StatusReason, message: string, details?: Status['details']): StatusError {
  return new StatusError({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    details,
    code: CODES[reason],
  });
}

/** `deployments.apps`, `pods`: the way errors name a resource. */
export function qualifiedResource(plural: string, group: string): string {
  return group ? `${plural}.${group}` : plural;
}

export function notFound(plural: string, group: string, name: string): StatusError {
  return statusError('NotFound', `${qualifiedResource(plural, group)} "${name}" not found`, { name, group, kind: plural });
}

export function alreadyExists(plural: string, group: string, name: string): StatusError {
  return statusError('AlreadyExists', `${qualifiedResource(plural, group)} "${name}" already exists`, { name, group, kind: plural });
}

export function conflict(plural: string, group: string, name: string): StatusError {
  return statusError(
    'Conflict',
    `Operation cannot be fulfilled on ${qualifiedResource(plural, group)} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
    { name, group, kind: plural },
  );
}

export function forbidden(plural: string, group: string, name: string, why: string): StatusError {
  return statusError('Forbidden', `${qualifiedResource(plural, group)} "${name}" is forbidden: ${why}`, { name, group, kind: plural });
}

/** One field error: `<path>: <Type>[: <value>][: <detail>]`. */
export interface FieldError {
  type: 'Required value' | 'Invalid value' | 'Unsupported value' | 'Forbidden' | 'Duplicate value' | 'Too long' | 'Too many' | 'Not found';
  field: string;
  /** Already rendered in Go's style (quoted string, bare number, `map[string]string{…}`). */
  value?: string;
  detail?: string;
}

const CAUSE_REASON: Record<FieldError['type'], string> = {
  'Required value': 'FieldValueRequired',
  'Invalid value': 'FieldValueInvalid',
  'Unsupported value': 'FieldValueNotSupported',
  Forbidden: 'FieldValueForbidden',
  'Duplicate value': 'FieldValueDuplicate',
  'Too long': 'FieldValueTooLong',
  'Too many': 'FieldValueTooMany',
  'Not found': 'FieldValueNotFound',
};

export function renderFieldError(e: FieldError): string {
  let s = `${e.field}: ${e.type}`;
  if (e.value !== undefined) s += `: ${e.value}`;
  if (e.detail) s += `: ${e.detail}`;
  return s;
}

/** 422 Invalid: `Deployment.apps "web" is invalid: [cause, cause]`. kubectl re-renders the causes. */
export function invalid(kind: string, group: string, name: string, errors: FieldError[]): StatusError {
  const causes = errors.map((e) => ({ reason: CAUSE_REASON[e.type], message: renderFieldError(e), field: e.field }));
  const list = causes.map((c) => c.message);
  const qualified = group ? `${kind}.${group}` : kind;
  const message = `${qualified} "${name}" is invalid: ${list.length === 1 ? list[0] : `[${list.join(', ')}]`}`;
  return statusError('Invalid', message, { name, group, kind, causes });
}

/** Go's %q for a string value in a field error. */
export function goQuote(s: string): string {
  return JSON.stringify(s);
}
