/** A bare api-server with the default namespaces, for strategy tests. */
import { Clock } from '../core/clock';
import type { KObject } from '../core/object';
import { Rng } from '../core/rng';
import { Store } from '../core/store';
import { ApiServer } from '../api/apiserver';
import { StatusError } from '../api/errors';

export function testServer(seed = 1, namespaces = ['default', 'kube-system']): ApiServer {
  const api = new ApiServer(new Store(true), new Clock(0), new Rng(seed));
  for (const name of namespaces) api.create('namespaces', undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  return api;
}

/** The StatusError `fn` throws (fails the test when it throws nothing or something else). */
export function statusOf(fn: () => unknown): StatusError {
  try {
    fn();
  } catch (e) {
    if (e instanceof StatusError) return e;
    throw e;
  }
  throw new Error('expected a StatusError');
}

export function causes(fn: () => unknown): string[] {
  return (statusOf(fn).status.details?.causes ?? []).map((c) => c.message);
}

export function deployment(name: string, extra: Record<string, unknown> = {}): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name },
    spec: {
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] } },
      ...extra,
    },
  };
}

export function pod(name: string, spec: Record<string, unknown> = {}): KObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers: [{ name: 'nginx', image: 'nginx' }], ...spec } };
}
