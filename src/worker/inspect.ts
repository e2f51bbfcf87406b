/**
 * What the inspector shows of one object: its YAML, `kubectl describe`, its events (as the
 * terminal's kubectl prints them) and, for a pod, its containers' cards.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { KObject } from '../sim/core/object';
import type { Store } from '../sim/core/store';
import { inspectContainers } from './inspect-containers';
import type { InspectResult, ObjectRef } from './protocol';

type RunNow = (args: string[]) => { exitCode: number; stdout: string; stderr: string };

export function inspectObject(ref: ObjectRef, runNow: RunNow, store: Store): InspectResult {
  const ns = ref.namespace ? ['-n', ref.namespace] : [];
  const yaml = runNow(['get', `${ref.resource}/${ref.name}`, ...ns, '-o', 'yaml']);
  const describe = runNow(['describe', ref.resource, ref.name, ...ns]);
  const events = runNow(['get', 'events', ...ns, '--field-selector', `involvedObject.name=${ref.name}`]);
  return {
    found: yaml.exitCode === 0,
    yaml: yaml.stdout || yaml.stderr,
    describe: describe.stdout || describe.stderr,
    events: events.stdout || events.stderr,
    ...(ref.resource === 'pods' ? podContainers(ref, store) : {}),
  };
}

function podContainers(ref: ObjectRef, store: Store): Pick<InspectResult, 'containers'> {
  const pod = store.get('pods', ref.namespace, ref.name);
  if (!pod) return {};
  return { containers: inspectContainers(pod as Pod & KObject, store.list('events', ref.namespace)) };
}
