import { describe, expect, it } from 'vitest';
import { applyLimits } from './limits';
import { MiB } from './usage';

const ctr = (limits: Record<string, string>) => ({ name: 'c', resources: { limits } });

describe('applyLimits', () => {
  it('lets a process under its memory limit use what it asks for', () => {
    expect(applyLimits({ cpuMillis: 40, memoryBytes: 155 * MiB }, ctr({ memory: '200Mi' }))).toEqual({ use: { cpuMillis: 40, memoryBytes: 155 * MiB } });
  });

  it('kills a process that reaches its memory limit, as soon as it has allocated that much', () => {
    const r = applyLimits({ cpuMillis: 40, memoryBytes: 255 * MiB }, ctr({ memory: '100Mi' }), 2048 * MiB);
    expect(r.oomAfterMs).toBe(49);
  });

  it('throttles CPU to a little under the limit and never kills for it', () => {
    const r = applyLimits({ cpuMillis: 2000, memoryBytes: MiB }, ctr({ cpu: '1' }));
    expect(r).toEqual({ use: { cpuMillis: 974, memoryBytes: MiB } });
  });

  it('leaves a container without limits alone', () => {
    expect(applyLimits({ cpuMillis: 3000, memoryBytes: 900 * MiB }, { name: 'c' })).toEqual({ use: { cpuMillis: 3000, memoryBytes: 900 * MiB } });
  });
});
