/**
 * A container's `resources` as 1.32 validates them (ValidateContainerResourceRequirements and
 * the pkg/apis/core/helper predicates it leans on). Resource names print bare in the errors:
 * core.ResourceName has a String() method, and field errors print Stringers unquoted.
 */
import { goQuote } from '../../core/gostr';
import { isQualifiedName } from '../../core/names';
import { quantityString, tryParseQuantity, type Quantity } from '../../core/quantity';
import type { FieldError } from '../../api/errors';
import { obj } from '../util';
import type { ResourceRequirements } from 'kubernetes-types/core/v1';

const STANDARD_CONTAINER_RESOURCES = ['cpu', 'memory', 'ephemeral-storage'];
const STANDARD_RESOURCES = [
  'cpu', 'memory', 'ephemeral-storage', 'requests.cpu', 'requests.memory', 'requests.ephemeral-storage',
  'limits.cpu', 'limits.memory', 'limits.ephemeral-storage', 'pods', 'resourcequotas', 'services',
  'replicationcontrollers', 'secrets', 'configmaps', 'persistentvolumeclaims', 'storage', 'requests.storage',
  'services.nodeports', 'services.loadbalancers',
];
const HUGEPAGES = 'hugepages-';
const NANO = 1_000_000_000n;

/** Quantities arrive as strings or JSON numbers; ones that do not parse were refused earlier. */
export function validateResources(res: ResourceRequirements | undefined, path: string, errors: FieldError[]): void {
  if (!res) return;
  const limits = obj(res.limits) ?? {};
  const requests = obj(res.requests) ?? {};
  let cpuOrMemory = false;
  let hugePages = false;
  for (const [name, raw] of Object.entries(limits)) {
    const p = `${path}.limits[${name}]`;
    validateContainerResourceName(name, p, errors);
    const q = tryParseQuantity(raw);
    if (q) validateQuantity(name, q, p, errors);
    if (name.startsWith(HUGEPAGES)) hugePages = true;
    if (name === 'cpu' || name === 'memory') cpuOrMemory = true;
  }
  for (const [name, raw] of Object.entries(requests)) {
    const p = `${path}.requests[${name}]`;
    validateContainerResourceName(name, p, errors);
    const q = tryParseQuantity(raw);
    if (q) {
      validateNonNegative(q, p, errors);
      compareWithLimit(name, q, limits[name], path, errors);
      validateHugePageValue(name, q, p, errors);
    }
    if (name.startsWith(HUGEPAGES)) hugePages = true;
    if (name === 'cpu' || name === 'memory') cpuOrMemory = true;
  }
  if (hugePages && !cpuOrMemory) errors.push({ type: 'Forbidden', field: path, detail: 'HugePages require cpu or memory' });
}

/** validateContainerResourceName: both "standard" complaints can fire for one bare name. */
export function validateContainerResourceName(name: string, path: string, errors: FieldError[]): void {
  const msgs = isQualifiedName(name);
  for (const msg of msgs) errors.push({ type: 'Invalid value', field: path, value: name, detail: msg });
  const bare = !name.includes('/');
  if (msgs.length === 0 && bare && !isStandardResourceName(name)) {
    errors.push({ type: 'Invalid value', field: path, value: name, detail: 'must be a standard resource type or fully qualified' });
  }
  if (bare) {
    if (!STANDARD_CONTAINER_RESOURCES.includes(name) && !name.startsWith(HUGEPAGES)) {
      errors.push({ type: 'Invalid value', field: path, value: name, detail: 'must be a standard resource for containers' });
    }
  } else if (!isNativeResource(name) && !isExtendedResourceName(name)) {
    errors.push({ type: 'Invalid value', field: path, value: name, detail: "doesn't follow extended resource name standard" });
  }
}

function validateQuantity(name: string, q: Quantity, path: string, errors: FieldError[]): void {
  validateNonNegative(q, path, errors);
  validateHugePageValue(name, q, path, errors);
}

function validateNonNegative(q: Quantity, path: string, errors: FieldError[]): void {
  if (q.nanos < 0n) errors.push({ type: 'Invalid value', field: path, value: goQuote(quantityString(q)), detail: 'must be greater than or equal to 0' });
}

/** Request ≤ limit; resources that cannot overcommit need request = limit, and a limit at all. */
function compareWithLimit(name: string, req: Quantity, rawLimit: unknown, path: string, errors: FieldError[]): void {
  const overcommit = isNativeResource(name) && !name.startsWith(HUGEPAGES);
  if (rawLimit === undefined) {
    if (!overcommit) errors.push({ type: 'Required value', field: `${path}.limits`, detail: 'Limit must be set for non overcommitable resources' });
    return;
  }
  const lim = tryParseQuantity(rawLimit as string | number);
  if (!lim) return;
  const value = goQuote(quantityString(req));
  if (req.nanos !== lim.nanos && !overcommit) {
    errors.push({ type: 'Invalid value', field: `${path}.requests`, value, detail: `must be equal to ${name} limit of ${quantityString(lim)}` });
  } else if (req.nanos > lim.nanos) {
    errors.push({ type: 'Invalid value', field: `${path}.requests`, value, detail: `must be less than or equal to ${name} limit of ${quantityString(lim)}` });
  }
}

/** hugepages-<size> must be a whole number of pages (Quantity.Value() rounds up). */
function validateHugePageValue(name: string, q: Quantity, path: string, errors: FieldError[]): void {
  if (!name.startsWith(HUGEPAGES)) return;
  const page = tryParseQuantity(name.slice(HUGEPAGES.length));
  const value = ceilDiv(q.nanos, NANO);
  const divisible = page !== undefined && page.nanos > 0n && page.nanos % NANO === 0n && value % (page.nanos / NANO) === 0n;
  if (!divisible) {
    const text = quantityString(q);
    errors.push({ type: 'Invalid value', field: path, value: goQuote(text), detail: `${text} is not positive integer multiple of ${name}` });
  }
}

function ceilDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return q * b === a || a < 0n ? q : q + 1n;
}

/** validateResourceName: a qualified name, and a standard one when it has no domain. */
export function validateResourceName(name: string, path: string, errors: FieldError[]): void {
  const msgs = isQualifiedName(name);
  for (const msg of msgs) errors.push({ type: 'Invalid value', field: path, value: name, detail: msg });
  if (!msgs.length && !name.includes('/') && !isStandardResourceName(name)) {
    errors.push({ type: 'Invalid value', field: path, value: name, detail: 'must be a standard resource type or fully qualified' });
  }
}

function isStandardResourceName(name: string): boolean {
  return STANDARD_RESOURCES.includes(name) || name.startsWith(HUGEPAGES) || name.startsWith(`requests.${HUGEPAGES}`);
}

/** Bare names and anything under kubernetes.io/ are native. */
function isNativeResource(name: string): boolean {
  return !name.includes('/') || name.includes('kubernetes.io/');
}

function isExtendedResourceName(name: string): boolean {
  if (isNativeResource(name) || name.startsWith('requests.')) return false;
  return isQualifiedName(`requests.${name}`).length === 0;
}
