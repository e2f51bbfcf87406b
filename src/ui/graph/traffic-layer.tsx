/**
 * Requests on the graph, the React part: the marks of the requests still showing (./traffic.ts),
 * re-evaluated when requests arrive and when the oldest stops showing, and a one-line caption of
 * the latest request, with "your machine" lit when it came from outside the cluster.
 */
import { useEffect, useMemo, useState } from 'react';
import type { Edge } from '@xyflow/react';
import { useApp } from '../store';
import { describeRequest, routeIndex, trafficMarks, type TrafficMarks } from './traffic';
import './traffic.css';

export function useTrafficMarks(edges: readonly Edge[], podBox: ReadonlyMap<string, string>): TrafficMarks {
  const pulses = useApp((s) => s.pulses);
  // Bumped when a pulse's time is up, so the marks are worked out again without it.
  const [tick, setTick] = useState(0);
  const routes = useMemo(() => routeIndex(edges), [edges]);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `tick` stands for the wall clock
  const marks = useMemo(() => trafficMarks(pulses, performance.now(), routes, podBox), [pulses, tick, routes, podBox]);
  useEffect(() => {
    const now = performance.now();
    let next = Infinity;
    for (const p of pulses) if (p.until > now && p.until < next) next = p.until;
    if (next === Infinity) return;
    const t = setTimeout(() => setTick((n) => n + 1), next - now + 1);
    return () => clearTimeout(t);
  }, [pulses, tick]);
  return marks;
}

/** The latest request in words, at the foot of the graph while requests flow. */
export function TrafficCaption({ marks }: { marks: TrafficMarks }) {
  if (!marks.latest) return null;
  return (
    <p className="kp-traffic-caption" data-testid="traffic-caption">
      {marks.host && <span className={`kp-traffic-host ${marks.host}`}>your machine</span>}
      <span className="kp-traffic-words">{describeRequest(marks.latest.event, !(marks.host && marks.latest.event.from === 'host'))}</span>
    </p>
  );
}
