/**
 * `kubectl port-forward TYPE/NAME [LOCAL_PORT:]REMOTE_PORT...`: kubectl 1.32's
 * cmd/portforward/portforward.go over client-go's tools/portforward. Complete picks the pod
 * (a workload's or Service's first active one), turns a Service port into its target port and
 * names into numbers; Run refuses a pod that is not Running, opens the stream, and listens on
 * the host's ports (127.0.0.1 and [::1] for `localhost`) until Ctrl+C or the pod goes away,
 * saying "Handling connection for N" for each connection.
 */
import type { Pod, Service } from 'kubernetes-types/core/v1';
import type { KObject } from '../../sim/core/object';
import { Rng } from '../../sim/core/rng';
import type { ParsedArgs } from '../args';
import { CliError } from '../errors';
import { klog } from '../output';
import type { CommandContext, CommandModule, KubectlProgram, LocalPorts } from '../types';
import { podFor } from './exec';

/** Linux's ephemeral range, where the OS finds a port for `:5000`. */
const EPHEMERAL = [32768, 60999] as const;

export const command: CommandModule = {
  name: 'port-forward',
  short: 'Forward one or more local ports to a pod',
  flags: [
    { name: 'address', type: 'stringArray', default: ['localhost'], usage: 'Addresses to listen on (comma separated). Only accepts IP addresses or localhost as a value. When localhost is supplied, kubectl will try to bind on both 127.0.0.1 and ::1 and will fail if neither of these addresses are available to bind.' },
    { name: 'pod-running-timeout', type: 'duration', default: 60_000, usage: 'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running' },
  ],
  run: (ctx, args) => portForward(ctx, args),
};

interface Forward {
  local: number;
  remote: number;
}

function* portForward(ctx: CommandContext, args: ParsedArgs): KubectlProgram {
  // Complete.
  const positional = [...args.args, ...args.dashArgs];
  if (positional.length < 2) throw new CliError(`TYPE/NAME and list of ports are required for port-forward\nSee '${ctx.path} -h' for help and examples`);
  const [resourceName, ...portArgs] = positional;
  const pod = (yield* podFor(ctx, resourceName, args.duration('pod-running-timeout'))) as KObject & Pod;
  let ports: string[];
  const service = serviceOf(ctx, resourceName);
  if (service) {
    checkUDP(portArgs, udpOnly(service.spec?.ports ?? []), (name) => servicePortByName(service, name));
    ports = portArgs.map((p) => translateServicePort(p, service, pod));
  } else {
    checkUDP(portArgs, udpOnly((pod.spec?.containers ?? []).flatMap((c) => (c.ports ?? []).map((p) => ({ port: p.containerPort, protocol: p.protocol })))), (name) => containerPortByName(pod, name));
    ports = portArgs.map((p) => namedPortToNumber(p, pod));
  }

  // Run.
  const current = ctx.client.get('pods', ctx.namespace, pod.metadata.name!) as KObject & Pod;
  const phase = current.status?.phase ?? '';
  if (phase !== 'Running') throw new CliError(`unable to forward port because pod is not running. Current status=${phase}`);
  const addresses = listenAddresses(args.strings('address').flatMap((a) => a.split(',')));
  const forwards = parsePorts(ports);
  const local = ctx.io.localPorts;
  if (!local) throw new CliError('port-forward needs a terminal on the host: there are no local ports to listen on here');
  const stream = ctx.client.portForward(ctx.namespace, pod.metadata.name!, forwards.map((f) => f.remote));
  const releases: Array<() => void> = [];
  let broken = false;
  try {
    let listening = false;
    for (const f of forwards) {
      if (f.local === 0) f.local = freePort(ctx, local);
      const target = { namespace: ctx.namespace, pod: pod.metadata.name!, port: f.remote };
      const bound = local.listen(
        f.local,
        target,
        () => ctx.io.out(`Handling connection for ${f.local}\n`),
        // handleConnection: the error stream's message is logged and the whole stream closed.
        () => {
          const err = `an error occurred forwarding ${f.local} -> ${f.remote}: ${stream.refused(f.remote)}`;
          klog(ctx, 'E', 'portforward.go:424', `"Unhandled Error" err=${JSON.stringify(err)}`);
          broken = true;
        },
      );
      if (bound === 'EADDRINUSE') {
        const errors = addresses.map((a) => `unable to create listener: Error listen ${a.protocol} ${hostPort(a.address, f.local)}: bind: address already in use`);
        ctx.io.err(`Unable to listen on port ${f.local}: Listeners failed to create with the following errors: [${errors.join(' ')}]\n`);
        continue;
      }
      releases.push(bound);
      listening = true;
      for (const a of addresses) ctx.io.out(`Forwarding from ${hostPort(a.address, f.local)} -> ${f.remote}\n`);
    }
    if (!listening) throw new CliError(`unable to listen on any of the requested ports: [${forwards.map((f) => `{${f.local} ${f.remote}}`).join(' ')}]`);
    // Until Ctrl+C (nobody at the keys: at once), or the stream closes under us.
    // A refused connection is no api write: the host looks again every virtual second.
    const lost: boolean = yield { until: () => broken || stream.lost, timeoutMs: Infinity, pollMs: 1000 };
    if (lost) throw new CliError('lost connection to pod');
    return 0;
  } finally {
    for (const release of releases) release();
    stream.close();
  }
}

/** The Service behind `svc/NAME` (its ports translate to the pod's). */
function serviceOf(ctx: CommandContext, resourceName: string): (KObject & Service) | undefined {
  const slash = resourceName.indexOf('/');
  if (slash < 0) return undefined;
  const type = ctx.client.discovery.resolve(resourceName.slice(0, slash));
  if (type?.plural !== 'services') return undefined;
  return ctx.client.get('services', ctx.namespace, resourceName.slice(slash + 1)) as KObject & Service;
}

function splitPort(port: string): [string, string] {
  const parts = port.split(':');
  return parts.length === 2 ? [parts[0], parts[1]] : [parts[0], parts[0]];
}

/** translateServicePortToTargetPort: `8080:http` → `8080:<the pod's target port>`. */
function translateServicePort(port: string, svc: Service, pod: Pod): string {
  let [localPort, remotePort] = splitPort(port);
  let portnum = Number(remotePort);
  if (!/^[+-]?\d+$/.test(remotePort)) {
    portnum = servicePortByName(svc, remotePort);
    if (localPort === remotePort) localPort = String(portnum);
  }
  const containerPort = containerPortForServicePort(svc, pod, portnum);
  remotePort = String(containerPort);
  return localPort !== remotePort ? `${localPort}:${remotePort}` : remotePort;
}

/** util.LookupContainerPortNumberByServicePort. */
function containerPortForServicePort(svc: Service, pod: Pod, port: number): number {
  if (svc.spec?.clusterIP === 'None') return port;
  for (const p of svc.spec?.ports ?? []) {
    if (p.port !== port) continue;
    if (typeof p.targetPort === 'number' || p.targetPort === undefined) return !p.targetPort ? p.port : p.targetPort;
    return containerPortByName(pod, p.targetPort);
  }
  throw new CliError(`Service ${svc.metadata?.name} does not have a service port ${port}`);
}

function servicePortByName(svc: Service, name: string): number {
  const p = (svc.spec?.ports ?? []).find((sp) => sp.name === name);
  if (!p) throw new CliError(`Service '${svc.metadata?.name}' does not have a named port '${name}'`);
  return p.port;
}

/** util.LookupContainerPortNumberByName. */
function containerPortByName(pod: Pod, name: string): number {
  for (const c of pod.spec?.containers ?? []) for (const p of c.ports ?? []) if (p.name === name) return p.containerPort;
  throw new CliError(`Pod '${pod.metadata?.name}' does not have a named port '${name}'`);
}

/** convertPodNamedPortToNumber. */
function namedPortToNumber(port: string, pod: Pod): string {
  const [localPort, remotePort] = splitPort(port);
  if (remotePort === '') throw new CliError('remote port cannot be empty');
  const number = /^[+-]?\d+$/.test(remotePort) ? remotePort : String(containerPortByName(pod, remotePort));
  return localPort !== remotePort ? `${localPort}:${number}` : number;
}

/** Ports only UDP serves (no TCP on the same number): port-forward is TCP only (#47862). */
function udpOnly(ports: Array<{ port: number; protocol?: string }>): Set<number> {
  const udp = new Set<number>();
  const tcp = new Set<number>();
  for (const p of ports) {
    const proto = p.protocol ?? 'TCP';
    if (proto === 'UDP') udp.add(p.port);
    else if (proto === 'TCP') tcp.add(p.port);
  }
  for (const p of tcp) udp.delete(p);
  return udp;
}

function checkUDP(ports: string[], udp: Set<number>, byName: (name: string) => number): void {
  for (const port of ports) {
    const [, remote] = splitPort(port);
    const n = /^[+-]?\d+$/.test(remote) ? Number(remote) : byName(remote);
    if (udp.has(n)) throw new CliError(`UDP protocol is not supported for ${remote}`);
  }
}

/** client-go's parsePorts. */
function parsePorts(ports: string[]): Forward[] {
  return ports.map((spec) => {
    const parts = spec.split(':');
    let localString: string;
    let remoteString: string;
    if (parts.length === 1) localString = remoteString = parts[0];
    else if (parts.length === 2) [localString, remoteString] = [parts[0] || '0', parts[1]];
    else throw new CliError(`invalid port format '${spec}'`);
    const local = parseUint16(localString, 'local');
    const remote = parseUint16(remoteString, 'remote');
    if (remote === 0) throw new CliError('remote port must be > 0');
    return { local, remote };
  });
}

/** strconv.ParseUint(s, 10, 16), with client-go's wording around its error. */
function parseUint16(s: string, which: 'local' | 'remote'): number {
  const fail = (why: string) => new CliError(`error parsing ${which} port '${s}': strconv.ParseUint: parsing ${JSON.stringify(s)}: ${why}`);
  if (!/^\d+$/.test(s)) throw fail('invalid syntax');
  const n = Number(s);
  if (n > 65535) throw fail('value out of range');
  return n;
}

interface ListenAddress {
  address: string;
  protocol: 'tcp4' | 'tcp6';
}

/** parseAddresses: `localhost` is 127.0.0.1 and ::1; sorted, as client-go keeps them. */
function listenAddresses(list: string[]): ListenAddress[] {
  const parsed = new Map<string, ListenAddress>();
  for (const a of list) {
    if (a === 'localhost') {
      if (!parsed.has('127.0.0.1')) parsed.set('127.0.0.1', { address: '127.0.0.1', protocol: 'tcp4' });
      if (!parsed.has('::1')) parsed.set('::1', { address: '::1', protocol: 'tcp6' });
    } else if (/^\d{1,3}(\.\d{1,3}){3}$/.test(a) && a.split('.').every((o) => Number(o) <= 255)) {
      parsed.set(a, { address: a, protocol: 'tcp4' });
    } else if (a.includes(':') && /^[0-9a-fA-F:.]+$/.test(a)) {
      parsed.set(a, { address: a, protocol: 'tcp6' });
    } else {
      throw new CliError(`${a} is not a valid IP`);
    }
  }
  return [...parsed.values()].sort((x, y) => (x.address < y.address ? -1 : x.address > y.address ? 1 : 0));
}

/** net.JoinHostPort. */
function hostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** The port the OS hands out for `:5000`: a free one from the ephemeral range, drawn from kubectl's seeded randomness. */
function freePort(ctx: CommandContext, local: LocalPorts): number {
  const rng = new Rng(ctx.io.seed).fork(`kubectl/port-forward/${ctx.client.now()}`);
  for (;;) {
    const port = rng.int(EPHEMERAL[0], EPHEMERAL[1]);
    if (local.lookup(port) === undefined) return port;
  }
}
