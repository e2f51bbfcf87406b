/**
 * `kubectl expose (deployment|replicaset|pod|service) NAME --port=P [--target-port=T]
 * [--type=T] [--name=N] [--protocol=TCP]`: a Service selecting the object's pods, labelled
 * like the object, as kubectl 1.32's service generator builds it.
 */
import type { KObject } from '../../sim/core/object';
import { CliError } from '../errors';
import { DRY_RUN_FLAG, FIELD_MANAGER_FLAG, FILENAME_FLAG, PRINT_FLAGS } from '../flags';
import { checkOutputFormat, dryRunMode, printChange } from '../output';
import { parseResourceArgs } from '../resources';
import type { CommandModule } from '../types';
import { NO_RESOURCES_MESSAGE } from '../workload';

const EXPOSABLE = ['pods', 'services', 'replicationcontrollers', 'deployments', 'replicasets'];

export const command: CommandModule = {
  name: 'expose',
  short: 'Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service',
  flags: [
    FILENAME_FLAG,
    { name: 'port', type: 'string' },
    { name: 'target-port', type: 'string' },
    { name: 'protocol', type: 'string' },
    { name: 'type', type: 'string' },
    { name: 'name', type: 'string' },
    { name: 'selector', type: 'string' },
    { name: 'labels', short: 'l', type: 'string' },
    { name: 'cluster-ip', type: 'string' },
    { name: 'external-ip', type: 'string' },
    { name: 'load-balancer-ip', type: 'string' },
    { name: 'session-affinity', type: 'string' },
    { name: 'override-type', type: 'string', default: 'merge' },
    { name: 'overrides', type: 'string' },
    DRY_RUN_FLAG,
    FIELD_MANAGER_FLAG('kubectl-expose'),
    ...PRINT_FLAGS,
  ],
  run(ctx, args) {
    if (args.args.length === 0) throw new CliError(NO_RESOURCES_MESSAGE);
    checkOutputFormat(args);
    const mode = dryRunMode(ctx, args);
    const client = ctx.client;
    const { refs, types } = parseResourceArgs(client.discovery, args.args);
    if (types.length) throw new CliError('resource(s) were provided, but no name was specified');
    const ref = refs[0];
    if (!EXPOSABLE.includes(ref.type.plural)) throw new CliError(`cannot expose a ${ref.type.kind}`);
    const obj = client.get(ref.type.plural, ctx.namespace, ref.name);
    const selector = args.string('selector') ? parsePairs(args.string('selector')) : selectorOf(obj);
    if (!selector) {
      throw new CliError(`couldn't retrieve selectors via --selector flag or introspection: the ${ref.type.kind.toLowerCase()} has no label selector (matchLabels only)`);
    }
    const ports = args.string('port') ? [args.string('port')] : containerPorts(obj);
    if (ports.length === 0) throw new CliError("couldn't find port via --port flag or introspection\nSee 'kubectl expose -h' for help and examples");
    const protocol = args.string('protocol') || 'TCP';
    const servicePorts = ports.map((p, i) => {
      const port: Record<string, unknown> = {};
      if (ports.length > 1) port.name = `port-${i + 1}`;
      port.port = Number(p);
      port.protocol = protocol;
      const target = args.string('target-port');
      port.targetPort = target ? (/^\d+$/.test(target) ? Number(target) : target) : Number(p);
      return port;
    });
    const labels = args.string('labels') ? parsePairs(args.string('labels')) : obj.metadata.labels;
    const spec: Record<string, unknown> = { ports: servicePorts, selector };
    if (args.string('type')) spec.type = args.string('type');
    if (args.string('cluster-ip')) spec.clusterIP = args.string('cluster-ip');
    if (args.string('session-affinity')) spec.sessionAffinity = args.string('session-affinity');
    const service: KObject = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { creationTimestamp: null as unknown as string, ...(labels ? { labels: { ...labels } } : {}), name: args.string('name') || ref.name },
      spec,
      status: { loadBalancer: {} },
    };
    const type = client.discovery.byResource('services')!;
    if (mode === 'client') {
      printChange(ctx, args, type, service, 'exposed', mode);
      return 0;
    }
    const body = JSON.parse(JSON.stringify(service, (_k, v) => (v === null ? undefined : v))) as KObject;
    delete body.status;
    const created = client.create('services', ctx.namespace, body, { dryRun: mode === 'server', fieldValidation: 'Strict' });
    printChange(ctx, args, type, created, 'exposed', mode);
    return 0;
  },
};

function parsePairs(spec: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of spec.split(',')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new CliError(`unexpected label spec: ${pair}`);
    out[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return out;
}

/** The pods' labels the Service must select (matchLabels only, as kubectl requires). */
function selectorOf(obj: KObject): Record<string, string> | undefined {
  if (obj.kind === 'Pod') return obj.metadata.labels;
  const sel = (obj.spec as { selector?: Record<string, unknown> } | undefined)?.selector;
  if (!sel) return undefined;
  if (obj.kind === 'Service' || obj.kind === 'ReplicationController') return sel as Record<string, string>;
  if ((sel.matchExpressions as unknown[] | undefined)?.length) return undefined;
  return sel.matchLabels as Record<string, string> | undefined;
}

function containerPorts(obj: KObject): string[] {
  if (obj.kind === 'Service') return ((obj.spec as { ports?: { port: number }[] }).ports ?? []).map((p) => String(p.port));
  const podSpec = obj.kind === 'Pod' ? obj.spec : (obj.spec as { template?: { spec?: unknown } } | undefined)?.template?.spec;
  const containers = (podSpec as { containers?: { ports?: { containerPort: number }[] }[] } | undefined)?.containers ?? [];
  return containers.flatMap((c) => (c.ports ?? []).map((p) => String(p.containerPort)));
}
