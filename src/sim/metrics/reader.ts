/**
 * The metrics API as a client reads it (`kubectl top`, the HPA): list with a label selector, or
 * get one object by name (NotFound as metrics-server words it: `podmetrics.metrics.k8s.io
 * "default/web" not found`).
 */
import type { MetricsReader } from '../../kubectl/client';
import { statusError } from '../api/errors';
import { matchSelector, parseSelector } from '../core/labels';
import { listNodeMetrics, listPodMetrics, metricsApiRegistered, type MetricsHost } from './metrics-api';

export function metricsReader(host: MetricsHost): MetricsReader | undefined {
  if (!metricsApiRegistered(host)) return undefined;
  const select = <T extends { metadata: { labels?: Record<string, string> } }>(items: T[], selector?: string): T[] => {
    if (!selector) return items;
    const s = parseSelector(selector);
    return items.filter((i) => matchSelector(s, i.metadata.labels ?? {}));
  };
  return {
    pods(namespace, opts = {}) {
      const items = listPodMetrics(host, namespace, opts.name);
      if (opts.name === undefined) return select(items, opts.labelSelector);
      const found = items.filter((m) => m.metadata.name === opts.name);
      if (!found.length) throw statusError('NotFound', `podmetrics.metrics.k8s.io "${namespace}/${opts.name}" not found`, { name: opts.name, group: 'metrics.k8s.io', kind: 'pods' });
      return found;
    },
    nodes(opts = {}) {
      const items = listNodeMetrics(host, opts.name);
      if (opts.name === undefined) return select(items, opts.labelSelector);
      const found = items.filter((m) => m.metadata.name === opts.name);
      if (!found.length) throw statusError('NotFound', `nodemetrics.metrics.k8s.io "${opts.name}" not found`, { name: opts.name, group: 'metrics.k8s.io', kind: 'nodes' });
      return found;
    },
  };
}
