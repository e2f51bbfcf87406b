/**
 * The address checks Endpoints and EndpointSlices share (pkg/apis/core/validation
 * `validateEndpointAddress` → `ValidateNonSpecialIP`): a valid IP that is not unspecified,
 * loopback or link-local, since kube-proxy would send traffic there.
 */
import { goQuote } from '../../core/gostr';
import { parseIPv4 } from '../../core/names';
import type { FieldError } from '../../api/errors';

/** Addresses no Service may point at; empty when `ip` is a usable IPv4 address. */
export function specialIPErrors(ip: string, field: string): FieldError[] {
  const n = parseIPv4(ip);
  if (n === undefined) return [{ type: 'Invalid value', field, value: goQuote(ip), detail: 'must be a valid IP address' }];
  const invalid = (detail: string): FieldError => ({ type: 'Invalid value', field, value: goQuote(ip), detail });
  const first = n >>> 24;
  if (n === 0) return [invalid(`may not be unspecified (${ip})`)];
  if (first === 127) return [invalid('may not be in the loopback range (127.0.0.0/8, ::1/128)')];
  if (n >>> 16 === (169 << 8) + 254) return [invalid('may not be in the link-local range (169.254.0.0/16, fe80::/10)')];
  if (n >>> 8 === 224 << 16) return [invalid('may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)')];
  return [];
}

/** An IPv4 EndpointSlice's address (`IsValidIPv4Address`, then not a special one). */
export function ipv4EndpointErrors(ip: string, field: string): FieldError[] {
  if (parseIPv4(ip) === undefined) return [{ type: 'Invalid value', field, value: goQuote(ip), detail: 'must be a valid IPv4 address' }];
  return specialIPErrors(ip, field);
}
