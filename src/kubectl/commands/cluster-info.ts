/** `kubectl cluster-info`: the control plane URL and the cluster services (kube-system, `kubernetes.io/cluster-service=true`). */
import type { Service } from 'kubernetes-types/core/v1';
import type { KObject } from '../../sim/core/object';
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
      ctx.out(`${labels['kubernetes.io/name'] || svc.metadata.name} is running at ${serviceLink(svc as Service & KObject)}`);
    }
    ctx.out('');
    ctx.out("To further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.");
    return 0;
  },
};

/**
 * A load balancer's `http://IP:PORT` per port, else the api-server's proxy path, named
 * `[scheme:]name[:port]` after the first port (https guessed from its name or 443).
 */
function serviceLink(svc: Service & KObject): string {
  const ports = svc.spec?.ports ?? [];
  const ingress = svc.status?.loadBalancer?.ingress ?? [];
  if (ingress.length) return ports.map((p) => `http://${ingress[0].ip || ingress[0].hostname}:${p.port} `).join('');
  let name = svc.metadata.name!;
  if (ports.length) {
    const port = ports[0];
    const scheme = port.name === 'https' || port.port === 443 ? 'https' : '';
    name = scheme ? `${scheme}:${name}:${port.name ?? ''}` : port.name ? `${name}:${port.name}` : name;
  }
  return `${API_SERVER_URL}/api/v1/namespaces/${svc.metadata.namespace}/services/${name}/proxy`;
}
