/**
 * Validation of ObjectMeta shared by all kinds (names, namespace, labels, annotations,
 * owner references, finalizers), following apimachinery's ValidateObjectMetaAccessor.
 */
import type { KObject } from '../core/object';
import { isPlainObject } from '../core/object';
import { goQuote } from '../core/gostr';
import { isDNS1123Label, isQualifiedName, isValidLabelValue, nameIsDNS1035Label, nameIsDNSLabel, nameIsDNSSubdomain, type NameValidator } from '../core/names';
import type { FieldError } from '../api/errors';
import type { ResourceType } from './kind';
import { isValidPathSegmentName } from './rbac/policy-rule';

/** Names each kind accepts: Services are DNS-1035 labels, Namespaces DNS-1123 labels, the rest subdomains. */
const NAME_VALIDATORS: Record<string, NameValidator> = {
  Service: nameIsDNS1035Label,
  Namespace: nameIsDNSLabel,
  // ValidateStatefulSetName: a pod's hostname is `<name>-<i>`.
  StatefulSet: nameIsDNSLabel,
  Role: isValidPathSegmentName,
  ClusterRole: isValidPathSegmentName,
  RoleBinding: isValidPathSegmentName,
  ClusterRoleBinding: isValidPathSegmentName,
};

export function nameValidatorFor(kind: string): NameValidator {
  return NAME_VALIDATORS[kind] ?? nameIsDNSSubdomain;
}

const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

export function validateObjectMeta(obj: KObject, t: ResourceType): FieldError[] {
  const errors: FieldError[] = [];
  const meta = obj.metadata;
  const nameFn = nameValidatorFor(t.kind);
  if (typeof meta.generateName === 'string' && meta.generateName) {
    for (const msg of nameFn(meta.generateName, true)) errors.push({ type: 'Invalid value', field: 'metadata.generateName', value: goQuote(meta.generateName), detail: msg });
  }
  if (!meta.name) {
    errors.push({ type: 'Required value', field: 'metadata.name', detail: 'name or generateName is required' });
  } else {
    for (const msg of nameFn(meta.name, false)) errors.push({ type: 'Invalid value', field: 'metadata.name', value: goQuote(meta.name), detail: msg });
  }
  if (t.namespaced) {
    if (!meta.namespace) errors.push({ type: 'Required value', field: 'metadata.namespace' });
    else for (const msg of isDNS1123Label(meta.namespace)) errors.push({ type: 'Invalid value', field: 'metadata.namespace', value: goQuote(meta.namespace), detail: msg });
  } else if (meta.namespace) {
    errors.push({ type: 'Forbidden', field: 'metadata.namespace', detail: 'not allowed on this type' });
  }
  if (typeof meta.generation === 'number' && meta.generation < 0) {
    errors.push({ type: 'Invalid value', field: 'metadata.generation', value: String(meta.generation), detail: 'must be greater than or equal to 0' });
  }
  errors.push(...validateLabels(meta.labels, 'metadata.labels'));
  errors.push(...validateAnnotations(meta.annotations, 'metadata.annotations'));
  errors.push(...validateOwnerReferences(obj));
  for (const [i, f] of (meta.finalizers ?? []).entries()) {
    for (const msg of isQualifiedName(f)) errors.push({ type: 'Invalid value', field: `metadata.finalizers[${i}]`, value: goQuote(f), detail: msg });
  }
  return errors;
}

export function validateLabels(labels: Record<string, string> | undefined, path: string): FieldError[] {
  const errors: FieldError[] = [];
  if (!isPlainObject(labels)) return errors;
  for (const [k, v] of Object.entries(labels)) {
    for (const msg of isQualifiedName(k)) errors.push({ type: 'Invalid value', field: path, value: goQuote(k), detail: msg });
    for (const msg of isValidLabelValue(String(v))) errors.push({ type: 'Invalid value', field: `${path}[${k}]`, value: goQuote(String(v)), detail: msg });
  }
  return errors;
}

export function validateAnnotations(annotations: Record<string, string> | undefined, path: string): FieldError[] {
  const errors: FieldError[] = [];
  if (!isPlainObject(annotations)) return errors;
  let size = 0;
  for (const [k, v] of Object.entries(annotations)) {
    for (const msg of isQualifiedName(k.toLowerCase())) errors.push({ type: 'Invalid value', field: path, value: goQuote(k), detail: msg });
    size += k.length + String(v).length;
  }
  if (size > TOTAL_ANNOTATION_SIZE_LIMIT) errors.push({ type: 'Too long', field: path, detail: `may not be more than ${TOTAL_ANNOTATION_SIZE_LIMIT} bytes` });
  return errors;
}

function validateOwnerReferences(obj: KObject): FieldError[] {
  const errors: FieldError[] = [];
  const refs = obj.metadata.ownerReferences ?? [];
  const controllers: string[] = [];
  refs.forEach((r, i) => {
    const path = `metadata.ownerReferences[${i}]`;
    if (!r.apiVersion) errors.push({ type: 'Invalid value', field: `${path}.apiVersion`, value: goQuote(r.apiVersion ?? ''), detail: 'version must not be empty' });
    if (!r.kind) errors.push({ type: 'Invalid value', field: `${path}.kind`, value: goQuote(r.kind ?? ''), detail: 'kind must not be empty' });
    if (!r.name) errors.push({ type: 'Invalid value', field: `${path}.name`, value: goQuote(r.name ?? ''), detail: 'name must not be empty' });
    if (!r.uid) errors.push({ type: 'Invalid value', field: `${path}.uid`, value: goQuote(r.uid ?? ''), detail: 'uid must not be empty' });
    if (r.controller) controllers.push(`${r.kind}/${r.name}`);
  });
  if (controllers.length > 1) {
    errors.push({
      type: 'Invalid value',
      field: 'metadata.ownerReferences',
      value: '[]v1.OwnerReference{…}',
      detail: `Only one reference can have Controller set to true. Found "true" in references for ${controllers.join(' and ')}`,
    });
  }
  return errors;
}
