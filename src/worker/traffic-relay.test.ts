import { describe, expect, it } from 'vitest';
import { TrafficStream } from '../sim/network/traffic';
import type { TrafficEvent } from '../sim/network/types';
import { FakeWall } from './fake-wall';
import type { WorkerToUi } from './protocol';
import { TRAFFIC_PER_FRAME, TrafficRelay } from './traffic-relay';

const req = (i: number): TrafficEvent => ({ at: i, from: 'default/client', service: 'default/web', to: `default/web-${i % 3}`, status: 200 });

function setup() {
  const wall = new FakeWall();
  const sent: Extract<WorkerToUi, { type: 'traffic' }>[] = [];
  const relay = new TrafficRelay((m) => sent.push(m), wall);
  return { wall, sent, relay };
}

describe('TrafficRelay', () => {
  it('sends nothing, and the stream builds no event, until it is attached', () => {
    const { wall, sent, relay } = setup();
    const stream = new TrafficStream();
    let built = 0;
    stream.emit(() => (built++, req(0)));
    expect(built).toBe(0);
    relay.attach(stream);
    stream.emit(() => (built++, req(1)));
    expect(built).toBe(1);
    wall.run(16);
    expect(sent).toEqual([{ type: 'traffic', events: [req(1)], skipped: 0 }]);
  });

  it('sends one batch a frame, the latest requests of it, and counts the rest', () => {
    const { wall, sent, relay } = setup();
    const stream = new TrafficStream();
    relay.attach(stream);
    for (let i = 0; i < TRAFFIC_PER_FRAME + 10; i++) stream.emit(() => req(i));
    wall.run(16);
    expect(sent).toHaveLength(1);
    expect(sent[0].skipped).toBe(10);
    expect(sent[0].events[0]).toEqual(req(10));
    expect(sent[0].events).toHaveLength(TRAFFIC_PER_FRAME);
    wall.run(100);
    expect(sent).toHaveLength(1); // nothing new, nothing sent
  });

  it('follows a new stream when attached again, and drops what was pending', () => {
    const { wall, sent, relay } = setup();
    const old = new TrafficStream();
    const fresh = new TrafficStream();
    relay.attach(old);
    old.emit(() => req(1));
    relay.attach(fresh);
    expect(old.watched).toBe(false);
    old.emit(() => req(2));
    fresh.emit(() => req(3));
    wall.run(16);
    expect(sent).toEqual([{ type: 'traffic', events: [req(3)], skipped: 0 }]);
    relay.detach();
    expect(fresh.watched).toBe(false);
  });
});
