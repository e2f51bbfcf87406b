/** `kubectl create configmap NAME [--from-literal=k=v]… [--from-file=[key=]path]…` as kubectl 1.32 builds it. */
import type { KObject } from '../../sim/core/object';
import { isConfigMapKey } from '../../sim/core/names';
import { CliError } from '../errors';
import { DRY_RUN_FLAG, FIELD_MANAGER_FLAG, PRINT_FLAGS, VALIDATE_FLAG } from '../flags';
import type { CommandModule } from '../types';
import { createGenerated } from './generators';

export const createConfigMap: CommandModule = {
  name: 'configmap',
  short: 'Create a config map from a local file, directory or literal value',
  flags: [
    { name: 'from-literal', type: 'stringArray', usage: 'Specify a key and literal value to insert in configmap (i.e. mykey=somevalue)' },
    { name: 'from-file', type: 'stringArray', usage: 'Key file can be specified using its file path, in which case file basename will be used as configmap key.' },
    { name: 'from-env-file', type: 'stringArray' },
    { name: 'append-hash', type: 'bool' },
    { name: 'save-config', type: 'bool' },
    DRY_RUN_FLAG,
    VALIDATE_FLAG,
    FIELD_MANAGER_FLAG('kubectl-create'),
    ...PRINT_FLAGS,
  ],
  run(ctx, args) {
    if (args.args.length !== 1) throw new CliError(`exactly one NAME is required, got ${args.args.length}\nSee '${ctx.path} -h' for help and examples`);
    const name = args.args[0];
    const data: Record<string, string> = {};
    const add = (key: string, value: string) => {
      const invalid = isConfigMapKey(key);
      if (invalid.length) throw new CliError(`"${key}" is not a valid key name for a ConfigMap: ${invalid.join(',')}`);
      if (Object.prototype.hasOwnProperty.call(data, key)) throw new CliError(`cannot add key "${key}", another key by that name already exists in Data for ConfigMap "${name}"`);
      data[key] = value;
    };
    for (const literal of args.strings('from-literal')) {
      const eq = literal.indexOf('=');
      if (eq <= 0) throw new CliError(`invalid literal source ${literal}, expected key=value`);
      add(literal.slice(0, eq), literal.slice(eq + 1));
    }
    for (const source of args.strings('from-file')) {
      const eq = source.indexOf('=');
      const key = eq > 0 ? source.slice(0, eq) : (source.split('/').pop() ?? source);
      const path = eq > 0 ? source.slice(eq + 1) : source;
      const text = ctx.io.workspace.read(path);
      if (text !== undefined) {
        add(key, text);
        continue;
      }
      const entries = ctx.io.workspace.list(path);
      if (entries === undefined) throw new CliError(`error reading ${path}: no such file or directory`);
      if (eq > 0) throw new CliError('cannot give a key name for a directory path');
      // A folder: one key per regular file directly in it, named after the file (subfolders skipped).
      for (const entry of entries) {
        const inner = ctx.io.workspace.read(`${path.replace(/\/+$/, '')}/${entry}`);
        if (inner !== undefined) add(entry, inner);
      }
    }
    const obj: KObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { creationTimestamp: null as unknown as string, name } };
    if (Object.keys(data).length) obj.data = data;
    return createGenerated(ctx, args, obj);
  },
};
