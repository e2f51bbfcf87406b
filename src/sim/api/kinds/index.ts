/** The strategy of every kind the api-server serves, by plural resource name. */
import { configMapStrategy } from './configmap';
import { deploymentStrategy } from './deployment';
import { eventStrategy } from './event';
import { namespaceStrategy } from './namespace';
import { nodeStrategy } from './node';
import { podStrategy } from './pod';
import { replicaSetStrategy } from './replicaset';
import { resourceQuotaStrategy } from './resourcequota';
import { serviceStrategy } from './service';
import type { KindStrategy } from './strategy';

export const STRATEGIES: Record<string, KindStrategy> = {
  pods: podStrategy,
  deployments: deploymentStrategy,
  replicasets: replicaSetStrategy,
  services: serviceStrategy,
  configmaps: configMapStrategy,
  namespaces: namespaceStrategy,
  nodes: nodeStrategy,
  resourcequotas: resourceQuotaStrategy,
  events: eventStrategy,
};
