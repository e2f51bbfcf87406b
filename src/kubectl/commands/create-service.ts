/**
 * `kubectl create service clusterip|nodeport|loadbalancer|externalname NAME [--tcp=port[:target]]…`
 * (kubectl's create_service.go): the Service it builds — selector and label `app=NAME`, a port
 * named after each `--tcp` value with `:` turned into `-` — and its client-side errors.
 */
import type { KObject } from '../../sim/core/object';
import { isDNS1123Subdomain, isValidPortName, isValidPortNum } from '../../sim/core/names';
import type { ParsedArgs } from '../args';
import { CliError } from '../errors';
import { DRY_RUN_FLAG, FIELD_MANAGER_FLAG, PRINT_FLAGS, VALIDATE_FLAG } from '../flags';
import { requiredFlagError } from '../output';
import type { FlagSpec } from '../args';
import type { CommandContext, CommandModule } from '../types';
import { createGenerated, exactlyOneName } from './generators';

const TCP_FLAG: FlagSpec = { name: 'tcp', type: 'stringArray', usage: "Port pairs can be specified as '<port>:<targetPort>'." };
const COMMON: FlagSpec[] = [
  DRY_RUN_FLAG,
  VALIDATE_FLAG,
  { name: 'save-config', type: 'bool', usage: 'If true, the configuration of current object will be saved in its annotation.' },
  FIELD_MANAGER_FLAG('kubectl-create'),
  ...PRINT_FLAGS,
];

/** `strconv.ParseUint(s, 10, 16)`, with Go's error text. */
function parseUint16(s: string): number {
  if (!/^[0-9]+$/.test(s)) throw new CliError(`strconv.ParseUint: parsing ${JSON.stringify(s)}: invalid syntax`);
  const n = Number(s);
  if (n > 65535) throw new CliError(`strconv.ParseUint: parsing ${JSON.stringify(s)}: value out of range`);
  return n;
}

/** `parsePorts`: `port` or `port:target`, the target a number or a port name. */
function parsePorts(spec: string): [number, number | string] {
  const parts = spec.split(':');
  const port = parseUint16(parts[0]);
  if (parts.length === 1) return [port, port];
  const target = parts[1];
  // strconv.Atoi: a number when it parses as a 64-bit integer, else a port name.
  if (/^[+-]?[0-9]+$/.test(target) && Math.abs(Number(target)) < 2 ** 63) {
    const n = Number(target);
    const errs = isValidPortNum(n);
    if (errs.length) throw new CliError(errs.join(','));
    return [port, n];
  }
  const errs = isValidPortName(target);
  if (errs.length) throw new CliError(errs.join(','));
  return [port, target];
}

function createService(ctx: CommandContext, args: ParsedArgs, type: string, extra: { clusterIP?: string; nodePort?: number; externalName?: string }): number {
  const name = exactlyOneName(ctx, args);
  // A string slice: `--tcp=80,443` is two values.
  const tcp = args.strings('tcp').flatMap((v) => v.split(','));
  if (extra.clusterIP === 'None' && type !== 'ClusterIP') throw new CliError('ClusterIP=None can only be used with ClusterIP service type');
  if (extra.clusterIP !== 'None' && tcp.length === 0 && type !== 'ExternalName') throw new CliError('at least one tcp port specifier must be provided');
  if (type === 'ExternalName' && isDNS1123Subdomain(extra.externalName ?? '').length) throw new CliError(`invalid service external name ${extra.externalName}`);
  const ports = tcp.map((spec) => {
    const [port, targetPort] = parsePorts(spec);
    // Fields in the Go struct's order, as `-o json` prints them.
    const p: Record<string, unknown> = { name: spec.replaceAll(':', '-'), protocol: 'TCP', port, targetPort };
    if (extra.nodePort) p.nodePort = extra.nodePort;
    return p;
  });
  const spec: Record<string, unknown> = {};
  if (ports.length) spec.ports = ports;
  spec.selector = { app: name };
  if (extra.clusterIP) spec.clusterIP = extra.clusterIP;
  spec.type = type;
  if (extra.externalName) spec.externalName = extra.externalName;
  const obj: KObject = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, creationTimestamp: null as unknown as string, labels: { app: name } },
    spec,
    status: { loadBalancer: {} },
  };
  return createGenerated(ctx, args, obj, `${type} service`);
}

const clusterIP: CommandModule = {
  name: 'clusterip',
  short: 'Create a ClusterIP service',
  flags: [TCP_FLAG, { name: 'clusterip', type: 'string', usage: "Assign your own ClusterIP or set to 'None' for a 'headless' service (no loadbalancing)." }, ...COMMON],
  run: (ctx, args) => createService(ctx, args, 'ClusterIP', { clusterIP: args.string('clusterip') || undefined }),
};

const nodePort: CommandModule = {
  name: 'nodeport',
  short: 'Create a NodePort service',
  flags: [TCP_FLAG, { name: 'node-port', type: 'int', default: 0, usage: 'Port used to expose the service on each node in a cluster.' }, ...COMMON],
  run: (ctx, args) => createService(ctx, args, 'NodePort', { nodePort: args.int('node-port') }),
};

const loadBalancer: CommandModule = {
  name: 'loadbalancer',
  short: 'Create a LoadBalancer service',
  flags: [TCP_FLAG, ...COMMON],
  run: (ctx, args) => createService(ctx, args, 'LoadBalancer', {}),
};

const externalName: CommandModule = {
  name: 'externalname',
  short: 'Create an ExternalName service',
  flags: [TCP_FLAG, { name: 'external-name', type: 'string', usage: 'External name of service' }, ...COMMON],
  run(ctx, args) {
    // cobra checks required flags before anything else.
    if (!args.changed('external-name')) return requiredFlagError(ctx, 'external-name');
    return createService(ctx, args, 'ExternalName', { externalName: args.string('external-name') });
  },
};

export const createServiceCommand: CommandModule = {
  name: 'service',
  aliases: ['svc'],
  short: 'Create a service using a specified subcommand.',
  flags: [],
  subcommands: [clusterIP, externalName, loadBalancer, nodePort],
};
