/**
 * The object shapes the controllers read: kubernetes-types' specs and statuses on top of the
 * sim's `KObject` (whose metadata is always present).
 */
import type { DeploymentSpec, DeploymentStatus, ReplicaSetSpec, ReplicaSetStatus } from 'kubernetes-types/apps/v1';
import type { PodSpec, PodStatus } from 'kubernetes-types/core/v1';
import type { KObject } from '../../core/object';

export interface PodObject extends KObject {
  spec?: PodSpec;
  status?: PodStatus;
}

export interface ReplicaSetObject extends KObject {
  spec: ReplicaSetSpec;
  status?: ReplicaSetStatus;
}

export interface DeploymentObject extends KObject {
  spec: DeploymentSpec;
  status?: DeploymentStatus;
}
