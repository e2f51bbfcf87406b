/**
 * What the inspector shows of one object: its YAML, `kubectl describe`, its events (as the
 * terminal's kubectl prints them) and, for a pod, its containers' cards.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { KObject } from '../sim/core/object';
import type { Store } from '../sim/core/store';
import { CronParseError, nextAfter, parseStandard } from '../sim/kinds/batch/cron-schedule';
import { rfc3339 } from '../sim/core/utc';
import { inspectContainers } from './inspect-containers';
import { inspectVolumes } from './inspect-volumes';
import type { PodSandbox } from '../sim/kubelet/exec/sandbox';
import type { InspectResult, ObjectRef } from './protocol';

type RunNow = (args: string[]) => { exitCode: number; stdout: string; stderr: string };

/** A running pod as its kubelet holds it (its files), and the instant to read them at. */
export interface PodFilesAccess {
  sandbox(uid: string): PodSandbox | undefined;
  now(): number;
}

/** The inspector's way to a pod's files: whichever kubelet runs it. */
export function podFilesIn(cluster: { kubelets: ReadonlyMap<string, { sandbox(uid: string): PodSandbox | undefined }>; clock: { now(): number } }): PodFilesAccess {
  return {
    sandbox: (uid) => {
      for (const k of cluster.kubelets.values()) {
        const s = k.sandbox(uid);
        if (s) return s;
      }
      return undefined;
    },
    now: () => cluster.clock.now(),
  };
}

export function inspectObject(ref: ObjectRef, runNow: RunNow, store: Store, now: number, files?: PodFilesAccess): InspectResult {
  const ns = ref.namespace ? ['-n', ref.namespace] : [];
  const yaml = runNow(['get', `${ref.resource}/${ref.name}`, ...ns, '-o', 'yaml']);
  const describe = runNow(['describe', ref.resource, ref.name, ...ns]);
  const events = runNow(['get', 'events', ...ns, '--field-selector', `involvedObject.name=${ref.name}`]);
  return {
    found: yaml.exitCode === 0,
    yaml: yaml.stdout || yaml.stderr,
    describe: describe.stdout || describe.stderr,
    events: events.stdout || events.stderr,
    ...(ref.resource === 'pods' ? podContainers(ref, store, files) : {}),
    ...(ref.resource === 'cronjobs' ? cronJobNextRun(ref, store, now) : {}),
  };
}

/** When the CronJob runs next: its schedule's next time after now, in its time zone (none while suspended). */
function cronJobNextRun(ref: ObjectRef, store: Store, now: number): Pick<InspectResult, 'nextRun'> {
  const cj = store.get('cronjobs', ref.namespace, ref.name) as (KObject & { spec?: { schedule?: string; timeZone?: string; suspend?: boolean } }) | undefined;
  if (!cj?.spec?.schedule || cj.spec.suspend) return {};
  try {
    const next = nextAfter(parseStandard(cj.spec.schedule), now, cj.spec.timeZone ?? undefined);
    return next === undefined ? {} : { nextRun: rfc3339(next) };
  } catch (e) {
    if (e instanceof CronParseError) return {};
    throw e;
  }
}

function podContainers(ref: ObjectRef, store: Store, files?: PodFilesAccess): Pick<InspectResult, 'containers' | 'volumes'> {
  const pod = store.get('pods', ref.namespace, ref.name);
  if (!pod) return {};
  const volumes = files ? inspectVolumes(pod as Pod & KObject, files.sandbox(pod.metadata.uid!), files.now()) : undefined;
  return { containers: inspectContainers(pod as Pod & KObject, store.list('events', ref.namespace)), volumes };
}
