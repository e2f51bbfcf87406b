/**
 * CIDRs as NetworkPolicy's ipBlock reads them (k8s.io/utils/net ParseCIDRSloppy: leading zeros
 * allowed, host bits ignored). The cluster is IPv4; IPv6 blocks are valid and match no address.
 */

export interface Cidr {
  family: 4 | 6;
  /** IPv4: the network address as an unsigned 32-bit number. */
  base: number;
  /** The prefix length. */
  bits: number;
}

/** The block, or undefined when Go's ParseCIDR would refuse it. */
export function parseCidr(text: string): Cidr | undefined {
  const slash = text.indexOf('/');
  if (slash < 0) return undefined;
  const addr = text.slice(0, slash);
  const prefix = text.slice(slash + 1);
  if (!/^\d{1,3}$/.test(prefix)) return undefined;
  const bits = Number(prefix);
  const v4 = parseIPv4Sloppy(addr);
  if (v4 !== undefined) return bits > 32 ? undefined : { family: 4, base: (v4 & mask(bits)) >>> 0, bits };
  if (isIPv6(addr)) return bits > 128 ? undefined : { family: 6, base: 0, bits };
  return undefined;
}

/** Whether `ip` (IPv4 dotted quad) lies in the block. */
export function cidrContains(c: Cidr, ip: number): boolean {
  return c.family === 4 && ((ip & mask(c.bits)) >>> 0) === c.base;
}

/** Whether `inner` is a strict subset of `outer` (ipBlock.except's rule). */
export function strictSubset(outer: Cidr, inner: Cidr): boolean {
  if (outer.family !== inner.family) return false;
  if (outer.family === 6) return outer.bits < inner.bits;
  return cidrContains(outer, inner.base) && outer.bits < inner.bits;
}

function mask(bits: number): number {
  return bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
}

/** A dotted quad, leading zeros allowed (ParseIPSloppy). */
export function parseIPv4Sloppy(ip: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip);
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  return (((parts[0] << 24) >>> 0) + (parts[1] << 16) + (parts[2] << 8) + parts[3]) >>> 0;
}

function isIPv6(addr: string): boolean {
  if (!/^[0-9a-fA-F:.]+$/.test(addr) || !addr.includes(':')) return false;
  const halves = addr.split('::');
  if (halves.length > 2) return false;
  const groups = (s: string) => (s === '' ? [] : s.split(':'));
  const all = halves.flatMap(groups);
  let count = 0;
  for (let i = 0; i < all.length; i++) {
    const g = all[i];
    if (i === all.length - 1 && g.includes('.')) {
      if (parseIPv4Sloppy(g) === undefined) return false;
      count += 2;
    } else if (/^[0-9a-fA-F]{1,4}$/.test(g)) count++;
    else return false;
  }
  return halves.length === 2 ? count < 8 : count === 8;
}
