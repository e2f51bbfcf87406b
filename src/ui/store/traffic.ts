/**
 * The requests the graph animates (worker `traffic` batches): the latest few, each stamped with
 * the wall time it stops showing and, per thing it touches, a phase that flips on every hit — the
 * graph alternates two identical CSS animations by phase, so a pod hit again restarts its pulse.
 */
import type { TrafficEvent } from '../../sim/network/types';
import type { Slice } from './state';

/** How long one request shows on the graph (wall ms). */
export const PULSE_MS = 1500;
/** Requests kept: more than the graph can show at once at hundreds a second. */
export const MAX_PULSES = 48;

export type Phase = 'a' | 'b';

/** One request as the graph shows it. */
export interface Pulse {
  seq: number;
  event: TrafficEvent;
  /** Wall ms (performance.now) after which it no longer shows. */
  until: number;
  /** The phase of each end it touches: `from`, `service`, `ingress`, `to`. */
  phase: { from: Phase; service: Phase; ingress: Phase; to: Phase };
}

export interface TrafficSlice {
  pulses: readonly Pulse[];
  /** Requests seen since the page loaded (sent or skipped by the worker). */
  requestsSeen: number;
  receiveTraffic(events: readonly TrafficEvent[], skipped: number, now: number): void;
}

/** Flips a phase per key on each hit; forgets keys once nothing shows (no unbounded growth). */
export class PhaseStamps {
  private readonly last = new Map<string, Phase>();

  hit(key: string | undefined): Phase {
    if (key === undefined) return 'a';
    const next: Phase = this.last.get(key) === 'a' ? 'b' : 'a';
    this.last.set(key, next);
    return next;
  }

  forget(): void {
    this.last.clear();
  }
}

/** The slice's pulses after a batch: the new ones stamped, the expired and the oldest beyond MAX_PULSES dropped. */
export function addPulses(current: readonly Pulse[], events: readonly TrafficEvent[], now: number, stamps: PhaseStamps, firstSeq: number): Pulse[] {
  const live = current.filter((p) => p.until > now);
  if (live.length === 0) stamps.forget();
  const fresh = events.map((event, i) => ({
    seq: firstSeq + i,
    event,
    until: now + PULSE_MS,
    phase: { from: stamps.hit(`from:${event.from}`), service: stamps.hit(event.service && `svc:${event.service}`), ingress: stamps.hit(event.ingress && `ing:${event.ingress}`), to: stamps.hit(event.to && `to:${event.to}`) },
  }));
  const all = live.concat(fresh);
  return all.length > MAX_PULSES ? all.slice(all.length - MAX_PULSES) : all;
}

export const trafficSlice: Slice<TrafficSlice> = (set) => {
  const stamps = new PhaseStamps();
  return {
    pulses: [],
    requestsSeen: 0,
    receiveTraffic: (events, skipped, now) =>
      set((s) => ({ pulses: addPulses(s.pulses, events, now, stamps, s.requestsSeen + skipped), requestsSeen: s.requestsSeen + skipped + events.length })),
  };
};
