/**
 * `kubectl delete`: by name, `TYPE/NAME`, several names, `-f`, `-l`, `--all`; `--cascade`,
 * `--grace-period`, `--now`, `--force`; then (`--wait`, default true) waits until the objects
 * are gone, as the real kubectl does.
 */
import { StatusError } from '../../sim/api/errors';
import type { PropagationPolicy } from '../../sim/api/types';
import type { ParsedArgs } from '../args';
import { tryGet } from '../client';
import { addSourceToError, CliError, formatError } from '../errors';
import { ALL_NAMESPACES_FLAG, DRY_RUN_FLAG, FILENAME_FLAG, OUTPUT_FLAG, RECURSIVE_FLAG, SELECTOR_FLAG } from '../flags';
import { printErrors, readInfos } from '../infos';
import { dryRunMode, dryRunSuffix } from '../output';
import { parseResourceArgs, quotedRef, objectRef } from '../resources';
import type { CommandContext, CommandModule, KubectlProgram } from '../types';
import type { ResourceType } from '../../sim/api/registry';

interface Target {
  type: ResourceType;
  name: string;
  namespace: string | undefined;
  source?: string;
}

const WEEK_MS = 168 * 3600 * 1000;

export const command: CommandModule = {
  name: 'delete',
  short: 'Delete resources by file names, stdin, resources and names, or by resources and label selector',
  flags: [
    FILENAME_FLAG,
    RECURSIVE_FLAG,
    { name: 'kustomize', short: 'k', type: 'string' },
    SELECTOR_FLAG,
    { name: 'field-selector', type: 'string' },
    { name: 'all', type: 'bool' },
    ALL_NAMESPACES_FLAG,
    { name: 'cascade', type: 'string', default: 'background', noOptDefault: 'background' },
    { name: 'grace-period', type: 'int', default: -1 },
    { name: 'now', type: 'bool' },
    { name: 'force', type: 'bool' },
    { name: 'wait', type: 'bool', default: true },
    { name: 'timeout', type: 'duration', default: 0 },
    { name: 'ignore-not-found', type: 'bool' },
    { name: 'interactive', short: 'i', type: 'bool' },
    { name: 'raw', type: 'string' },
    OUTPUT_FLAG,
    DRY_RUN_FLAG,
  ],
  *run(ctx, args): KubectlProgram {
    const policy = cascade(ctx, args);
    let grace = args.int('grace-period');
    if (args.bool('now')) {
      if (grace !== -1) throw new CliError('--now and --grace-period cannot be specified together');
      grace = 1;
    }
    const force = args.bool('force');
    if (grace === 0 && !force) grace = 1;
    if (force && grace < 0) grace = 0;
    const output = args.string('output');
    if (output && output !== 'name') {
      throw new CliError(`Unexpected -o output mode: ${output}. We only support '-o name'.\nSee '${ctx.path} -h' for help and examples`);
    }
    const all = args.bool('all');
    const selector = args.string('selector');
    const fieldSelector = args.string('field-selector');
    if (all && selector) throw new CliError('cannot set --all and --selector at the same time');
    if (all && fieldSelector) throw new CliError('cannot set --all and --field-selector at the same time');
    const mode = dryRunMode(ctx, args);
    if (grace === 0 && force) {
      ctx.err('Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.');
    } else if (force) {
      ctx.err('warning: --force is ignored because --grace-period is not 0.');
    }

    const { targets, errors } = findTargets(ctx, args, all || !!selector || !!fieldSelector);
    const ignoreNotFound = args.changed('ignore-not-found') ? args.bool('ignore-not-found') : all || !!selector || !!fieldSelector;
    const client = ctx.client;
    const deleted: { t: Target; uid: string | undefined }[] = [];
    let found = 0;
    for (const t of targets) {
      try {
        const live = client.get(t.type.plural, t.namespace, t.name);
        client.delete(t.type.plural, t.namespace, t.name, {
          propagationPolicy: policy,
          gracePeriodSeconds: grace >= 0 ? grace : undefined,
          dryRun: mode !== 'none',
        });
        deleted.push({ t, uid: live.metadata.uid });
        found++;
        const verb = grace === 0 ? 'force deleted' : 'deleted';
        ctx.out(output === 'name' ? objectRef(t.type, t.name) : `${quotedRef(t.type, t.name)} ${verb}${dryRunSuffix(mode)}`);
      } catch (e) {
        // kubectl counts the object as found before the delete fails, then filters the error out.
        if (ignoreNotFound && e instanceof StatusError && e.status.reason === 'NotFound') {
          found++;
          continue;
        }
        errors.push(addSourceToError('deleting', t.source, e));
      }
    }
    if (errors.length) {
      printErrors(ctx, errors, (e) => formatError(e, ctx.path));
      return 1;
    }
    if (found === 0) {
      ctx.out('No resources found');
      return 0;
    }
    if (!args.bool('wait') || mode !== 'none') return 0;
    // wait's IsDeleted: a GET that fails otherwise than NotFound (Forbidden) ends the wait with its error.
    let failed: unknown;
    const gone = (d: { t: Target; uid: string | undefined }) => {
      try {
        const obj = tryGet(client, d.t.type.plural, d.t.namespace, d.t.name);
        return !obj || obj.metadata.uid !== d.uid;
      } catch (e) {
        failed ??= e;
        return true;
      }
    };
    const timeout = args.duration('timeout') || WEEK_MS;
    const ok = yield { until: () => deleted.every(gone), timeoutMs: timeout };
    if (failed) throw failed;
    if (!ok) {
      const left = deleted.find((d) => !gone(d))!;
      throw new CliError(`timed out waiting for the condition on ${left.t.type.plural}${left.t.type.group ? `.${left.t.type.group}` : ''}/${left.t.name}`);
    }
    return 0;
  },
};

function cascade(ctx: CommandContext, args: ParsedArgs): PropagationPolicy {
  const v = args.string('cascade');
  switch (v) {
    case 'background':
      return 'Background';
    case 'foreground':
      return 'Foreground';
    case 'orphan':
      return 'Orphan';
    case 'true':
      ctx.err('warning: --cascade=true is deprecated (boolean value) and can be replaced with --cascade=background.');
      return 'Background';
    case 'false':
      ctx.err('warning: --cascade=false is deprecated (boolean value) and can be replaced with --cascade=orphan.');
      return 'Orphan';
  }
  throw new CliError(`invalid cascade value (${v}). Must be "background", "foreground", or "orphan"`);
}

function findTargets(ctx: CommandContext, args: ParsedArgs, selecting: boolean): { targets: Target[]; errors: unknown[] } {
  const client = ctx.client;
  const filenames = args.strings('filename');
  const positional = args.args;
  if (filenames.length) {
    if (positional.length) throw new CliError('when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well');
    const { infos, errors } = readInfos(ctx, filenames, false);
    return { targets: infos.map((i) => ({ type: i.type, name: i.name, namespace: i.namespace, source: i.source })), errors };
  }
  if (positional.length === 0) {
    throw new CliError(
      "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
    );
  }
  const parsed = parseResourceArgs(client.discovery, positional);
  const allNs = args.bool('all-namespaces');
  if (selecting) {
    if (parsed.refs.length) throw new CliError('name cannot be provided when a selector is specified');
    const targets: Target[] = [];
    for (const type of parsed.types) {
      const ns = type.namespaced && !allNs ? ctx.namespace : undefined;
      for (const obj of client.list(type.plural, ns, { labelSelector: args.string('selector') || undefined, fieldSelector: args.string('field-selector') || undefined })) {
        targets.push({ type, name: obj.metadata.name!, namespace: obj.metadata.namespace });
      }
    }
    return { targets, errors: [] };
  }
  if (parsed.types.length) throw new CliError('resource(s) were provided, but no name was specified');
  return {
    targets: parsed.refs.map((r) => ({ type: r.type, name: r.name, namespace: r.type.namespaced ? ctx.namespace : undefined })),
    errors: [],
  };
}
