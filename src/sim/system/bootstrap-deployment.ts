/**
 * A system Deployment as it stands once `kind create cluster` is done: created through the api
 * like any other, with the ReplicaSet and pods its controllers made while the control plane was
 * the only Ready node (kind joins the workers after installing CNI and storage), so its pods
 * run on `kind-control-plane`, as on a real kind cluster. The ReplicaSet carries the
 * pod-template-hash a real cluster shows (`coredns-668d6bf9bc`): ours hashes another encoding
 * of the template (../kinds/apps/pod-template-hash.ts), and the learner sees kind's names. The
 * controllers then adopt what is here as if they had made it, and carry on from it.
 */
import type { SimContext } from '../context';
import { clone, ownerRefTo, type KObject } from '../core/object';
import { setNewReplicaSetAnnotations } from '../controllers/deployment/deployment-util';
import { podFromTemplate } from '../controllers/replicaset/replicaset';
import type { DeploymentObject, ReplicaSetObject } from '../kinds/apps/workload-types';
import { POD_TEMPLATE_HASH_LABEL } from '../kinds/apps/pod-template-hash';
import { bindPod } from '../scheduler/binding';
import { SCHEDULER_NAME } from '../scheduler/scheduler';

export interface Placement {
  /** The pod-template-hash of the real ReplicaSet (kind's, for this image and manifest). */
  hash: string;
  /** The node its pods were scheduled to. */
  node: string;
}

export function bootstrapDeployment(ctx: SimContext, manifest: KObject, placement: Placement): DeploymentObject {
  const ns = manifest.metadata.namespace!;
  const d = ctx.api.create('deployments', ns, manifest) as DeploymentObject;
  const template = clone(d.spec!.template);
  const labels = { ...(template.metadata?.labels ?? {}), [POD_TEMPLATE_HASH_LABEL]: placement.hash };
  const annotations: Record<string, string> = {};
  setNewReplicaSetAnnotations(d, annotations, 1, false);
  const replicas = d.spec?.replicas ?? 1;
  const name = `${d.metadata.name}-${placement.hash}`;
  const rs = ctx.api.create('replicasets', ns, {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name, namespace: ns, labels, annotations, ownerReferences: [ownerRefTo(d)] },
    spec: {
      replicas,
      selector: { ...d.spec!.selector, matchLabels: { ...(d.spec!.selector.matchLabels ?? {}), [POD_TEMPLATE_HASH_LABEL]: placement.hash } },
      template: { ...template, metadata: { ...(template.metadata ?? {}), labels } },
    },
  }) as ReplicaSetObject;
  ctx.events.for({ component: 'deployment-controller' })(d, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${name} to ${replicas} from 0`);
  const rsEvent = ctx.events.for({ component: 'replicaset-controller' });
  const scheduled = ctx.events.for({ component: SCHEDULER_NAME });
  for (let i = 0; i < replicas; i++) {
    const pod = ctx.api.create('pods', ns, podFromTemplate(rs));
    rsEvent(rs, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`);
    const bound = bindPod(ctx.api, ns, pod.metadata.name!, placement.node);
    scheduled(bound, 'Normal', 'Scheduled', `Successfully assigned ${ns}/${pod.metadata.name} to ${placement.node}`);
  }
  return d;
}
