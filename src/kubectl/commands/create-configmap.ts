/**
 * `kubectl create configmap NAME [--from-file=[key=]source]… [--from-literal=key=value]…
 * [--from-env-file=file]… [--append-hash]` as kubectl 1.32 builds it (create_configmap.go):
 * files first, then literals, then env files, each key checked as it is added.
 */
import type { KObject } from '../../sim/core/object';
import { isConfigMapKey } from '../../sim/core/names';
import { CliError } from '../errors';
import { CREATE_GENERATOR_FLAGS } from '../flags';
import type { CommandModule } from '../types';
import { addEnvFileSources, addFileSources, addLiteralSources, configMapHash, sliceFlag } from './data-sources';
import { createGenerated, exactlyOneName } from './generators';

export const createConfigMap: CommandModule = {
  name: 'configmap',
  short: 'Create a config map from a local file, directory or literal value',
  flags: [
    { name: 'from-literal', type: 'stringArray', usage: 'Specify a key and literal value to insert in configmap (i.e. mykey=somevalue)' },
    { name: 'from-file', type: 'stringArray', usage: 'Key file can be specified using its file path, in which case file basename will be used as configmap key.' },
    { name: 'from-env-file', type: 'stringArray', usage: 'Specify the path to a file to read lines of key=val pairs to create a configmap.' },
    { name: 'append-hash', type: 'bool', usage: 'Append a hash of the configmap to its name.' },
    ...CREATE_GENERATOR_FLAGS,
  ],
  run(ctx, args) {
    exactlyOneName(ctx, args);
    const name = args.args[0];
    const files = sliceFlag(args.strings('from-file'));
    const literals = args.strings('from-literal');
    const envFiles = sliceFlag(args.strings('from-env-file'));
    if (envFiles.length && (files.length || literals.length)) throw new CliError('from-env-file cannot be combined with from-file or from-literal');
    const data: Record<string, string> = {};
    const add = (key: string, value: string) => {
      const invalid = isConfigMapKey(key);
      if (invalid.length) throw new CliError(`"${key}" is not a valid key name for a ConfigMap: ${invalid.join(',')}`);
      if (Object.prototype.hasOwnProperty.call(data, key)) throw new CliError(`cannot add key "${key}", another key by that name already exists in Data for ConfigMap "${name}"`);
      data[key] = value;
    };
    addFileSources(ctx, files, add);
    addLiteralSources(literals, add);
    addEnvFileSources(ctx, envFiles, add, 'env config file cannot be a directory');
    const finalName = args.bool('append-hash') ? `${name}-${configMapHash(name, data)}` : name;
    const obj: KObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { creationTimestamp: null as unknown as string, name: finalName } };
    if (Object.keys(data).length) obj.data = data;
    return createGenerated(ctx, args, obj, 'configmap');
  },
};
