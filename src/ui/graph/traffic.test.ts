import { describe, expect, it } from 'vitest';
import type { Edge } from '@xyflow/react';
import type { TrafficEvent } from '../../sim/network/types';
import { addPulses, PhaseStamps, PULSE_MS, type Pulse } from '../store/traffic';
import type { GraphNode } from './graph-types';
import { describeRequest, outcomeOf, routeIndex, trafficMarks, withTrafficEdges, withTrafficNodes } from './traffic';

const SVC = 'services:default/web';
const SLICE = 'endpointslices:default/web-x7k2p';
const POD = 'pod:default/web-1';
const BOX = 'box:kind-worker';
const edges: Edge[] = [
  { id: `owns:${SVC}->${SLICE}`, source: SVC, target: SLICE },
  { id: `endpoint:${SLICE}->${POD}`, source: SLICE, target: BOX, data: { pod: POD, x: 0, y: 0 } },
  { id: `endpoint:${SLICE}->box:kind-worker2`, source: SLICE, target: 'box:kind-worker2', data: { count: '30 pods' } },
  { id: 'owns:deployments:default/web->replicasets:default/web-1', source: 'deployments:default/web', target: 'replicasets:default/web-1' },
];
const podBox = new Map([
  [POD, BOX],
  ['pod:default/client', BOX],
  ['pod:default/web-9', 'box:kind-worker2'],
]);

function pulses(events: TrafficEvent[], now = 0): Pulse[] {
  return addPulses([], events, now, new PhaseStamps(), 0);
}

describe('requests on the graph', () => {
  it('names the outcome of a request', () => {
    expect(outcomeOf({ at: 0, from: 'host', to: 'default/web-1', status: 200 })).toBe('ok');
    expect(outcomeOf({ at: 0, from: 'host', status: 404 })).toBe('http-error');
    expect(outcomeOf({ at: 0, from: 'host', to: 'default/web-1', status: 0 })).toBe('http-error');
    expect(outcomeOf({ at: 0, from: 'default/c', error: 'ECONNREFUSED' })).toBe('refused');
    expect(outcomeOf({ at: 0, from: 'default/c', error: 'ETIMEDOUT' })).toBe('timeout');
    expect(outcomeOf({ at: 0, from: 'default/c', error: 'NXDOMAIN' })).toBe('nxdomain');
  });

  it('reads the Service → EndpointSlice → pod routes off the drawn edges, per pod or per box', () => {
    const routes = routeIndex(edges);
    expect(routes.get(`${SVC}|${POD}`)).toEqual({ slice: SLICE, owns: `owns:${SVC}->${SLICE}`, endpoint: `endpoint:${SLICE}->${POD}` });
    expect(routes.get(`${SVC}|box:kind-worker2`)?.endpoint).toBe(`endpoint:${SLICE}->box:kind-worker2`);
    expect(routes.size).toBe(2);
  });

  it('lights the client, the Service, its slice, the edges and the chosen pod of a request', () => {
    const marks = trafficMarks(pulses([{ at: 0, from: 'default/client', service: 'default/web', to: 'default/web-1', status: 200 }]), 10, routeIndex(edges), podBox);
    expect(marks.pods.get('pod:default/client')).toBe('kp-traffic kp-traffic-ok kp-traffic-a kp-traffic-hop0 kp-traffic-client');
    expect(marks.pods.get(POD)).toBe('kp-traffic kp-traffic-ok kp-traffic-a kp-traffic-hop4');
    expect([...marks.cards.keys()].sort()).toEqual([SLICE, SVC]);
    expect([...marks.edges.keys()].sort()).toEqual([`endpoint:${SLICE}->${POD}`, `owns:${SVC}->${SLICE}`]);
    expect(marks.host).toBeUndefined();
  });

  it('goes to the box when the Service draws one edge per box', () => {
    const marks = trafficMarks(pulses([{ at: 0, from: 'host', service: 'default/web', to: 'default/web-9', status: 200 }]), 10, routeIndex(edges), podBox);
    expect(marks.edges.has(`endpoint:${SLICE}->box:kind-worker2`)).toBe(true);
    expect(marks.host).toBe('kp-traffic kp-traffic-ok kp-traffic-a kp-traffic-hop0 kp-traffic-client');
  });

  it('shows failures apart: a refused Service, a client whose name did not resolve, an Ingress 503', () => {
    const marks = trafficMarks(
      pulses([
        { at: 0, from: 'default/client', service: 'default/web', error: 'ECONNREFUSED' },
        { at: 0, from: 'default/other', error: 'NXDOMAIN' },
        { at: 0, from: 'host', ingress: 'default/site', service: 'default/web', status: 503 },
      ]),
      10,
      routeIndex(edges),
      podBox,
    );
    expect(marks.pods.get('pod:default/client')).toContain('kp-traffic-refused');
    expect(marks.pods.get('pod:default/other')).toContain('kp-traffic-nxdomain');
    expect(marks.cards.get('ingresses:default/site')).toContain('kp-traffic-http-error');
    expect(marks.edges.get(`routes:ingresses:default/site->${SVC}`)).toContain('kp-traffic-http-error');
    expect(marks.cards.get(SVC)).toContain('kp-traffic-http-error');
  });

  it('flips a hop’s phase on every hit, so its animation restarts, and forgets them once all ended', () => {
    const stamps = new PhaseStamps();
    const e: TrafficEvent = { at: 0, from: 'default/client', service: 'default/web', to: 'default/web-1', status: 200 };
    const first = addPulses([], [e, { ...e, to: 'default/web-2' }], 0, stamps, 0);
    const second = addPulses(first, [e], 100, stamps, 2);
    expect(second.map((p) => [p.phase.service, p.phase.to])).toEqual([['a', 'a'], ['b', 'a'], ['a', 'b']]);
    expect(trafficMarks(second, 200, routeIndex(edges), podBox).pods.get(POD)).toContain('kp-traffic-b');
    // All shown: the next request starts over at phase a.
    const later = addPulses(second, [e], 100 + PULSE_MS, stamps, 3);
    expect(later.map((p) => p.phase.to)).toEqual(['a']);
  });

  it('stops showing a request once its time is up', () => {
    const p = pulses([{ at: 0, from: 'default/client', to: 'default/web-1', status: 200 }], 0);
    expect(trafficMarks(p, PULSE_MS - 1, routeIndex(edges), podBox).pods.size).toBe(2);
    const after = trafficMarks(p, PULSE_MS, routeIndex(edges), podBox);
    expect(after.pods.size).toBe(0);
    expect(after.latest).toBeUndefined();
  });

  it('adds classes to the lit nodes and edges only; the others keep their identity', () => {
    const marks = trafficMarks(pulses([{ at: 0, from: 'default/client', service: 'default/web', to: 'default/web-1', status: 200 }]), 10, routeIndex(edges), podBox);
    const lit = withTrafficEdges(edges, marks);
    expect(lit[0].className).toBe('kp-traffic kp-traffic-ok kp-traffic-a kp-traffic-hop2');
    expect(lit[1].className).toBe('kp-traffic kp-traffic-ok kp-traffic-a kp-traffic-hop3');
    expect(lit[2]).toBe(edges[2]);
    expect(lit[3]).toBe(edges[3]);
    const nodes = [
      { id: SVC, type: 'workload', position: { x: 0, y: 0 }, data: {} },
      { id: 'deployments:default/web', type: 'workload', position: { x: 0, y: 0 }, data: {} },
      { id: BOX, type: 'box', position: { x: 0, y: 0 }, data: { cells: [] } },
      { id: 'box:kind-worker3', type: 'box', position: { x: 0, y: 0 }, data: { cells: [] } },
    ] as unknown as GraphNode[];
    const out = withTrafficNodes(nodes, marks, podBox);
    expect(out[0].className).toContain('kp-traffic-ok');
    expect(out[1]).toBe(nodes[1]);
    expect(out[2].type === 'box' && out[2].data.traffic).toEqual({ [POD]: 'kp-traffic kp-traffic-ok kp-traffic-a kp-traffic-hop4', 'pod:default/client': 'kp-traffic kp-traffic-ok kp-traffic-a kp-traffic-hop0 kp-traffic-client' });
    expect(out[3]).toBe(nodes[3]);
  });

  it('says the latest request in words', () => {
    expect(describeRequest({ at: 0, from: 'default/client', service: 'default/web', to: 'default/web-7d4b9-x2lqp', status: 200 })).toBe('client → svc/web → web-7d4b9-x2lqp · 200');
    expect(describeRequest({ at: 0, from: 'host', ingress: 'default/site', service: 'default/foo', to: 'default/foo-app', status: 200 })).toBe('your machine → ing/site → svc/foo → foo-app · 200');
    expect(describeRequest({ at: 0, from: 'default/client', error: 'NXDOMAIN' })).toBe('client · unknown name (NXDOMAIN)');
    expect(describeRequest({ at: 0, from: 'default/client', error: 'ETIMEDOUT' })).toBe('client · timed out');
    expect(describeRequest({ at: 0, from: 'default/client', service: 'default/web', to: 'default/web-1', error: 'ETIMEDOUT', dropped: true })).toBe('client → svc/web → web-1 · dropped by NetworkPolicy (timed out)');
    expect(describeRequest({ at: 0, from: 'host', service: 'default/web-np', to: 'default/web-1', status: 200 }, false)).toBe('→ svc/web-np → web-1 · 200');
    expect(describeRequest({ at: 0, from: 'host', error: 'ECONNREFUSED' }, false)).toBe('· connection refused');
  });
});
