/**
 * Cluster IP and node port allocation, as the service REST storage does it: kind's service
 * CIDR 10.96.0.0/16 (kind's `serviceSubnet`; kubeadm's own default is /12) and the node port range 30000-32767. Dynamic picks come from the upper
 * band (Kubernetes reserves the low band for static assignments).
 */
import { formatIPv4, parseIPv4 } from '../../core/names';
import type { Rng } from '../../core/rng';
import type { KObject } from '../../core/object';
import type { Service } from 'kubernetes-types/core/v1';
import { objects } from '../util';

export const SERVICE_CIDR = '10.96.0.0/16';
const CIDR_BASE = parseIPv4('10.96.0.0')!;
const CIDR_SIZE = 1 << 16;
/** min(max(16, size/16), 256) addresses at the bottom are the static band. */
const IP_STATIC_BAND = 256;
export const NODE_PORT_MIN = 30000;
export const NODE_PORT_MAX = 32767;
/** min(max(16, 2768/16), 128) ports at the bottom are the static band. */
const PORT_STATIC_BAND = 128;

export function usedClusterIPs(services: readonly (Service & KObject)[], except?: string): Set<number> {
  const used = new Set<number>();
  for (const s of services) {
    if (s.metadata.uid && s.metadata.uid === except) continue;
    for (const ip of s.spec?.clusterIPs ?? []) {
      const n = parseIPv4(ip);
      if (n !== undefined) used.add(n);
    }
  }
  return used;
}

export function usedNodePorts(services: readonly (Service & KObject)[], except?: string): Set<number> {
  const used = new Set<number>();
  for (const s of services) {
    if (s.metadata.uid && s.metadata.uid === except) continue;
    for (const p of objects(s.spec?.ports)) if (typeof p.nodePort === 'number') used.add(p.nodePort);
  }
  return used;
}

/** Why a requested IP cannot be had, or undefined when it can. */
export function clusterIPProblem(ip: string, used: Set<number>): string | undefined {
  const n = parseIPv4(ip);
  if (n === undefined) return undefined;
  if (n <= CIDR_BASE || n >= CIDR_BASE + CIDR_SIZE - 1) {
    return `failed to allocate IP ${ip}: the provided IP (${ip}) is not in the valid range. The range of valid IPs is ${SERVICE_CIDR}`;
  }
  if (used.has(n)) return `failed to allocate IP ${ip}: provided IP is already allocated`;
  return undefined;
}

export function allocateClusterIP(rng: Rng, used: Set<number>): string {
  const dynamic = CIDR_SIZE - IP_STATIC_BAND - 1;
  for (;;) {
    const n = CIDR_BASE + IP_STATIC_BAND + rng.int(0, dynamic - 1);
    if (!used.has(n)) {
      used.add(n);
      return formatIPv4(n);
    }
  }
}

export function nodePortProblem(port: number, used: Set<number>): string | undefined {
  if (port < NODE_PORT_MIN || port > NODE_PORT_MAX) {
    return `provided port is not in the valid range. The range of valid ports is ${NODE_PORT_MIN}-${NODE_PORT_MAX}`;
  }
  if (used.has(port)) return 'provided port is already allocated';
  return undefined;
}

/** A free node port, or undefined when the whole range is taken. */
export function allocateNodePort(rng: Rng, used: Set<number>): number | undefined {
  const low = NODE_PORT_MIN + PORT_STATIC_BAND;
  let upperUsed = 0;
  for (const p of used) if (p >= low && p <= NODE_PORT_MAX) upperUsed++;
  if (upperUsed >= NODE_PORT_MAX - low + 1) {
    // Upper band full: fall back to the static band, as Kubernetes does.
    for (let p = NODE_PORT_MIN; p < low; p++) {
      if (!used.has(p)) {
        used.add(p);
        return p;
      }
    }
    return undefined;
  }
  for (;;) {
    const p = rng.int(low, NODE_PORT_MAX);
    if (!used.has(p)) {
      used.add(p);
      return p;
    }
  }
}
