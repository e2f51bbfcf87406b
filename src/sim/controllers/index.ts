/** Starts every controller of the controller-manager, sharing one informer per resource. */
import type { SimContext } from '../context';
import { startDeploymentController, type DeploymentController } from './deployment';
import { startGarbageCollector, type GarbageCollector } from './garbage-collector';
import { startNamespaceController, type NamespaceController } from './namespace';
import { startReplicaSetController, type ReplicaSetController } from './replicaset';
import { startResourceQuotaController, type ResourceQuotaController } from './resourcequota';
import { SharedInformers } from './shared-informers';

export interface ControllerManager {
  informers: SharedInformers;
  replicaSets: ReplicaSetController;
  deployments: DeploymentController;
  garbageCollector: GarbageCollector;
  namespaces: NamespaceController;
  resourceQuotas: ResourceQuotaController;
}

export function startControllers(ctx: SimContext, informers = new SharedInformers(ctx.store)): ControllerManager {
  return {
    informers,
    replicaSets: startReplicaSetController(ctx, informers),
    deployments: startDeploymentController(ctx, informers),
    garbageCollector: startGarbageCollector(ctx),
    namespaces: startNamespaceController(ctx, informers),
    resourceQuotas: startResourceQuotaController(ctx, informers),
  };
}
