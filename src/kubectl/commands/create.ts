/**
 * `kubectl create -f …` and the generators `create deployment`, `create namespace`, with the
 * objects real kubectl 1.32 builds (compare `kubectl create … --dry-run=client -o yaml`).
 */
import type { KObject } from '../../sim/core/object';
import { addSourceToError, CliError } from '../errors';
import { DRY_RUN_FLAG, FIELD_MANAGER_FLAG, FILENAME_FLAG, PRINT_FLAGS, RECURSIVE_FLAG, SELECTOR_FLAG, VALIDATE_FLAG } from '../flags';
import { exitWithErrors, readInfos, validateEnabled } from '../infos';
import { checkOutputFormat, dryRunMode, printChange, requiredFlagError } from '../output';
import type { CommandModule } from '../types';
import { createConfigMap } from './create-configmap';
import { createSecret } from './create-secret';
import { createServiceAccount } from './create-serviceaccount';
import { createQuota } from './create-quota';
import { createClusterRole, createClusterRoleBinding, createRole, createRoleBinding } from './create-rbac';
import { createToken } from './create-token';
import { createCronJob, createJob } from './create-job';
import { createIng, createIngress } from './create-ingress';
import { createServiceCommand } from './create-service';
import { containerNameForImage, createGenerated, exactlyOneName, saveConfig } from './generators';

const SAVE_CONFIG_FLAG = { name: 'save-config', type: 'bool' as const, usage: 'If true, the configuration of current object will be saved in its annotation.' };
const COMMON = [DRY_RUN_FLAG, VALIDATE_FLAG, SAVE_CONFIG_FLAG, FIELD_MANAGER_FLAG('kubectl-create'), ...PRINT_FLAGS];

const createDeployment: CommandModule = {
  name: 'deployment',
  short: 'Create a deployment with the specified name',
  flags: [
    { name: 'image', type: 'stringArray', usage: 'Image names to run. A deployment can have multiple images set for multi-container pod.' },
    { name: 'replicas', short: 'r', type: 'int', default: 1, usage: 'Number of replicas to create. Default is 1.' },
    { name: 'port', type: 'int', default: -1, usage: 'The containerPort that this deployment exposes.' },
    ...COMMON,
  ],
  run(ctx, args) {
    const name = exactlyOneName(ctx, args);
    const images = args.strings('image');
    if (images.length === 0) return requiredFlagError(ctx, 'image');
    const port = args.int('port');
    if (images.length > 1 && port >= 0) throw new CliError('cannot expose multiple containers on the same port', false);
    const labels = { app: name };
    // `-- COMMAND [args…]` becomes every container's command (create_deployment.go buildPodSpec).
    const command = args.dashArgs;
    const containers = images.map((image) => {
      const c: Record<string, unknown> = { ...(command.length ? { command: [...command] } : {}), image, name: containerNameForImage(ctx, image) };
      if (port >= 0) c.ports = [{ containerPort: port }];
      c.resources = {};
      return c;
    });
    const obj: KObject = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { creationTimestamp: null as unknown as string, labels, name },
      spec: {
        replicas: args.int('replicas'),
        selector: { matchLabels: { ...labels } },
        strategy: {},
        template: { metadata: { creationTimestamp: null, labels: { ...labels } }, spec: { containers } },
      },
      status: {},
    };
    return createGenerated(ctx, args, obj, 'deployment');
  },
};

const createNamespace: CommandModule = {
  name: 'namespace',
  short: 'Create a namespace with the specified name',
  flags: COMMON,
  run(ctx, args) {
    const name = exactlyOneName(ctx, args);
    const obj: KObject = { apiVersion: 'v1', kind: 'Namespace', metadata: { creationTimestamp: null as unknown as string, name }, spec: {}, status: {} };
    return createGenerated(ctx, args, obj);
  },
};
const createNs: CommandModule = { ...createNamespace, name: 'ns' };

export const command: CommandModule = {
  name: 'create',
  short: 'Create a resource from a file or from stdin',
  flags: [FILENAME_FLAG, RECURSIVE_FLAG, { name: 'kustomize', short: 'k', type: 'string' }, SELECTOR_FLAG, { name: 'edit', type: 'bool' }, { name: 'raw', type: 'string' }, { name: 'windows-line-endings', type: 'bool' }, ...COMMON],
  subcommands: [createClusterRole, createClusterRoleBinding, createConfigMap, { ...createConfigMap, name: 'cm' }, createCronJob, { ...createCronJob, name: 'cj' }, createDeployment, createIngress, createIng, createJob, createNamespace, createNs, createQuota, createRole, createRoleBinding, createSecret, createServiceCommand, createServiceAccount, { ...createServiceAccount, name: 'sa' }, createToken],
  run(ctx, args) {
    const filenames = args.strings('filename');
    if (filenames.length === 0) throw new CliError('must specify one of -f and -k');
    checkOutputFormat(args);
    const mode = dryRunMode(ctx, args);
    const { infos, errors } = readInfos(ctx, filenames, validateEnabled(args));
    if (infos.length === 0 && errors.length === 0) throw new CliError('no objects passed to create');
    for (const info of infos) {
      try {
        let obj = info.object;
        obj.metadata = { ...(obj.metadata ?? {}) };
        if (info.namespace) obj.metadata.namespace = info.namespace;
        if (args.bool('save-config')) obj = saveConfig(obj);
        const created = mode === 'client' ? obj : ctx.client.create(info.type.plural, info.namespace, obj, { dryRun: mode === 'server', fieldValidation: 'Strict' });
        printChange(ctx, args, info.type, created, 'created', mode);
      } catch (e) {
        errors.push(addSourceToError('creating', info.source, e));
      }
    }
    return exitWithErrors(ctx, errors);
  },
};

