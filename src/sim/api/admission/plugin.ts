/**
 * An admission plugin (k8s.io/apiserver/pkg/admission): it sees each create after the kind's
 * defaults and may fill fields (`admit`, mutating), or reject it once the object is validated
 * (`validate`). The api-server runs every plugin's `admit` in order, then every `validate`.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { KObject } from '../../core/object';
import type { ResourceType } from '../registry';

/** What a plugin is told about a request (admission.Attributes, made small: creates only). */
export interface AdmissionRequest {
  resource: ResourceType;
  /** The object being created: a private copy `admit` may change. */
  object: KObject;
  dryRun: boolean;
}

export interface AdmissionPlugin {
  /** The name kube-apiserver's `--enable-admission-plugins` knows it by. */
  readonly name: string;
  /** Mutating admission: fills fields of the new object. */
  admit?(request: AdmissionRequest): void;
  /** Validating admission: throws a StatusError to reject the request. */
  validate?(request: AdmissionRequest): void;
  /** Validating admission of an UPDATE (after validation): throws a StatusError to reject it. */
  validateUpdate?(resource: ResourceType, object: KObject, old: KObject): void;
  /** Admission of a DELETE of `name` (before anything is marked or removed): throws to refuse it. */
  validateDelete?(resource: ResourceType, namespace: string | undefined, name: string): void;
}

/** The pod being created, when the request creates one (decoded as a Pod by the api-server). */
export function podOf(request: AdmissionRequest): (Pod & KObject) | undefined {
  return request.resource.plural === 'pods' ? (request.object as Pod & KObject) : undefined;
}
