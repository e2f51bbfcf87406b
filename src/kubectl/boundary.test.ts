/**
 * kubectl (and the lessons' checks) speak to the api through the client only: no module of theirs
 * may reach into the simulation's machinery (cluster, store, clock, kubelets, scheduler,
 * controllers, informers). Pure helpers (objects, labels, quantities, api types and errors) are fine.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The simulation's machinery, as import paths. */
const MACHINERY = /sim\/(cluster|core\/store|core\/clock|context|events|kubelet|scheduler|controllers|informers|client)\b/;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

function offenders(dir: string, except: string[] = []): string[] {
  const root = join(__dirname, '..');
  return sources(join(root, dir))
    .filter((path) => !except.some((e) => path.endsWith(e)))
    .flatMap((path) =>
      // Types are free to share; what runs is what matters.
      [...readFileSync(path, 'utf8').matchAll(/^(?:import|export) (?!type )[^;]*? from '([^']+)'/gms)]
        .map((m) => `'${m[1]}'`)
        .filter((spec) => MACHINERY.test(spec))
        .map((spec) => `${path.slice(root.length + 1)} imports ${spec}`),
    );
}

describe('kubectl speaks to the api only', () => {
  it('no kubectl module imports the simulation\'s machinery', () => {
    expect(offenders('kubectl')).toEqual([]);
  });

  it('no lesson check does either (the replay is a host: it builds a cluster)', () => {
    expect(offenders('lessons', ['replay.ts'])).toEqual([]);
  });
});
