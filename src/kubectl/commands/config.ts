/**
 * `kubectl config current-context | get-contexts | set-context --current --namespace=… |
 * use-context | view [--minify] [--raw]` over the session's kind kubeconfig.
 */
import type { ParsedArgs } from '../args';
import { CliError } from '../errors';
import { missingKubeconfig } from '../kubeconfig-file';
import { tabwrite, TABLE_TABWRITER } from '../printers/tabwriter';
import type { CommandContext, CommandModule } from '../types';

/** Where kind's api-server listens (a fixed port: the playground has one cluster). */
export const API_SERVER_URL = 'https://127.0.0.1:43615';

const currentContext: CommandModule = {
  name: 'current-context',
  short: 'Display the current-context',
  flags: [],
  run(ctx, args) {
    if (noFile(ctx, args)) throw new CliError('current-context is not set');
    ctx.out(ctx.io.config.context);
    return 0;
  },
};

/** `--kubeconfig` names a file that is not there: kubectl config sees an empty kubeconfig. */
function noFile(ctx: CommandContext, args: ParsedArgs): boolean {
  return missingKubeconfig(args, ctx.io.workspace) !== undefined;
}

function contextNamespace(ctx: CommandContext): string {
  // kind's kubeconfig names no namespace until set-context sets one.
  return ctx.io.config.namespace === 'default' && !ctx.io.config.namespaceSet ? '' : ctx.io.config.namespace;
}

const getContexts: CommandModule = {
  name: 'get-contexts',
  short: 'Describe one or many contexts',
  flags: [{ name: 'no-headers', type: 'bool' }, { name: 'output', short: 'o', type: 'string' }],
  run(ctx, args) {
    const c = ctx.io.config;
    const none = noFile(ctx, args);
    if (none && !args.bool('no-headers') && args.string('output') !== 'name') ctx.out('CURRENT   NAME   CLUSTER   AUTHINFO   NAMESPACE');
    for (const name of args.args) if (none || name !== c.context) throw new CliError(`context ${name} not found`);
    if (args.string('output') === 'name') {
      ctx.out(c.context);
      return 0;
    }
    if (none) return 0;
    const rows = [`*\t${c.context}\t${c.cluster}\t${c.user}\t${contextNamespace(ctx)}\n`];
    if (!args.bool('no-headers')) rows.unshift('CURRENT\tNAME\tCLUSTER\tAUTHINFO\tNAMESPACE\n');
    ctx.io.out(tabwrite(rows.join(''), TABLE_TABWRITER));
    return 0;
  },
};

const setContext: CommandModule = {
  name: 'set-context',
  short: 'Set a context entry in kubeconfig',
  flags: [{ name: 'current', type: 'bool' }, { name: 'namespace', type: 'string' }, { name: 'cluster', type: 'string' }, { name: 'user', type: 'string' }],
  run(ctx, args) {
    const c = ctx.io.config;
    const name = args.args[0] ?? '';
    if (args.bool('current') && name) throw new CliError('you cannot specify both a context name and --current');
    if (!args.bool('current') && !name) throw new CliError('you must specify a non-empty context name or --current');
    if (name && name !== c.context) throw new CliError(`only the "${c.context}" context exists in this playground`);
    if (args.changed('namespace')) {
      c.namespace = args.string('namespace');
      c.namespaceSet = true;
    }
    if (args.changed('cluster')) c.cluster = args.string('cluster');
    if (args.changed('user')) c.user = args.string('user');
    ctx.out(`Context "${c.context}" modified.`);
    return 0;
  },
};

const useContext: CommandModule = {
  name: 'use-context',
  short: 'Set the current-context in a kubeconfig file',
  flags: [],
  run(ctx, args) {
    const name = args.args[0];
    if (!name) throw new CliError('empty context names are not allowed');
    if (name !== ctx.io.config.context) throw new CliError(`no context exists with the name: "${name}"`);
    ctx.out(`Switched to context "${name}".`);
    return 0;
  },
};

const view: CommandModule = {
  name: 'view',
  short: 'Display merged kubeconfig settings or a specified kubeconfig file',
  flags: [{ name: 'minify', type: 'bool' }, { name: 'raw', type: 'bool' }, { name: 'flatten', type: 'bool' }, { name: 'merge', type: 'string', default: 'true' }, { name: 'output', short: 'o', type: 'string', default: 'yaml' }],
  run(ctx, args) {
    const c = ctx.io.config;
    if (noFile(ctx, args)) {
      if (args.bool('minify')) throw new CliError('current-context must exist in order to minify');
      ctx.io.out('apiVersion: v1\nclusters: null\ncontexts: null\ncurrent-context: ""\nkind: Config\npreferences: {}\nusers: null\n');
      return 0;
    }
    const data = args.bool('raw') ? 'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUREVENDQWZXZ0F3SUJBZ0lJS2luZFBsYXlncm91bmQKLS0tLS1FTkQgQ0VSVElGSUNBVEUtLS0tLQo=' : 'DATA+OMITTED';
    const ns = contextNamespace(ctx);
    const lines = [
      'apiVersion: v1',
      'clusters:',
      '- cluster:',
      `    certificate-authority-data: ${data}`,
      `    server: ${API_SERVER_URL}`,
      `  name: ${c.cluster}`,
      'contexts:',
      '- context:',
      `    cluster: ${c.cluster}`,
      ...(ns ? [`    namespace: ${ns}`] : []),
      `    user: ${c.user}`,
      `  name: ${c.context}`,
      `current-context: ${c.context}`,
      'kind: Config',
      'preferences: {}',
      'users:',
      `- name: ${c.user}`,
      '  user:',
      `    client-certificate-data: ${data}`,
      `    client-key-data: ${data}`,
    ];
    const output = args.string('output');
    if (output !== 'yaml') throw new CliError(`config view -o ${output} is not available in this playground`);
    ctx.io.out(`${lines.join('\n')}\n`);
    return 0;
  },
};

export const command: CommandModule = {
  name: 'config',
  short: 'Modify kubeconfig files',
  flags: [],
  subcommands: [currentContext, getContexts, setContext, useContext, view],
};
