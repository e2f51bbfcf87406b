/**
 * `kubectl top pod|node`: CPU and memory from the metrics API (metrics-server), as kubectl 1.32
 * prints them (staging/src/k8s.io/kubectl/pkg/cmd/top/top_pod.go, top_node.go and
 * pkg/metricsutil/metrics_printer.go): every cell tab-terminated, so even the last column is
 * padded; CPU in `m`, memory in `Mi` (integer division), node percentages of allocatable.
 */
import { cpuMillis, memoryBytes } from '../../sim/core/quantity';
import { formatGoDuration, type ParsedArgs } from '../args';
import type { MetricsReader, NodeMetrics, PodMetrics } from '../client';
import { CliError } from '../errors';
import { ALL_NAMESPACES_FLAG, SELECTOR_FLAG } from '../flags';
import { TABLE_TABWRITER, tabwrite } from '../printers/tabwriter';
import type { CommandContext, CommandModule } from '../types';

/** top_pod.go's metricsCreationDelay: a pod younger than this may not have metrics yet. */
const METRICS_CREATION_DELAY_MS = 2 * 60 * 1000;

const SORT_FLAG = { name: 'sort-by', type: 'string' as const, usage: 'If non-empty, sort pods list using specified field. The field can be either \'cpu\' or \'memory\'.' };
const NO_HEADERS = { name: 'no-headers', type: 'bool' as const, usage: 'If present, print output without headers.' };
const PROTOBUF = { name: 'use-protocol-buffers', type: 'bool' as const, default: true, usage: 'Enables using protocol-buffers to access Metrics API.' };

interface Use {
  cpu: number;
  memory: number;
}

function use(u: { cpu: string; memory: string }): Use {
  return { cpu: cpuMillis(u.cpu), memory: memoryBytes(u.memory) };
}

function podUse(m: PodMetrics): Use {
  return m.containers.reduce((sum, c) => ({ cpu: sum.cpu + use(c.usage).cpu, memory: sum.memory + use(c.usage).memory }), { cpu: 0, memory: 0 });
}

const cells = (u: Use) => [`${u.cpu}m`, `${Math.floor(u.memory / (1024 * 1024))}Mi`];

/** Lines of tab-terminated cells, through kubectl's table tabwriter. */
function table(rows: string[][]): string {
  return tabwrite(rows.map((r) => r.map((c) => `${c}\t`).join('') + '\n').join(''), TABLE_TABWRITER);
}

/** cmdutil.UsageErrorf(cmd, "%s", cmd.Use). */
function usageError(ctx: CommandContext, use: string): CliError {
  return new CliError(`${use}\nSee '${ctx.path} -h' for help and examples`);
}

function metricsApi(ctx: CommandContext): MetricsReader {
  const api = ctx.client.metrics();
  if (!api) throw new CliError('Metrics API not available');
  return api;
}

function checkSort(sortBy: string): void {
  if (sortBy && sortBy !== 'cpu' && sortBy !== 'memory') throw new CliError('--sort-by accepts only cpu or memory');
}

/** Go's sort.Sort on a descending key; ties keep no promised order (ours: the list order). */
function byUse<T>(items: T[], sortBy: string, key: (t: T) => Use, name: (t: T) => string): T[] {
  if (sortBy === 'cpu') return [...items].sort((a, b) => key(b).cpu - key(a).cpu);
  if (sortBy === 'memory') return [...items].sort((a, b) => key(b).memory - key(a).memory);
  return [...items].sort((a, b) => (name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : 0));
}

function runTopPod(ctx: CommandContext, args: ParsedArgs): number {
  if (args.args.length > 1) throw usageError(ctx, 'pod [NAME | -l label]');
  const name = args.args[0];
  const selector = args.string('selector');
  const sortBy = args.string('sort-by');
  checkSort(sortBy);
  if (name && (selector || args.string('field-selector'))) throw new CliError('only one of NAME or selector can be provided');
  const all = args.bool('all-namespaces');
  const api = metricsApi(ctx);
  const namespace = all ? undefined : ctx.namespace;
  const metrics = api.pods(namespace, { name, labelSelector: selector || undefined });
  if (metrics.length === 0) {
    verifyEmptyMetrics(ctx, selector);
    ctx.io.err(all ? 'No resources found\n' : `No resources found in ${ctx.namespace} namespace.\n`);
    return 0;
  }
  const containers = args.bool('containers');
  const rows: string[][] = [];
  if (!args.bool('no-headers')) rows.push([...(all ? ['NAMESPACE'] : []), ...(containers ? ['POD'] : []), 'NAME', 'CPU(cores)', 'MEMORY(bytes)']);
  const sorted = byUse(metrics, sortBy, podUse, (m) => (all ? `${m.metadata.namespace}\u0000${m.metadata.name}` : m.metadata.name));
  for (const m of sorted) {
    const ns = all ? [m.metadata.namespace] : [];
    if (!containers) rows.push([...ns, m.metadata.name, ...cells(podUse(m))]);
    else for (const c of byUse(m.containers, sortBy, (c) => use(c.usage), (c) => c.name)) rows.push([...ns, m.metadata.name, c.name, ...cells(use(c.usage))]);
  }
  if (args.bool('sum')) {
    const width = 3 + (all ? 1 : 0) + (containers ? 1 : 0);
    const total = metrics.map(podUse).reduce((a, b) => ({ cpu: a.cpu + b.cpu, memory: a.memory + b.memory }), { cpu: 0, memory: 0 });
    rows.push([...Array<string>(width - 2).fill(''), '________', '________']);
    rows.push([...Array<string>(width - 3).fill(''), '', ...cells(total)]);
  }
  ctx.io.out(table(rows));
  return 0;
}

/** Why the list came back empty: pods too young for metrics, or old ones without any. */
function verifyEmptyMetrics(ctx: CommandContext, selector: string): void {
  // top_pod.go lists the context's namespace here, even with -A.
  const pods = ctx.client.list('pods', ctx.namespace, { labelSelector: selector || undefined });
  if (pods.length === 0) return;
  for (const p of pods) {
    const age = ctx.client.now() - Date.parse(p.metadata.creationTimestamp!);
    if (age > METRICS_CREATION_DELAY_MS) throw new CliError(`Metrics not available for pod ${p.metadata.namespace}/${p.metadata.name}, age: ${formatGoDuration(age)}`);
  }
  throw new CliError('metrics not available yet');
}

function runTopNode(ctx: CommandContext, args: ParsedArgs): number {
  if (args.args.length > 1) throw usageError(ctx, 'node [NAME | -l label]');
  const name = args.args[0];
  const selector = args.string('selector');
  const sortBy = args.string('sort-by');
  checkSort(sortBy);
  if (name && selector) throw new CliError('only one of NAME or --selector can be provided');
  const api = metricsApi(ctx);
  const metrics: NodeMetrics[] = api.nodes({ name, labelSelector: selector || undefined });
  if (metrics.length === 0) throw new CliError('metrics not available yet');
  const nodes = name ? [ctx.client.get('nodes', undefined, name)] : ctx.client.list('nodes', undefined, { labelSelector: selector || undefined });
  const field = args.bool('show-capacity') ? 'capacity' : 'allocatable';
  const available = new Map(nodes.map((n) => [n.metadata.name!, use((n.status as Record<string, { cpu: string; memory: string }>)[field])]));
  const rows: string[][] = [];
  if (!args.bool('no-headers')) rows.push(['NAME', 'CPU(cores)', 'CPU(%)', 'MEMORY(bytes)', 'MEMORY(%)']);
  const pct = (used: number, of: number) => `${of === 0 ? 0 : Math.trunc((used / of) * 100)}%`;
  for (const m of byUse(metrics, sortBy, (m) => use(m.usage), (m) => m.metadata.name)) {
    const u = use(m.usage);
    const a = available.get(m.metadata.name);
    const [cpu, mem] = cells(u);
    rows.push(a ? [m.metadata.name, cpu, pct(u.cpu, a.cpu), mem, pct(u.memory, a.memory)] : [m.metadata.name, cpu, mem]);
    available.delete(m.metadata.name);
  }
  // Nodes the metrics API has nothing for yet.
  for (const n of [...available.keys()].sort()) rows.push([n, '<unknown>', '<unknown>', '<unknown>', '<unknown>']);
  ctx.io.out(table(rows));
  return 0;
}

export const command: CommandModule = {
  name: 'top',
  short: 'Display resource (CPU/memory) usage',
  flags: [],
  subcommands: [
    {
      name: 'pod',
      aliases: ['pods', 'po'],
      short: 'Display resource (CPU/memory) usage of pods',
      flags: [ALL_NAMESPACES_FLAG, SELECTOR_FLAG, { name: 'field-selector', type: 'string' }, { name: 'containers', type: 'bool', usage: 'If present, print usage of containers within a pod.' }, SORT_FLAG, NO_HEADERS, { name: 'sum', type: 'bool', usage: 'Print the sum of the resource usage' }, PROTOBUF, { name: 'show-swap', type: 'bool' }],
      run: runTopPod,
    },
    {
      name: 'node',
      aliases: ['nodes', 'no'],
      short: 'Display resource (CPU/memory) usage of nodes',
      flags: [SELECTOR_FLAG, SORT_FLAG, NO_HEADERS, { name: 'show-capacity', type: 'bool', usage: 'Print node resources based on Capacity instead of Allocatable(default) of the nodes.' }, PROTOBUF, { name: 'show-swap', type: 'bool' }],
      run: runTopNode,
    },
  ],
};
