/**
 * `kubectl logs (POD | TYPE/NAME) [-c CONTAINER] [-p] [--tail N] [--timestamps] [--since D]
 * [-l SELECTOR] [--all-containers]`. The default container (annotation
 * `kubectl.kubernetes.io/default-container`, else the first) is announced as kubectl does.
 * `-f` follows the container's output until its current run ends.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { matchesLabelSelector } from '../../sim/core/labels';
import type { KObject } from '../../sim/core/object';
import { tryGet } from '../client';
import { CliError } from '../errors';
import { SELECTOR_FLAG } from '../flags';
import { parseResourceArgs } from '../resources';
import type { CommandContext, CommandModule, KubectlProgram } from '../types';

const USAGE = "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command";

export const command: CommandModule = {
  name: 'logs',
  short: 'Print the logs for a container in a pod',
  flags: [
    { name: 'container', short: 'c', type: 'string' },
    { name: 'follow', short: 'f', type: 'bool' },
    { name: 'previous', short: 'p', type: 'bool' },
    { name: 'tail', type: 'int', default: -1 },
    { name: 'timestamps', type: 'bool' },
    { name: 'since', type: 'duration' },
    { name: 'since-time', type: 'string' },
    { name: 'all-containers', type: 'bool' },
    { name: 'prefix', type: 'bool' },
    { name: 'max-log-requests', type: 'int', default: 5 },
    { name: 'ignore-errors', type: 'bool' },
    { name: 'pod-running-timeout', type: 'duration', default: 20_000 },
    { name: 'insecure-skip-tls-verify-backend', type: 'bool' },
    { name: 'limit-bytes', type: 'int' },
    SELECTOR_FLAG,
  ],
  run(ctx, args) {
    const positional = args.args;
    const selector = args.string('selector');
    let container = args.string('container');
    if (selector) {
      if (positional.length) throw new CliError(`only a selector (-l) or a POD name is allowed\nSee '${ctx.path} -h' for help and examples`);
      const pods = ctx.client.list('pods', ctx.namespace, { labelSelector: selector });
      // With a selector kubectl defaults to the last 10 lines of each pod.
      const tail = args.changed('tail') ? args.int('tail') : 10;
      for (const pod of pods) printPodLogs(ctx, pod, container, args.bool('all-containers'), { ...opts(args), tail }, args.bool('prefix'));
      return 0;
    }
    if (positional.length === 0 || positional.length > 2) throw new CliError(`${USAGE}\nSee '${ctx.path} -h' for help and examples`);
    if (positional.length === 2) {
      if (container) throw new CliError(`only one of -c or an inline [CONTAINER] arg is allowed\nSee '${ctx.path} -h' for help and examples`);
      container = positional[1];
    }
    const pod = resolvePod(ctx, positional[0]);
    const printed = printPodLogs(ctx, pod, container, args.bool('all-containers'), opts(args), args.bool('prefix'));
    if (args.bool('follow') && printed.length === 1 && !args.bool('previous')) return follow(ctx, pod, printed[0]);
    return 0;
  },
};

function opts(args: { bool(n: string): boolean; int(n: string): number; duration(n: string): number; changed(n: string): boolean }) {
  return {
    previous: args.bool('previous'),
    tail: args.int('tail'),
    timestamps: args.bool('timestamps'),
    sinceSeconds: args.changed('since') ? Math.ceil(args.duration('since') / 1000) : undefined,
  };
}

/** A pod name, `pod/NAME`, or a workload (`deploy/web`): its first pod, as kubectl picks it. */
function resolvePod(ctx: CommandContext, arg: string): KObject {
  const client = ctx.client;
  if (!arg.includes('/')) return client.get('pods', ctx.namespace, arg);
  const [ref] = parseResourceArgs(client.discovery, [arg]).refs;
  if (ref.type.plural === 'pods') return client.get('pods', ctx.namespace, ref.name);
  const owner = client.get(ref.type.plural, ctx.namespace, ref.name);
  const selector = (owner.spec as { selector?: unknown } | undefined)?.selector;
  if (!selector) throw new CliError(`cannot get the logs from ${ref.type.kind}`);
  const sel = ref.type.plural === 'services' ? { matchLabels: selector as Record<string, string> } : (selector as { matchLabels?: Record<string, string> });
  const pods = client.list('pods', ctx.namespace).filter((p) => matchesLabelSelector(sel, p.metadata.labels));
  if (pods.length === 0) throw new CliError(`timed out waiting for the condition`);
  pods.sort(activeFirst);
  if (pods.length > 1) ctx.err(`Found ${pods.length} pods, using pod/${pods[0].metadata.name}`);
  return pods[0];
}

/**
 * The pod kubectl attaches to: `sort.Reverse(ActivePods)` — assigned, Running (then Unknown,
 * Pending), ready, ready for longer, fewer restarts, older first.
 */
function activeFirst(a: KObject, b: KObject): number {
  const PHASE: Record<string, number> = { Running: 0, Unknown: 1, Pending: 2 };
  const key = (p: KObject): (number | string)[] => {
    const pod = p as unknown as Pod;
    const ready = pod.status?.conditions?.find((c) => c.type === 'Ready' && c.status === 'True');
    const restarts = Math.max(0, ...(pod.status?.containerStatuses ?? []).map((c) => c.restartCount ?? 0));
    return [
      pod.spec?.nodeName ? 0 : 1,
      PHASE[pod.status?.phase ?? ''] ?? 3,
      ready ? 0 : 1,
      ready?.lastTransitionTime ?? '~',
      restarts,
      pod.metadata?.creationTimestamp ?? '~',
    ];
  };
  const ka = key(a);
  const kb = key(b);
  for (let i = 0; i < ka.length; i++) {
    if (ka[i] < kb[i]) return -1;
    if (ka[i] > kb[i]) return 1;
  }
  return 0;
}

function printPodLogs(ctx: CommandContext, podObj: KObject, container: string, allContainers: boolean, options: ReturnType<typeof opts>, prefix: boolean): string[] {
  const pod = podObj as unknown as Pod;
  const name = pod.metadata!.name!;
  const ns = pod.metadata!.namespace!;
  const containers = pod.spec?.containers ?? [];
  let names: string[];
  if (allContainers) names = [...(pod.spec?.initContainers ?? []), ...containers].map((c) => c.name);
  else if (container) names = [container];
  else {
    const annotated = pod.metadata?.annotations?.['kubectl.kubernetes.io/default-container'];
    const chosen = annotated && containers.some((c) => c.name === annotated) ? annotated : containers[0]?.name;
    if (containers.length > 1 || (pod.spec?.initContainers ?? []).length > 0) {
      if (!annotated && chosen) ctx.err(`Defaulted container "${chosen}" out of: ${allContainerNames(pod)}`);
    }
    names = chosen ? [chosen] : [];
  }
  for (const c of names) {
    const text = ctx.client.log(ns, name, { container: c, previous: options.previous, tailLines: options.tail >= 0 ? options.tail : undefined, timestamps: options.timestamps, sinceSeconds: options.sinceSeconds });
    if (!prefix) ctx.io.out(text);
    else ctx.io.out(text.split('\n').filter((l, i, all) => l || i < all.length - 1).map((l) => `[pod/${name}/${c}] ${l}\n`).join(''));
  }
  return names;
}

/**
 * `-f`: after what is there, print new lines as the container writes them, until its current
 * run ends (it exits or restarts) or the pod goes. The host may also stop the program.
 */
function* follow(ctx: CommandContext, podObj: KObject, container: string): KubectlProgram {
  const client = ctx.client;
  const ns = podObj.metadata.namespace!;
  const name = podObj.metadata.name!;
  const status = () => {
    const pod = tryGet(client, 'pods', ns, name) as unknown as Pod | undefined;
    if (!pod || pod.metadata?.uid !== podObj.metadata.uid) return undefined;
    return [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])].find((c) => c.name === container);
  };
  const startID = status()?.containerID;
  const read = () => {
    try {
      return ctx.client.log(ns, name, { container });
    } catch {
      return undefined;
    }
  };
  let printed = read()?.length ?? 0;
  const ended = () => {
    const s = status();
    return !s || !!s.state?.terminated || s.containerID !== startID;
  };
  for (;;) {
    if (ended()) break;
    const ok: boolean = yield { until: () => ended() || (read()?.length ?? 0) > printed, timeoutMs: FOLLOW_LIMIT_MS };
    const text = read();
    if (text && text.length > printed) {
      ctx.io.out(text.slice(printed));
      printed = text.length;
    }
    if (!ok) break;
  }
  // Lines written in the instant the run ended.
  const last = read();
  if (last && last.length > printed) ctx.io.out(last.slice(printed));
  return 0;
}

/** How long `-f` follows at most in virtual time (a day). */
const FOLLOW_LIMIT_MS = 24 * 3600 * 1000;

function allContainerNames(pod: Pod): string {
  const names = [
    ...(pod.spec?.containers ?? []).map((c) => c.name),
    ...(pod.spec?.ephemeralContainers ?? []).map((c) => `${c.name} (ephem)`),
    ...(pod.spec?.initContainers ?? []).map((c) => `${c.name} (init)`),
  ];
  return names.join(', ');
}
