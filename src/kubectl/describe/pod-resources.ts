/**
 * A pod's effective requests and limits as `describe node` sums them: kubectl's
 * resourcehelper.PodRequestsAndLimits (staging/src/k8s.io/kubectl/pkg/util/resource/resource.go):
 * the sum of the app containers and native sidecars (init containers with restartPolicy Always),
 * or the largest init container plus the sidecars started before it if that is more, plus the
 * pod's overhead. Sums are apimachinery Quantities: a sum keeps the format of its first term
 * (`64M` + `1Mi` prints in DecimalSI), which is what `describe` prints.
 */
import type { Container, Pod } from 'kubernetes-types/core/v1';
import { quantityString, tryParseQuantity, type Quantity } from '../../sim/core/quantity';

export type ResourceList = Map<string, Quantity>;

const TRACKED = ['cpu', 'memory', 'ephemeral-storage'];

function list(raw: Record<string, string | number> | undefined): ResourceList {
  const out: ResourceList = new Map();
  for (const name of TRACKED) {
    const q = raw?.[name] === undefined ? undefined : tryParseQuantity(raw[name]);
    if (q) out.set(name, q);
  }
  return out;
}

/** addResourceList: a missing entry takes a copy of the first term (and its format). */
export function addResourceList(into: ResourceList, more: ResourceList): void {
  for (const [name, q] of more) {
    const have = into.get(name);
    into.set(name, have ? { nanos: have.nanos + q.nanos, format: have.format } : { ...q });
  }
}

/** maxResourceList: the larger quantity wins, format and all. */
function maxResourceList(into: ResourceList, other: ResourceList): void {
  for (const [name, q] of other) {
    const have = into.get(name);
    if (!have || q.nanos > have.nanos) into.set(name, { ...q });
  }
}

function total(pod: Pod, of: (c: Container) => Record<string, string | number> | undefined): ResourceList {
  const sum: ResourceList = new Map();
  for (const c of pod.spec?.containers ?? []) addResourceList(sum, list(of(c)));
  const sidecars: ResourceList = new Map();
  const inits: ResourceList = new Map();
  for (const c of pod.spec?.initContainers ?? []) {
    let own = list(of(c));
    if (c.restartPolicy === 'Always') {
      addResourceList(sum, own);
      addResourceList(sidecars, own);
      own = sidecars;
    } else {
      const tmp: ResourceList = new Map();
      addResourceList(tmp, own);
      addResourceList(tmp, sidecars);
      own = tmp;
    }
    maxResourceList(inits, own);
  }
  maxResourceList(sum, inits);
  if (pod.spec?.overhead) addResourceList(sum, list(pod.spec.overhead as Record<string, string>));
  return sum;
}

/** A stored pod's requests already hold its limits where none were set (the api-server copies them). */
export function podRequests(pod: Pod): ResourceList {
  return total(pod, (c) => c.resources?.requests);
}

export function podLimits(pod: Pod): ResourceList {
  return total(pod, (c) => c.resources?.limits);
}

/** `Quantity.String()`; a resource nobody asked for is the zero Quantity, `0`. */
export function quantityOf(l: ResourceList, name: string): string {
  const q = l.get(name);
  return q ? quantityString(q) : '0';
}

/** MilliValue() for CPU, Value() for the rest: rounded up, as apimachinery does. */
export function amountOf(l: ResourceList, name: string): number {
  const q = l.get(name);
  if (!q) return 0;
  const unit = name === 'cpu' ? 1_000_000n : 1_000_000_000n;
  const whole = q.nanos / unit;
  return Number(whole * unit === q.nanos ? whole : whole + 1n);
}
