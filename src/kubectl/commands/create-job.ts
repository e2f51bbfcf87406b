/**
 * `kubectl create job NAME --image=… [-- COMMAND…]`, `create job NAME --from=cronjob/x` and
 * `kubectl create cronjob NAME --image=… --schedule=… [--restart=…] [-- COMMAND…]`
 * (kubectl create_job.go, create_cronjob.go), building what kubectl 1.32 builds.
 */
import type { KObject } from '../../sim/core/object';
import { CliError } from '../errors';
import { CREATE_GENERATOR_FLAGS } from '../flags';
import { klog } from '../output';
import type { CommandContext, CommandModule } from '../types';
import { createGenerated, exactlyOneName } from './generators';

const COMMON = CREATE_GENERATOR_FLAGS;

/** The pod template both generators build: one container named after the object. */
function podTemplate(name: string, image: string, command: readonly string[], restartPolicy: string): Record<string, unknown> {
  const container = { ...(command.length ? { command: [...command] } : {}), image, name, resources: {} };
  return { metadata: { creationTimestamp: null }, spec: { containers: [container], restartPolicy } };
}

export const createJob: CommandModule = {
  name: 'job',
  short: 'Create a job with the specified name',
  flags: [
    { name: 'image', type: 'string', usage: 'Image name to run.' },
    { name: 'from', type: 'string', usage: "The name of the resource to create a Job from (only cronjob is supported)." },
    ...COMMON,
  ],
  run(ctx, args) {
    const name = exactlyOneName(ctx, args);
    const image = args.string('image');
    const from = args.string('from');
    // One of the two, not both, with one message for either slip (create_job.go Validate).
    if (!image === !from) throw new CliError('either --image or --from must be specified');
    let obj: KObject;
    if (from) {
      obj = jobFromCronJob(ctx, name, from);
    } else {
      obj = { apiVersion: 'batch/v1', kind: 'Job', metadata: { creationTimestamp: null as unknown as string, name }, spec: { template: podTemplate(name, image, args.dashArgs, 'Never') }, status: {} };
    }
    return createGenerated(ctx, args, obj, 'job');
  },
};

/** createJobFromCronJob: the CronJob's job template, marked as started by hand. */
function jobFromCronJob(ctx: CommandContext, name: string, from: string): KObject {
  const slash = from.indexOf('/');
  const kind = slash < 0 ? '' : from.slice(0, slash).toLowerCase();
  const source = slash < 0 ? '' : from.slice(slash + 1);
  if (!['cronjob', 'cronjobs', 'cj', 'cronjob.batch', 'cronjobs.batch'].includes(kind) || !source) {
    if (slash < 0) throw new CliError(`arguments in resource/name form must have a single resource and name`);
    throw new CliError('from must be an existing cronjob');
  }
  const cj = ctx.client.get('cronjobs', ctx.namespace, source);
  const template = (cj.spec as { jobTemplate?: { metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> }; spec?: unknown } }).jobTemplate ?? {};
  const metadata: KObject['metadata'] = {
    annotations: { 'cronjob.kubernetes.io/instantiate': 'manual', ...(template.metadata?.annotations ?? {}) },
    creationTimestamp: null as unknown as string,
    name,
    // Not metav1.NewControllerRef: no blockOwnerDeletion, which would need the cronjobs/finalizers permission.
    ownerReferences: [{ apiVersion: 'batch/v1', controller: true, kind: 'CronJob', name: cj.metadata.name!, uid: cj.metadata.uid! }],
  };
  if (template.metadata?.labels) metadata.labels = { ...template.metadata.labels };
  return { apiVersion: 'batch/v1', kind: 'Job', metadata, spec: JSON.parse(JSON.stringify(template.spec ?? {})), status: {} };
}

export const createCronJob: CommandModule = {
  name: 'cronjob',
  short: 'Create a cron job with the specified name',
  flags: [
    { name: 'image', type: 'string', usage: 'Image name to run.' },
    { name: 'schedule', type: 'string', usage: 'A schedule in the Cron format the job should be run with.' },
    { name: 'restart', type: 'string', usage: "job's restart policy. supported values: OnFailure, Never" },
    ...COMMON,
  ],
  run(ctx, args) {
    const missing = ['image', 'schedule'].filter((f) => !args.string(f));
    if (missing.length) {
      klog(ctx, 'E', 'run.go:72', `"command failed" err="required flag(s) ${missing.map((f) => `\\"${f}\\"`).join(', ')} not set"`);
      return 1;
    }
    const name = exactlyOneName(ctx, args);
    // Not checked here: the api-server refuses a policy a Job cannot have.
    const restart = args.string('restart') || 'OnFailure';
    const obj: KObject = {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { creationTimestamp: null as unknown as string, name },
      spec: {
        jobTemplate: { metadata: { creationTimestamp: null, name }, spec: { template: podTemplate(name, args.string('image'), args.dashArgs, restart) } },
        schedule: args.string('schedule'),
      },
      status: {},
    };
    return createGenerated(ctx, args, obj, 'cronjob');
  },
};
