/** Starts every controller of the controller-manager, sharing one informer per resource. */
import type { SimContext } from '../context';
import { startDaemonSetController, type DaemonSetController } from './daemonset/daemonset';
import { startDeploymentController, type DeploymentController } from './deployment/deployment';
import { startGarbageCollector, type GarbageCollector } from './garbage-collector/garbage-collector';
import { startNamespaceController, type NamespaceController } from './namespace/namespace';
import { startPodGC, type PodGC } from './podgc/podgc';
import { startReplicaSetController, type ReplicaSetController } from './replicaset/replicaset';
import { startResourceQuotaController, type ResourceQuotaController } from './resourcequota/resourcequota';
import { SharedInformers } from '../informers/shared-informers';

export interface ControllerManager {
  informers: SharedInformers;
  replicaSets: ReplicaSetController;
  deployments: DeploymentController;
  garbageCollector: GarbageCollector;
  namespaces: NamespaceController;
  resourceQuotas: ResourceQuotaController;
  daemonSets: DaemonSetController;
  podGC: PodGC;
}

export function startControllers(ctx: SimContext, informers = new SharedInformers(ctx.store)): ControllerManager {
  return {
    informers,
    replicaSets: startReplicaSetController(ctx, informers),
    deployments: startDeploymentController(ctx, informers),
    garbageCollector: startGarbageCollector(ctx),
    namespaces: startNamespaceController(ctx, informers),
    resourceQuotas: startResourceQuotaController(ctx, informers),
    daemonSets: startDaemonSetController(ctx, informers),
    podGC: startPodGC(ctx, informers),
  };
}
