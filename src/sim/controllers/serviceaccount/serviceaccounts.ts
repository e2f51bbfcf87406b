/**
 * The service account controller (pkg/controller/serviceaccount, serviceaccounts_controller.go):
 * every active namespace has ServiceAccount `default`; deleted, it is made again at once.
 */
import { StatusError } from '../../api/errors';
import type { SimContext } from '../../context';
import type { SharedInformers } from '../../informers/shared-informers';
import { WorkQueue } from '../../informers/workqueue';
import { DEFAULT_SERVICE_ACCOUNT } from '../../kinds/core/serviceaccount';

/** The accounts `ServiceAccountsControllerOptions` asks for in every namespace. */
const ACCOUNTS = [DEFAULT_SERVICE_ACCOUNT];

export class ServiceAccountsController {
  readonly queue: WorkQueue;

  constructor(
    private readonly ctx: SimContext,
    private readonly informers: SharedInformers,
  ) {
    this.queue = new WorkQueue(ctx.clock, (ns) => this.sync(ns), 'serviceaccount-controller');
    const namespaces = informers.for('namespaces');
    for (const ns of namespaces.list()) this.queue.add(ns.metadata.name!);
    namespaces.onChange((obj, _old, type) => {
      if (type !== 'DELETED') this.queue.add(obj.metadata.name!);
    });
    informers.for('serviceaccounts').onChange((obj, _old, type) => {
      if (type === 'DELETED' && ACCOUNTS.includes(obj.metadata.name!)) this.queue.add(obj.metadata.namespace!);
    });
  }

  sync(ns: string): void {
    const namespace = this.informers.for('namespaces').get(undefined, ns);
    // Only an Active namespace gets accounts (a Terminating one would refuse them anyway).
    if (!namespace || (namespace.status as { phase?: string } | undefined)?.phase !== 'Active') return;
    for (const name of ACCOUNTS) {
      if (this.informers.for('serviceaccounts').get(ns, name)) continue;
      try {
        this.ctx.api.create('serviceaccounts', ns, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace: ns } });
      } catch (e) {
        if (!(e instanceof StatusError)) throw e;
      }
    }
  }
}

export function startServiceAccountsController(ctx: SimContext, informers: SharedInformers): ServiceAccountsController {
  return new ServiceAccountsController(ctx, informers);
}
