/** `kubectl cluster-info`: the control plane URL and the cluster services (kube-system, `kubernetes.io/cluster-service=true`). */
import { CliError } from '../errors';
import type { CommandModule } from '../types';
import { API_SERVER_URL } from './config';

export const command: CommandModule = {
  name: 'cluster-info',
  short: 'Display cluster information',
  flags: [],
  subcommands: [
    {
      name: 'dump',
      short: 'Dump relevant information for debugging and diagnosis',
      flags: [{ name: 'output-directory', type: 'string' }, { name: 'all-namespaces', short: 'A', type: 'bool' }, { name: 'namespaces', type: 'string' }, { name: 'output', short: 'o', type: 'string' }],
      run() {
        throw new CliError('cluster-info dump is not available in this playground');
      },
    },
  ],
  run(ctx) {
    ctx.out(`Kubernetes control plane is running at ${API_SERVER_URL}`);
    const services = ctx.client.list('services', 'kube-system', { labelSelector: 'kubernetes.io/cluster-service=true' });
    for (const svc of services) {
      const labels = svc.metadata.labels ?? {};
      let name = svc.metadata.name!;
      const ports = (svc.spec as { ports?: { name?: string; port: number }[] } | undefined)?.ports ?? [];
      if (ports[0]?.name) name += `:${ports[0].name}`;
      ctx.out(`${labels['kubernetes.io/name'] ?? svc.metadata.name} is running at ${API_SERVER_URL}/api/v1/namespaces/kube-system/services/${name}/proxy`);
    }
    ctx.out('');
    ctx.out("To further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.");
    return 0;
  },
};
