/**
 * Runs kubectl against a cluster headlessly: builds the cluster's client, then drives the
 * program to its end, advancing the virtual clock through every `Wait` at once (drive.ts).
 */
import { kubectl } from '../kubectl';
import type { KubectlIO } from '../kubectl/types';
import type { Cluster } from '../sim/cluster';
import { createClient } from '../sim/client';
import { drive } from './drive';

/** Runs `kubectl <argv>` to completion; kubectl's randomness is seeded with the cluster's seed. */
export function runKubectl(cluster: Cluster, argv: string[], io: Omit<KubectlIO, 'seed'>): number {
  return drive(cluster, kubectl(createClient(cluster), argv, { ...io, seed: cluster.options.seed, localPorts: cluster.hostPorts }));
}
