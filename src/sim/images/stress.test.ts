import { describe, expect, it } from 'vitest';
import { MiB } from '../metrics/usage';
import { polinuxStress, vishStress } from './stress';

describe('polinux/stress', () => {
  it('asks for what --vm and --vm-bytes say, and prints its dispatch line', () => {
    const w = polinuxStress(['stress', '--vm', '1', '--vm-bytes', '150M', '--vm-hang', '1'])!;
    expect(w.wants.memoryBytes).toBe(162856960);
    expect(w.lines).toEqual([[0, 'stress: info: [1] dispatching hogs: 0 cpu, 0 io, 1 vm, 0 hdd']]);
    expect(w.exit).toBeUndefined();
  });

  it('spins a CPU per --cpu worker and ends after --timeout', () => {
    const w = polinuxStress(['stress', '--cpu', '2', '--timeout', '10s'])!;
    expect(w.wants.cpuMillis).toBe(2000);
    expect(w.exit).toEqual({ afterMs: 10_000, code: 0 });
    expect(w.lines[1]).toEqual([10_000, 'stress: info: [1] successful run completed in 10s']);
  });

  it('prints its usage without arguments, and is not every program', () => {
    expect(polinuxStress(['stress'])!.lines[0][1]).toBe("`stress' imposes certain types of compute stress on your system");
    expect(polinuxStress(['sh', '-c', 'sleep 1'])).toBeUndefined();
  });
});

describe('vish/stress', () => {
  it('spawns one CPU-burning thread per -cpus and allocates -mem-total', () => {
    const w = vishStress(['/stress', '-logtostderr', '-cpus', '2', '-mem-total', '150Mi'])!;
    expect(w.wants.cpuMillis).toBe(2000);
    expect(w.wants.memoryBytes).toBe(150 * MiB + 1200 * 1024);
    expect(w.lines.filter(([, t]) => t.includes('Spawning a thread to consume CPU'))).toHaveLength(2);
  });
});
