/**
 * A container's probes and lifecycle hooks as 1.32 validates them (validateLivenessProbe,
 * validateReadinessProbe, validateStartupProbe, validateLifecycle and the validateHandler they
 * share). A named port is only checked for its form: whether the container has it is the
 * kubelet's concern at probe time, not the api-server's.
 */
import { goQuote } from '../../core/gostr';
import { isValidPortName, isValidPortNum, regexError } from '../../core/names';
import type { FieldError } from '../../api/errors';
import { obj, objects, str } from '../util';
import type { Container, ExecAction, GRPCAction, HTTPGetAction, Lifecycle, Probe, TCPSocketAction } from 'kubernetes-types/core/v1';

type ProbeKind = 'livenessProbe' | 'readinessProbe' | 'startupProbe';
/** kubernetes-types 1.30 lacks the lifecycle `sleep` action (beta, on by default in 1.32). */
interface Handler {
  exec?: ExecAction;
  httpGet?: HTTPGetAction;
  tcpSocket?: TCPSocketAction;
  grpc?: GRPCAction;
  sleep?: { seconds?: number };
}

const PROBE_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc'] as const;
const LIFECYCLE_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'sleep'] as const;
const HTTP_SCHEMES = ['HTTP', 'HTTPS'];
const NON_NEGATIVE = ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold'] as const;
const HTTP_HEADER_NAME = /^[-A-Za-z0-9]+$/;

/** Lifecycle, then liveness, readiness and startup probes, in validateContainers' order. */
export function validateProbesAndLifecycle(c: Container, path: string, gracePeriod: number | undefined, errors: FieldError[]): void {
  const lifecycle = obj(c.lifecycle) as Lifecycle | undefined;
  if (lifecycle) {
    for (const hook of ['postStart', 'preStop'] as const) {
      const h = obj(lifecycle[hook]);
      if (h) validateHandler(h, LIFECYCLE_HANDLERS, `${path}.lifecycle.${hook}`, gracePeriod, errors);
    }
  }
  for (const kind of ['livenessProbe', 'readinessProbe', 'startupProbe'] as const) {
    const probe = obj(c[kind]);
    if (probe) validateProbe(probe, kind, `${path}.${kind}`, gracePeriod, errors);
  }
}

function validateProbe(probe: Probe, kind: ProbeKind, path: string, gracePeriod: number | undefined, errors: FieldError[]): void {
  validateHandler(probe, PROBE_HANDLERS, path, gracePeriod, errors);
  for (const key of NON_NEGATIVE) {
    const v = probe[key];
    if (typeof v === 'number' && v < 0) errors.push({ type: 'Invalid value', field: `${path}.${key}`, value: String(v), detail: 'must be greater than or equal to 0' });
  }
  const tgps = probe.terminationGracePeriodSeconds;
  if (typeof tgps === 'number' && tgps <= 0) {
    errors.push({ type: 'Invalid value', field: `${path}.terminationGracePeriodSeconds`, value: String(tgps), detail: 'must be greater than 0' });
  }
  if (kind === 'readinessProbe') {
    if (tgps !== undefined && tgps !== null) {
      errors.push({ type: 'Invalid value', field: `${path}.terminationGracePeriodSeconds`, value: String(tgps), detail: 'must not be set for readinessProbes' });
    }
  } else if (probe.successThreshold !== 1) {
    // Defaulting turned an absent or 0 threshold into 1, so anything else was asked for.
    errors.push({ type: 'Invalid value', field: `${path}.successThreshold`, value: String(probe.successThreshold ?? 0), detail: 'must be 1' });
  }
}

/** Exactly one action: every one after the first is forbidden; only the first is checked. */
function validateHandler(h: Handler, kinds: readonly (keyof Handler)[], path: string, gracePeriod: number | undefined, errors: FieldError[]): void {
  let count = 0;
  for (const kind of kinds) {
    const action = h[kind];
    if (action === undefined || action === null) continue;
    const p = `${path}.${kind}`;
    if (count++ > 0) {
      errors.push({ type: 'Forbidden', field: p, detail: 'may not specify more than 1 handler type' });
      continue;
    }
    const a = (obj(action as object) ?? {}) as Record<string, unknown>;
    if (kind === 'exec') {
      if (!Array.isArray(a.command) || a.command.length === 0) errors.push({ type: 'Required value', field: `${p}.command` });
    } else if (kind === 'httpGet') {
      validateHTTPGet(a as unknown as HTTPGetAction, p, errors);
    } else if (kind === 'tcpSocket' || kind === 'grpc') {
      validatePortNumOrName(a.port, `${p}.port`, errors);
    } else {
      validateSleep(a as { seconds?: number }, p, gracePeriod, errors);
    }
  }
  if (count === 0) errors.push({ type: 'Required value', field: path, detail: 'must specify a handler type' });
}

function validateHTTPGet(http: HTTPGetAction, path: string, errors: FieldError[]): void {
  if (!http.path) errors.push({ type: 'Required value', field: `${path}.path` });
  validatePortNumOrName(http.port, `${path}.port`, errors);
  const scheme = str(http.scheme);
  if (!HTTP_SCHEMES.includes(scheme)) {
    errors.push({ type: 'Unsupported value', field: `${path}.scheme`, value: goQuote(scheme), detail: `supported values: ${HTTP_SCHEMES.map(goQuote).join(', ')}` });
  }
  for (const header of objects(http.httpHeaders)) {
    const name = str(header.name);
    if (!HTTP_HEADER_NAME.test(name)) {
      errors.push({ type: 'Invalid value', field: `${path}.httpHeaders`, value: goQuote(name), detail: regexError("a valid HTTP header must consist of alphanumeric characters or '-'", '[-A-Za-z0-9]+', 'X-Header-Name') });
    }
  }
}

/** An IntOrString port: a number in range, or an IANA_SVC_NAME. Absent means 0. */
function validatePortNumOrName(port: unknown, path: string, errors: FieldError[]): void {
  if (typeof port === 'string') {
    for (const msg of isValidPortName(port)) errors.push({ type: 'Invalid value', field: path, value: goQuote(port), detail: msg });
    return;
  }
  const n = typeof port === 'number' ? port : 0;
  for (const msg of isValidPortNum(n)) errors.push({ type: 'Invalid value', field: path, value: String(n), detail: msg });
}

/** 1.32 words this as before PodLifecycleSleepActionAllowZero (alpha, off): zero is refused. */
function validateSleep(sleep: { seconds?: number }, path: string, gracePeriod: number | undefined, errors: FieldError[]): void {
  const seconds = typeof sleep.seconds === 'number' ? sleep.seconds : 0;
  if (gracePeriod === undefined || (seconds > 0 && seconds <= gracePeriod)) return;
  errors.push({
    type: 'Invalid value',
    field: path,
    value: String(seconds),
    detail: `must be greater than 0 and less than terminationGracePeriodSeconds (${gracePeriod}). Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep.`,
  });
}
