/**
 * How long the network makes a program wait when nothing answers: the kernel gives up a TCP
 * connect after its SYN retries (tcp_syn_retries=6: 1+2+4+…+64 s), getaddrinfo after its
 * nameservers' `timeout:5 attempts:2`. A program with its own limit (curl -m, wget -T, nc -w)
 * stops sooner. The wait is virtual time: the container's timeline, or the host's clock.
 */
import type { ShellRun } from '../interpreter';

export const TCP_CONNECT_TIMEOUT_MS = 127_000;
export const RESOLVER_TIMEOUT_MS = 10_000;

export function* waitMs(ms: number): ShellRun<void> {
  if (ms > 0) yield { until: () => false, timeoutMs: ms };
}

/** A seconds option (`-T 5`, `--max-time 2.5`) in ms; undefined if not a number. */
export function secondsOption(text: string | undefined): number | undefined {
  if (text === undefined || !/^\d+(\.\d+)?$|^\.\d+$/.test(text)) return undefined;
  return Math.round(Number(text) * 1000);
}
