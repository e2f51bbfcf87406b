import { describe, it, expect } from 'vitest';
import { Clock } from '../sim/core/clock';
import { FakeWall } from './fake-wall';
import { FRAME_MS, TimeDriver } from './time-driver';

function setup() {
  const clock = new Clock(0);
  const wall = new FakeWall();
  let ticks = 0;
  const driver = new TimeDriver(clock, wall, () => clock.nextEventAt(), () => ticks++);
  return { clock, wall, driver, ticks: () => ticks };
}

describe('TimeDriver', () => {
  it('sleeps with no wall timer while the cluster is idle', () => {
    const { wall, driver } = setup();
    driver.schedule();
    expect(wall.timers.size).toBe(0);
  });

  it('wakes when the next virtual timer is due, scaled by speed', () => {
    const { clock, wall, driver } = setup();
    const fired: number[] = [];
    clock.after(10_000, () => fired.push(clock.now()));
    driver.setSpeed(10);
    expect([...wall.timers.values()][0].at).toBe(1000);
    wall.run(999);
    expect(fired).toEqual([]);
    wall.run(1);
    expect(fired).toEqual([10_000]);
    expect(wall.timers.size).toBe(0);
  });

  it('catches virtual time up with the wall clock on demand', () => {
    const { clock, wall, driver } = setup();
    driver.setSpeed(60);
    wall.t = 2000;
    driver.catchUp();
    expect(clock.now()).toBe(120_000);
  });

  it('keeps virtual time in whole milliseconds when wall time is fractional', () => {
    const { clock, wall, driver } = setup();
    driver.setSpeed(30);
    wall.t = 12.345;
    driver.catchUp();
    expect(clock.now()).toBe(370);
  });

  it('stands still while paused and resumes from where it stopped', () => {
    const { clock, wall, driver } = setup();
    clock.after(5000, () => undefined);
    driver.pause();
    expect(wall.timers.size).toBe(0);
    wall.t = 60_000;
    driver.catchUp();
    expect(clock.now()).toBe(0);
    driver.play();
    wall.t = 61_000;
    driver.catchUp();
    expect(clock.now()).toBe(1000);
  });

  it('steps by hand: runs what it is given, re-anchors, ticks, and stays paused', () => {
    const { clock, wall, driver, ticks } = setup();
    driver.pause();
    clock.after(30_000, () => undefined);
    const ran = driver.step(() => clock.runNext());
    expect(ran?.at).toBe(30_000);
    expect(clock.now()).toBe(30_000);
    expect(ticks()).toBe(1);
    expect(driver.paused).toBe(true);
    wall.t = 60_000;
    driver.catchUp();
    expect(clock.now()).toBe(30_000);
    driver.play();
    wall.t = 61_000;
    driver.catchUp();
    expect(clock.now()).toBe(31_000);
  });

  it('never sleeps less than a frame even when timers are due now', () => {
    const { clock, wall, driver } = setup();
    clock.after(0, () => undefined);
    driver.schedule();
    expect([...wall.timers.values()][0].at).toBe(FRAME_MS);
  });
});
