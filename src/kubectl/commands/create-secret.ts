/**
 * `kubectl create secret generic|tls|docker-registry` (kubectl's create_secret.go,
 * create_secret_tls.go, create_secret_docker.go): the Secret each builds — values base64
 * in `data`, `type` only when one is set — with kubectl's client-side errors, and
 * `--append-hash` naming it after its content.
 */
import { encodeBase64Text } from '../../sim/core/base64';
import { isConfigMapKey } from '../../sim/core/names';
import type { KObject } from '../../sim/core/object';
import type { FlagSpec, ParsedArgs } from '../args';
import { CliError } from '../errors';
import { DRY_RUN_FLAG, FIELD_MANAGER_FLAG, PRINT_FLAGS, VALIDATE_FLAG } from '../flags';
import type { CommandContext, CommandModule } from '../types';
import { addEnvFileSources, addFileSources, addLiteralSources, goJsonString, secretHash, sliceFlag } from './data-sources';
import { createGenerated, exactlyOneName } from './generators';
import { checkKeyPair } from './tls-pair';

const COMMON: FlagSpec[] = [
  { name: 'append-hash', type: 'bool', usage: 'Append a hash of the secret to its name.' },
  { name: 'save-config', type: 'bool', usage: 'If true, the configuration of current object will be saved in its annotation.' },
  DRY_RUN_FLAG,
  VALIDATE_FLAG,
  FIELD_MANAGER_FLAG('kubectl-create'),
  ...PRINT_FLAGS,
];

/** A Secret under construction: `add` keeps kubectl's key rules (addKeyFromLiteralToSecret). */
class SecretBuilder {
  readonly data: Record<string, string> = {};
  constructor(
    readonly name: string,
    readonly type: string,
  ) {}

  readonly add = (key: string, value: string): void => {
    const invalid = isConfigMapKey(key);
    if (invalid.length) throw new CliError(`${JSON.stringify(key)} is not valid key name for a Secret ${invalid.join(';')}`);
    if (Object.prototype.hasOwnProperty.call(this.data, key)) throw new CliError(`cannot add key ${key}, another key by that name already exists`);
    this.data[key] = encodeBase64Text(value);
  };

  /** Sends (or prints) it; server errors read `failed to create secret …`, without a colon. */
  create(ctx: CommandContext, args: ParsedArgs): number {
    const name = args.bool('append-hash') ? `${this.name}-${secretHash(this.name, this.type, this.data)}` : this.name;
    const obj: KObject = { kind: 'Secret', apiVersion: 'v1', metadata: { name, creationTimestamp: null as unknown as string } };
    if (Object.keys(this.data).length) obj.data = this.data;
    if (this.type) obj.type = this.type;
    return createGenerated(ctx, args, obj, (message) => `failed to create secret ${message}`);
  }
}

const generic: CommandModule = {
  name: 'generic',
  short: 'Create a secret from a local file, directory, or literal value',
  flags: [
    { name: 'from-file', type: 'stringArray', usage: 'Key files can be specified using their file path, in which case a default name will be given to them, or optionally with a name and file path, in which case the given name will be used.  Specifying a directory will iterate each named file in the directory that is a valid secret key.' },
    { name: 'from-literal', type: 'stringArray', usage: 'Specify a key and literal value to insert in secret (i.e. mykey=somevalue)' },
    { name: 'from-env-file', type: 'stringArray', usage: 'Specify the path to a file to read lines of key=val pairs to create a secret.' },
    { name: 'type', type: 'string', usage: 'The type of secret to create' },
    ...COMMON,
  ],
  run(ctx, args) {
    const secret = new SecretBuilder(exactlyOneName(ctx, args), args.string('type'));
    const files = sliceFlag(args.strings('from-file'));
    const literals = args.strings('from-literal');
    const envFiles = sliceFlag(args.strings('from-env-file'));
    if (envFiles.length && (files.length || literals.length)) throw new CliError('from-env-file cannot be combined with from-file or from-literal');
    addLiteralSources(literals, secret.add);
    addFileSources(ctx, files, secret.add);
    addEnvFileSources(ctx, envFiles, secret.add, 'env secret file cannot be a directory');
    return secret.create(ctx, args);
  },
};

const tls: CommandModule = {
  name: 'tls',
  short: 'Create a TLS secret',
  flags: [
    { name: 'cert', type: 'string', usage: 'Path to PEM encoded public key certificate.' },
    { name: 'key', type: 'string', usage: 'Path to private key associated with given certificate.' },
    ...COMMON,
  ],
  run(ctx, args) {
    const name = exactlyOneName(ctx, args);
    const certPath = args.string('cert');
    const keyPath = args.string('key');
    if (!certPath || !keyPath) throw new CliError('key and cert must be specified');
    const read = (path: string) => {
      const text = ctx.io.workspace.read(path);
      if (text !== undefined) return text;
      const dir = ctx.io.workspace.list(path) !== undefined;
      throw new CliError(`Cannot read file ${path}, ${dir ? `read ${path}: is a directory` : `open ${path}: no such file or directory`}`);
    };
    const cert = read(certPath);
    const key = read(keyPath);
    const problem = checkKeyPair(cert, key);
    if (problem) throw new CliError(problem);
    const secret = new SecretBuilder(name, 'kubernetes.io/tls');
    secret.add('tls.crt', cert);
    secret.add('tls.key', key);
    return secret.create(ctx, args);
  },
};

const DEFAULT_DOCKER_SERVER = 'https://index.docker.io/v1/';

/** handleDockerCfgJSONContent: `~/.docker/config.json` with one registry, as Go marshals it. */
export function dockerConfigJson(server: string, username: string, password: string, email: string): string {
  const entry = [
    username && `"username":${goJsonString(username)}`,
    password && `"password":${goJsonString(password)}`,
    email && `"email":${goJsonString(email)}`,
    `"auth":${goJsonString(encodeBase64Text(`${username}:${password}`))}`,
  ].filter(Boolean);
  return `{"auths":{${goJsonString(server)}:{${entry.join(',')}}}}`;
}

const dockerRegistry: CommandModule = {
  name: 'docker-registry',
  short: 'Create a secret for use with a Docker registry',
  flags: [
    { name: 'docker-server', type: 'string', default: DEFAULT_DOCKER_SERVER, usage: 'Server location for Docker registry' },
    { name: 'docker-username', type: 'string', usage: 'Username for Docker registry authentication' },
    { name: 'docker-password', type: 'string', usage: 'Password for Docker registry authentication' },
    { name: 'docker-email', type: 'string', usage: 'Email for Docker registry' },
    { name: 'from-file', type: 'stringArray', usage: 'Key files can be specified using their file path, in which case a default name of .dockerconfigjson will be given to them, or optionally with a name and file path, in which case the given name will be used. Specifying a directory will iterate each named file in the directory that is a valid secret key. For this command, the key should always be .dockerconfigjson.' },
    ...COMMON,
  ],
  run(ctx, args) {
    const secret = new SecretBuilder(exactlyOneName(ctx, args), 'kubernetes.io/dockerconfigjson');
    // A file without a key name is the .dockerconfigjson (so a folder cannot be given).
    const files = sliceFlag(args.strings('from-file')).map((f) => (f.includes('=') ? f : `.dockerconfigjson=${f}`));
    const [server, username, password] = [args.string('docker-server'), args.string('docker-username'), args.string('docker-password')];
    if (files.length === 0 && (!username || !password || !server)) {
      throw new CliError('either --from-file or the combination of --docker-username, --docker-password and --docker-server is required');
    }
    if (files.length) addFileSources(ctx, files, secret.add);
    else secret.add('.dockerconfigjson', dockerConfigJson(server, username, password, args.string('docker-email')));
    return secret.create(ctx, args);
  },
};

/** The text `kubectl create secret` prints (to stderr, exit 1) when no type follows. */
const SECRET_HELP = `Create a secret with specified type.

 A docker-registry type secret is for accessing a container registry.

 A generic type secret indicate an Opaque secret type.

 A tls type secret holds TLS certificate and its associated key.

Available Commands:
  docker-registry   Create a secret for use with a Docker registry
  generic           Create a secret from a local file, directory, or literal value
  tls               Create a TLS secret

Usage:
  kubectl create secret (docker-registry | generic | tls) [options]

Use "kubectl create secret <command> --help" for more information about a given command.
Use "kubectl options" for a list of global command-line options (applies to all commands).
`;

export const createSecret: CommandModule = {
  name: 'secret',
  short: 'Create a secret using a specified subcommand',
  flags: [],
  subcommands: [dockerRegistry, generic, tls],
  run(ctx, args) {
    if (args.args.length) throw new CliError(`unknown command ${JSON.stringify(args.args[0])}\nSee '${ctx.path} -h' for help and examples`);
    ctx.io.err(SECRET_HELP);
    return 1;
  },
};
