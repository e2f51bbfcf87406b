/**
 * `kubectl rollout status|history|undo|restart|pause|resume` for Deployments, with kubectl's
 * texts (rollout_status.go's DeploymentStatusViewer, history.go, rollback.go).
 */
import type { ResourceType } from '../../sim/api/registry';
import { controllerRef, type KObject } from '../../sim/core/object';
import { rfc3339 } from '../../sim/core/utc';
import {
  CHANGE_CAUSE_ANNOTATION,
  DESIRED_REPLICAS_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  revisionOf,
} from '../../sim/kinds/apps/deployment-revision';
import { daemonSetRevisions, daemonSetRollback, daemonSetStatus } from './rollout-daemonset';
import { statefulSetStatus } from './rollout-statefulset';
import { equalIgnoreHash } from '../../sim/kinds/apps/new-replicaset';
import { POD_TEMPLATE_HASH_LABEL } from '../../sim/kinds/apps/pod-template-hash';
import type { DeploymentObject, ReplicaSetObject } from '../../sim/kinds/apps/workload-types';
import type { ParsedArgs } from '../args';
import { LAST_APPLIED_ANNOTATION } from '../apply-merge';
import { CliError, formatError } from '../errors';
import { DRY_RUN_FLAG, FIELD_MANAGER_FLAG, FILENAME_FLAG, PRINT_FLAGS, RECURSIVE_FLAG, SELECTOR_FLAG } from '../flags';
import { printErrors } from '../infos';
import { checkOutputFormat, dryRunMode, printChange } from '../output';
import { objectRef } from '../resources';
import { tabwrite } from '../printers/tabwriter';
import { printObjects } from '../printers';
import { describePodTemplate } from '../describe/pod';
import { PrefixWriter } from '../describe/writer';
import type { CommandContext, CommandModule, KubectlProgram } from '../types';
import { findObjects, mutableCopy, updateObject, type Found } from '../workload';

const ROLLOUT_KINDS = ['deployments', 'daemonsets', 'statefulsets'];
const WEEK_MS = 168 * 3600 * 1000;

const TARGET_FLAGS = [FILENAME_FLAG, RECURSIVE_FLAG, SELECTOR_FLAG];

function targets(ctx: CommandContext, args: ParsedArgs): { found: Found[]; errors: unknown[] } {
  if (args.args.length === 0 && args.strings('filename').length === 0) throw new CliError('required resource not specified');
  return findObjects(ctx, args, args.args, { selector: args.string('selector'), filenames: args.strings('filename') });
}

function requireDeployment(type: ResourceType): void {
  if (!ROLLOUT_KINDS.includes(type.plural)) throw new CliError(`no status viewer has been implemented for ${type.kind}`);
}

/** DaemonSets and StatefulSets keep their history in ControllerRevisions. */
const withRevisions = (type: ResourceType) => type.plural === 'daemonsets' || type.plural === 'statefulsets';

function finish(ctx: CommandContext, errors: unknown[]): number {
  if (errors.length) {
    printErrors(ctx, errors, (e) => formatError(e, ctx.path));
    return 1;
  }
  return 0;
}

/** The ReplicaSets a Deployment controls. */
export function ownedReplicaSets(ctx: CommandContext, d: KObject): ReplicaSetObject[] {
  return ctx.client
    .list('replicasets', d.metadata.namespace)
    .filter((rs) => controllerRef(rs)?.uid === d.metadata.uid) as ReplicaSetObject[];
}

// ---- status ----

/** kubectl's DeploymentStatusViewer: the line to print and whether the rollout is done. */
export function deploymentStatus(d: DeploymentObject): { message: string; done: boolean; error?: string } {
  const name = d.metadata.name;
  const st = d.status ?? {};
  if ((d.metadata.generation ?? 0) <= (st.observedGeneration ?? 0)) {
    const progressing = (st.conditions ?? []).find((c) => c.type === 'Progressing');
    if (progressing?.reason === 'ProgressDeadlineExceeded') return { message: '', done: false, error: `deployment "${name}" exceeded its progress deadline` };
    const replicas = d.spec?.replicas;
    const updated = st.updatedReplicas ?? 0;
    if (replicas !== undefined && updated < replicas) {
      return { message: `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${replicas} new replicas have been updated...`, done: false };
    }
    if ((st.replicas ?? 0) > updated) {
      return { message: `Waiting for deployment "${name}" rollout to finish: ${(st.replicas ?? 0) - updated} old replicas are pending termination...`, done: false };
    }
    if ((st.availableReplicas ?? 0) < updated) {
      return { message: `Waiting for deployment "${name}" rollout to finish: ${st.availableReplicas ?? 0} of ${updated} updated replicas are available...`, done: false };
    }
    return { message: `deployment "${name}" successfully rolled out`, done: true };
  }
  return { message: 'Waiting for deployment spec update to be observed...', done: false };
}

const status: CommandModule = {
  name: 'status',
  short: 'Show the status of the rollout',
  flags: [...TARGET_FLAGS, { name: 'watch', short: 'w', type: 'bool', default: true }, { name: 'revision', type: 'int' }, { name: 'timeout', type: 'duration', default: 0 }],
  *run(ctx, args): KubectlProgram {
    const { found, errors } = targets(ctx, args);
    if (errors.length) return finish(ctx, errors);
    if (found.length !== 1) throw new CliError(`rollout status is only supported on individual resources and resource collections are not supported yet`);
    const { type, object } = found[0];
    requireDeployment(type);
    const viewer = type.plural === 'daemonsets' ? daemonSetStatus : type.plural === 'statefulsets' ? statefulSetStatus : (o: KObject) => deploymentStatus(o as DeploymentObject);
    const d = object;
    const events: KObject[] = [];
    const stop = ctx.client.watch(type.plural, { namespace: d.metadata.namespace, fieldSelector: `metadata.name=${d.metadata.name}` }, (e) => {
      if (e.object.metadata.uid === d.metadata.uid && e.type !== 'DELETED') events.push(e.object);
    });
    try {
      const timeout = args.duration('timeout') || WEEK_MS;
      const deadline = ctx.client.now() + timeout;
      let pending: KObject[] = [ctx.client.get(type.plural, d.metadata.namespace, d.metadata.name!)];
      for (;;) {
        for (const obj of pending) {
          const s = viewer(obj);
          if (s.error) throw new CliError(s.error);
          ctx.out(s.message);
          if (s.done || !args.bool('watch')) return 0;
        }
        events.length = 0;
        const left = deadline - ctx.client.now();
        const ok: boolean = left > 0 ? yield { until: () => events.length > 0, timeoutMs: left } : false;
        if (!ok) throw new CliError('timed out waiting for the condition');
        pending = [...events];
      }
    } finally {
      stop();
    }
  },
};

// ---- history ----

const history: CommandModule = {
  name: 'history',
  short: 'View rollout history',
  flags: [...TARGET_FLAGS, { name: 'revision', type: 'int' }, ...PRINT_FLAGS],
  run(ctx, args) {
    const output = args.declared('output') ? args.string('output') : '';
    if (output) checkOutputFormat(args);
    const wanted = args.int('revision');
    if (wanted < 0) throw new CliError(`revision must be a positive integer: ${wanted}`);
    const { found, errors } = targets(ctx, args);
    // With -o, kubectl prints the revisions' ReplicaSets through one printer (YAML documents
    // after the first start with `---`); otherwise the history table or one revision's template.
    let printedCount = 0;
    for (const { type, object } of found) {
      try {
        const byRevision = new Map<number, ReplicaSetObject>();
        if (withRevisions(type)) {
          for (const [r, ds] of daemonSetRevisions(object, ctx.client.list('controllerrevisions', object.metadata.namespace))) byRevision.set(r, ds as ReplicaSetObject);
        } else {
          requireDeployment(type);
          for (const rs of ownedReplicaSets(ctx, object)) byRevision.set(revisionOf(rs), rs);
        }
        const revisions = [...byRevision.keys()].sort((a, b) => a - b);
        if (output) {
          if (wanted > 0 && !byRevision.has(wanted)) throw new CliError('unable to find the specified revision');
          for (const r of wanted > 0 ? [wanted] : revisions) {
            ctx.io.out(printRevision(byRevision.get(r)!, output, printedCount++, ctx.client.now()));
          }
          continue;
        }
        // DeploymentHistoryViewer.ViewHistory: no history at all is not an error, even with --revision.
        if (byRevision.size > 0 && wanted > 0 && !byRevision.has(wanted)) throw new CliError('unable to find the specified revision');
        ctx.out(`${objectRef(type, object.metadata.name!)} ${wanted > 0 ? `with revision #${wanted}` : ''}`);
        if (byRevision.size === 0) {
          ctx.out('No rollout history found.');
          continue;
        }
        if (wanted > 0) {
          ctx.out(revisionTemplateText(byRevision.get(wanted)!, !withRevisions(type)));
          continue;
        }
        const rows = revisions.map((r) => `${r}\t${byRevision.get(r)!.metadata.annotations?.[CHANGE_CAUSE_ANNOTATION] || '<none>'}\n`);
        ctx.io.out(tabwrite(`REVISION\tCHANGE-CAUSE\n${rows.join('')}`, { minWidth: 0, tabWidth: 8, padding: 2 }));
        ctx.out('');
      } catch (e) {
        errors.push(e);
      }
    }
    return finish(ctx, errors);
  },
};

/** One revision's ReplicaSet in an `-o` format; `count` objects were printed before it. */
function printRevision(rs: ReplicaSetObject, output: string, count: number, now: number): string {
  const text = printObjects([rs], output, { now, singleItem: true });
  return output === 'yaml' && count > 0 ? `---\n${text}` : text;
}

/**
 * A revision as `rollout history --revision=N` prints it: DescribePodTemplate of the
 * ReplicaSet's template, with its change-cause among the annotations, written to a plain buffer
 * (literal tabs, no tabwriter).
 */
function revisionTemplateText(rs: ReplicaSetObject, withCause: boolean): string {
  const template = structuredClone(rs.spec?.template ?? {});
  // Only DeploymentHistoryViewer adds the change-cause; printHistory (DaemonSets, StatefulSets) does not.
  const cause = withCause ? rs.metadata.annotations?.[CHANGE_CAUSE_ANNOTATION] : undefined;
  if (cause) template.metadata = { ...template.metadata, annotations: { ...template.metadata?.annotations, [CHANGE_CAUSE_ANNOTATION]: cause } };
  const w = new PrefixWriter();
  describePodTemplate(w, template);
  return w.raw();
}

// ---- undo ----

const SKIPPED_ON_ROLLBACK = [LAST_APPLIED_ANNOTATION, REVISION_ANNOTATION, REVISION_HISTORY_ANNOTATION, DESIRED_REPLICAS_ANNOTATION, MAX_REPLICAS_ANNOTATION, 'deprecated.deployment.rollback.to'];

const undo: CommandModule = {
  name: 'undo',
  short: 'Undo a previous rollout',
  flags: [...TARGET_FLAGS, { name: 'to-revision', type: 'int' }, DRY_RUN_FLAG, ...PRINT_FLAGS],
  run(ctx, args) {
    checkOutputFormat(args);
    const mode = dryRunMode(ctx, args);
    const { found, errors } = targets(ctx, args);
    for (const { type, object } of found) {
      try {
        if (withRevisions(type)) {
          const step = daemonSetRollback(object, ctx.client.list('controllerrevisions', object.metadata.namespace), args.int('to-revision'));
          if ('skipped' in step) {
            printChange(ctx, args, type, object, `skipped rollback (current template already matches revision ${step.skipped})`, mode);
            continue;
          }
          const changed = mutableCopy(object);
          (changed.spec as { template: unknown }).template = step.template;
          printChange(ctx, args, type, updateObject(ctx, type, changed, mode), 'rolled back', mode);
          continue;
        }
        requireDeployment(type);
        const d = object as DeploymentObject;
        if (d.spec?.paused) throw new CliError("you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again");
        const toRevision = args.int('to-revision');
        const rs = revisionToRestore(ownedReplicaSets(ctx, d), toRevision, d.metadata.name!);
        if (equalIgnoreHash(rs.spec?.template, d.spec?.template)) {
          printChange(ctx, args, type, object, `skipped rollback (current template already matches revision ${revisionOf(rs)})`, mode);
          continue;
        }
        const changed = mutableCopy(object) as DeploymentObject;
        const template = structuredClone(rs.spec!.template!) as { metadata?: { labels?: Record<string, string> } };
        if (template.metadata?.labels) delete template.metadata.labels[POD_TEMPLATE_HASH_LABEL];
        const annotations: Record<string, string> = {};
        for (const k of SKIPPED_ON_ROLLBACK) {
          const v = d.metadata.annotations?.[k];
          if (v !== undefined) annotations[k] = v;
        }
        for (const [k, v] of Object.entries(rs.metadata.annotations ?? {})) if (!SKIPPED_ON_ROLLBACK.includes(k)) annotations[k] = v;
        (changed.spec as { template: unknown }).template = template;
        changed.metadata.annotations = annotations;
        const result = updateObject(ctx, type, changed, mode);
        printChange(ctx, args, type, result, 'rolled back', mode);
      } catch (e) {
        errors.push(e);
      }
    }
    return finish(ctx, errors);
  },
};

/** kubectl's deploymentRevision: revision N, or the previous (second-highest) one. */
function revisionToRestore(rss: ReplicaSetObject[], toRevision: number, name: string): ReplicaSetObject {
  let latest: ReplicaSetObject | undefined;
  let latestRev = -1;
  let previous: ReplicaSetObject | undefined;
  let previousRev = -1;
  for (const rs of rss) {
    const v = revisionOf(rs);
    if (toRevision === 0) {
      if (latestRev < v) {
        previousRev = latestRev;
        previous = latest;
        latestRev = v;
        latest = rs;
      } else if (previousRev < v) {
        previousRev = v;
        previous = rs;
      }
    } else if (toRevision === v) {
      return rs;
    }
  }
  if (toRevision > 0) throw new CliError(`unable to find specified revision ${toRevision} in history`);
  if (!previous) throw new CliError(`no rollout history found for deployment "${name}"`);
  return previous;
}

// ---- restart, pause, resume ----

function patcher(name: 'restart' | 'pause' | 'resume', short: string): CommandModule {
  return {
    name,
    short,
    flags: [...TARGET_FLAGS, FIELD_MANAGER_FLAG('kubectl-rollout'), ...PRINT_FLAGS],
    run(ctx, args) {
      checkOutputFormat(args);
      const { found, errors } = targets(ctx, args);
      for (const { type, object } of found) {
        const resourceString = `${type.plural}${type.group ? `.${type.group}` : ''}`;
        try {
          requireDeployment(type);
          // DaemonSets and StatefulSets restart too; only Deployments pause (kubectl's ObjectPauser).
          if (name !== 'restart' && type.plural !== 'deployments') throw new CliError(`${resourceString} "${object.metadata.name}" ${name === 'pause' ? 'pausing' : 'resuming'} is not supported`, false);
          const changed = mutableCopy(object) as DeploymentObject;
          const spec = changed.spec as { paused?: boolean; template?: { metadata?: { annotations?: Record<string, string> } } };
          if (name === 'restart') {
            if (spec.paused) throw new CliError(`${resourceString} "${object.metadata.name}" can't restart paused deployment (run rollout resume first)`, false);
            spec.template = spec.template ?? {};
            spec.template.metadata = spec.template.metadata ?? {};
            spec.template.metadata.annotations = { ...(spec.template.metadata.annotations ?? {}), 'kubectl.kubernetes.io/restartedAt': rfc3339(ctx.client.now()) };
            printChange(ctx, args, type, updateObject(ctx, type, changed, 'none'), 'restarted', 'none');
            continue;
          }
          const pause = name === 'pause';
          if (!!spec.paused === pause) {
            printChange(ctx, args, type, object, pause ? 'already paused' : 'already resumed', 'none');
            continue;
          }
          if (pause) spec.paused = true;
          else delete spec.paused;
          printChange(ctx, args, type, updateObject(ctx, type, changed, 'none'), pause ? 'paused' : 'resumed', 'none');
        } catch (e) {
          errors.push(e);
        }
      }
      return finish(ctx, errors);
    },
  };
}

export const command: CommandModule = {
  name: 'rollout',
  short: 'Manage the rollout of a resource',
  flags: [],
  subcommands: [
    history,
    patcher('pause', 'Mark the provided resource as paused'),
    patcher('restart', 'Restart a resource'),
    patcher('resume', 'Resume a paused resource'),
    status,
    undo,
  ],
};
