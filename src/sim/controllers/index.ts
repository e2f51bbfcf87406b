/** Starts every controller of the controller-manager, sharing one informer per resource. */
import type { SimContext } from '../context';
import { startDaemonSetController, type DaemonSetController } from './daemonset/daemonset';
import { startDeploymentController, type DeploymentController } from './deployment/deployment';
import { startEndpointsController, type EndpointsController } from './endpoints/endpoints';
import { startEndpointSliceController, type EndpointSliceController } from './endpointslice/endpointslice';
import { startEndpointSliceMirroringController, type EndpointSliceMirroringController } from './endpointslice-mirroring/mirroring';
import { startGarbageCollector, type GarbageCollector } from './garbage-collector/garbage-collector';
import { startNamespaceController, type NamespaceController } from './namespace/namespace';
import { startExpandController, type ExpandController } from './persistentvolume/expand';
import { startLocalPathProvisioner, type LocalPathProvisioner } from './persistentvolume/local-path-provisioner';
import { startPersistentVolumeController, type PersistentVolumeController } from './persistentvolume/pv-controller';
import { startStorageProtectionController, type StorageProtectionController } from './persistentvolume/protection';
import { startPodGC, type PodGC } from './podgc/podgc';
import { startReplicaSetController, type ReplicaSetController } from './replicaset/replicaset';
import { startResourceQuotaController, type ResourceQuotaController } from './resourcequota/resourcequota';
import { startRootCAPublisher, type RootCAPublisher } from './root-ca/root-ca';
import { startServiceAccountsController, type ServiceAccountsController } from './serviceaccount/serviceaccounts';
import { startClusterRoleAggregationController, type ClusterRoleAggregationController } from './clusterrole-aggregation/clusterrole-aggregation';
import { startStatefulSetController, type StatefulSetController } from './statefulset/statefulset';
import { startJobController, type JobController } from './job/job';
import { startCronJobController, type CronJobController } from './cronjob/cronjob';
import { startTTLAfterFinishedController, type TTLAfterFinishedController } from './ttl-after-finished/ttl-after-finished';
import { SharedInformers } from '../informers/shared-informers';

export interface ControllerManager {
  informers: SharedInformers;
  replicaSets: ReplicaSetController;
  deployments: DeploymentController;
  garbageCollector: GarbageCollector;
  namespaces: NamespaceController;
  resourceQuotas: ResourceQuotaController;
  rootCA: RootCAPublisher;
  serviceAccounts: ServiceAccountsController;
  endpoints: EndpointsController;
  endpointSlices: EndpointSliceController;
  endpointSliceMirroring: EndpointSliceMirroringController;
  daemonSets: DaemonSetController;
  statefulSets: StatefulSetController;
  podGC: PodGC;
  clusterRoleAggregation: ClusterRoleAggregationController;
  persistentVolumes: PersistentVolumeController;
  storageProtection: StorageProtectionController;
  volumeExpand: ExpandController;
  /** kind's external provisioner (the local-path-provisioner pod's work). */
  localPath: LocalPathProvisioner;
  jobs: JobController;
  cronJobs: CronJobController;
  ttlAfterFinished: TTLAfterFinishedController;
}

export function startControllers(ctx: SimContext, informers = new SharedInformers(ctx.store)): ControllerManager {
  return {
    informers,
    replicaSets: startReplicaSetController(ctx, informers),
    deployments: startDeploymentController(ctx, informers),
    garbageCollector: startGarbageCollector(ctx),
    namespaces: startNamespaceController(ctx, informers),
    resourceQuotas: startResourceQuotaController(ctx, informers),
    rootCA: startRootCAPublisher(ctx, informers),
    serviceAccounts: startServiceAccountsController(ctx, informers),
    endpoints: startEndpointsController(ctx, informers),
    endpointSlices: startEndpointSliceController(ctx, informers),
    endpointSliceMirroring: startEndpointSliceMirroringController(ctx, informers),
    daemonSets: startDaemonSetController(ctx, informers),
    statefulSets: startStatefulSetController(ctx, informers),
    podGC: startPodGC(ctx, informers),
    clusterRoleAggregation: startClusterRoleAggregationController(ctx, informers),
    persistentVolumes: startPersistentVolumeController(ctx, informers),
    storageProtection: startStorageProtectionController(ctx, informers),
    volumeExpand: startExpandController(ctx, informers),
    localPath: startLocalPathProvisioner(ctx, informers),
    jobs: startJobController(ctx, informers),
    cronJobs: startCronJobController(ctx, informers),
    ttlAfterFinished: startTTLAfterFinishedController(ctx, informers),
  };
}
