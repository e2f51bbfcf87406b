/**
 * LimitRanger (plugin/pkg/admission/limitranger): a new pod's containers get the namespace's
 * LimitRange defaults (noted in the `kubernetes.io/limit-ranger` annotation), then pods and
 * claims are held to each range's min, max and limit/request ratio, refused with its messages.
 */
import type { Container, LimitRange, LimitRangeItem, PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import type { KObject } from '../../core/object';
import { quantityString, type Quantity } from '../../core/quantity';
import { parseList, podTotal, type ResourceList } from '../../core/resource-list';
import type { Store } from '../../core/store';
import { forbidden } from '../errors';
import type { AdmissionPlugin, AdmissionRequest } from './plugin';

export const LIMIT_RANGER_ANNOTATION = 'kubernetes.io/limit-ranger';

type Limits = Record<string, string | number>;

export function limitRanger(store: Store): AdmissionPlugin {
  const ranges = (ns: string) => store.list('limitranges', ns) as (LimitRange & KObject)[];
  return {
    name: 'LimitRanger',
    admit({ resource, object }: AdmissionRequest) {
      if (resource.plural !== 'pods') return;
      for (const lr of ranges(object.metadata.namespace!)) mergeDefaults(object as Pod & KObject, lr);
    },
    validate({ resource, object }: AdmissionRequest) {
      if (resource.plural !== 'pods' && resource.plural !== 'persistentvolumeclaims') return;
      for (const lr of ranges(object.metadata.namespace!)) {
        const errs = resource.plural === 'pods' ? validatePod(lr, object as Pod & KObject) : validateClaim(lr, object as PersistentVolumeClaim & KObject);
        if (errs.length) throw forbidden(resource.plural, '', object.metadata.name!, aggregate(errs));
      }
    },
  };
}

/** utilerrors.NewAggregate(...).Error(): one message alone, several in brackets, duplicates once. */
function aggregate(errs: string[]): string {
  const unique = [...new Set(errs)];
  return unique.length === 1 ? unique[0] : `[${unique.join(', ')}]`;
}

/** mergePodResourceRequirements with the range's Container defaults. */
function mergeDefaults(pod: Pod & KObject, lr: LimitRange): void {
  const item = (lr.spec?.limits ?? []).find((l) => l.type === 'Container');
  const defLimits = (item?.default ?? {}) as Limits;
  const defRequests = (item?.defaultRequest ?? {}) as Limits;
  const notes: string[] = [];
  const merge = (c: Container, kind: string) => {
    const res = (c.resources ??= {});
    const limits = (res.limits ??= {}) as Limits;
    const requests = (res.requests ??= {}) as Limits;
    const setLimits = Object.keys(defLimits).filter((k) => !(k in limits));
    const setRequests = Object.keys(defRequests).filter((k) => !(k in requests));
    for (const k of setLimits) limits[k] = defLimits[k];
    for (const k of setRequests) requests[k] = defRequests[k];
    if (setRequests.length) notes.push(`${setRequests.sort().join(', ')} request for ${kind} ${c.name}`);
    if (setLimits.length) notes.push(`${setLimits.sort().join(', ')} limit for ${kind} ${c.name}`);
  };
  for (const c of pod.spec?.containers ?? []) merge(c, 'container');
  for (const c of pod.spec?.initContainers ?? []) merge(c, 'init container');
  if (notes.length) pod.metadata.annotations = { ...pod.metadata.annotations, [LIMIT_RANGER_ANNOTATION]: `LimitRanger plugin set: ${notes.join('; ')}` };
}

function validatePod(lr: LimitRange, pod: Pod): string[] {
  const errs: string[] = [];
  for (const item of lr.spec?.limits ?? []) {
    if (item.type === 'Container') {
      for (const c of [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])]) {
        checkItem(item, parseList(c.resources?.requests as Limits), parseList(c.resources?.limits as Limits), errs);
      }
    }
    if (item.type === 'Pod') checkItem(item, podTotal(pod.spec, 'requests'), podTotal(pod.spec, 'limits'), errs);
  }
  return errs;
}

/** Claims: min and max of what is requested; a claim's limits are not user input. */
function validateClaim(lr: LimitRange, pvc: PersistentVolumeClaim): string[] {
  const errs: string[] = [];
  const requests = parseList(pvc.spec?.resources?.requests as Limits);
  for (const item of lr.spec?.limits ?? []) {
    if (item.type !== 'PersistentVolumeClaim') continue;
    for (const [k, v] of entries(item.min)) minConstraint(item.type, k, v, requests, new Map(), errs);
    for (const [k, v] of entries(item.max)) {
      const req = requests.get(k);
      if (!req) errs.push(`maximum ${k} usage per ${item.type} is ${quantityString(v)}.  No request is specified`);
      else if (req.nanos > v.nanos) errs.push(`maximum ${k} usage per ${item.type} is ${quantityString(v)}, but request is ${quantityString(req)}`);
    }
  }
  return errs;
}

function entries(list: LimitRangeItem['min']): [string, Quantity][] {
  return [...parseList(list as Limits)];
}

function checkItem(item: LimitRangeItem, requests: ResourceList, limits: ResourceList, errs: string[]): void {
  const type = item.type;
  for (const [k, v] of entries(item.min)) minConstraint(type, k, v, requests, limits, errs);
  for (const [k, v] of entries(item.max)) maxConstraint(type, k, v, requests, limits, errs);
  for (const [k, v] of entries(item.maxLimitRequestRatio)) ratioConstraint(type, k, v, requests, limits, errs);
}

const s = quantityString;

function minConstraint(type: string, k: string, enforced: Quantity, requests: ResourceList, limits: ResourceList, errs: string[]): void {
  const req = requests.get(k);
  const lim = limits.get(k);
  if (!req) errs.push(`minimum ${k} usage per ${type} is ${s(enforced)}.  No request is specified`);
  else if (enforced.nanos > req.nanos) errs.push(`minimum ${k} usage per ${type} is ${s(enforced)}, but request is ${s(req)}`);
  else if (lim && enforced.nanos > lim.nanos) errs.push(`minimum ${k} usage per ${type} is ${s(enforced)}, but limit is ${s(lim)}`);
}

function maxConstraint(type: string, k: string, enforced: Quantity, requests: ResourceList, limits: ResourceList, errs: string[]): void {
  const req = requests.get(k);
  const lim = limits.get(k);
  if (!lim) errs.push(`maximum ${k} usage per ${type} is ${s(enforced)}.  No limit is specified`);
  else if (lim.nanos > enforced.nanos) errs.push(`maximum ${k} usage per ${type} is ${s(enforced)}, but limit is ${s(lim)}`);
  else if (req && req.nanos > enforced.nanos) errs.push(`maximum ${k} usage per ${type} is ${s(enforced)}, but request is ${s(req)}`);
}

function ratioConstraint(type: string, k: string, enforced: Quantity, requests: ResourceList, limits: ResourceList, errs: string[]): void {
  const req = requests.get(k);
  const lim = limits.get(k);
  if (!req || req.nanos === 0n) return void errs.push(`${k} max limit to request ratio per ${type} is ${s(enforced)}, but no request is specified or request is 0`);
  if (!lim || lim.nanos === 0n) return void errs.push(`${k} max limit to request ratio per ${type} is ${s(enforced)}, but no limit is specified or limit is 0`);
  // limit > request × ratio, exactly: nanos × nanos on both sides.
  if (lim.nanos * 1_000_000_000n > req.nanos * enforced.nanos) {
    errs.push(`${k} max limit to request ratio per ${type} is ${s(enforced)}, but provided ratio is ${ratioText(lim.nanos, req.nanos)}`);
  }
}

/** limit/request to six decimals, rounded half to even (inf.Dec's QuoRound). */
function ratioText(lim: bigint, req: bigint): string {
  const scaled = lim * 1_000_000n;
  let q = scaled / req;
  const r = scaled % req;
  if (r * 2n > req || (r * 2n === req && q % 2n === 1n)) q += 1n;
  const text = q.toString().padStart(7, '0');
  return `${text.slice(0, -6)}.${text.slice(-6)}`;
}
