/** Flags shared by many kubectl commands, declared once with kubectl's names and defaults. */
import type { FlagSpec } from './args';

/** kubectl's persistent (global) flags: accepted by every command. */
export const GLOBAL_FLAGS: FlagSpec[] = [
  { name: 'namespace', short: 'n', type: 'string', usage: 'If present, the namespace scope for this CLI request' },
  { name: 'context', type: 'string', usage: 'The name of the kubeconfig context to use' },
  { name: 'cluster', type: 'string', usage: 'The name of the kubeconfig cluster to use' },
  { name: 'user', type: 'string', usage: 'The name of the kubeconfig user to use' },
  { name: 'kubeconfig', type: 'string', usage: 'Path to the kubeconfig file to use for CLI requests.' },
  { name: 'server', short: 's', type: 'string', usage: 'The address and port of the Kubernetes API server' },
  { name: 'request-timeout', type: 'string', default: '0', usage: 'The length of time to wait before giving up on a single server request.' },
  { name: 'v', short: 'v', type: 'int', usage: 'number for the log level verbosity' },
  { name: 'as', type: 'string', usage: 'Username to impersonate for the operation.' },
  { name: 'as-group', type: 'stringArray', usage: 'Group to impersonate for the operation.' },
  { name: 'as-uid', type: 'string', usage: 'UID to impersonate for the operation.' },
  { name: 'token', type: 'string', usage: 'Bearer token for authentication to the API server' },
  { name: 'insecure-skip-tls-verify', type: 'bool', usage: "If true, the server's certificate will not be checked for validity." },
  { name: 'tls-server-name', type: 'string', usage: 'Server name to use for server certificate validation.' },
  { name: 'certificate-authority', type: 'string', usage: 'Path to a cert file for the certificate authority' },
  { name: 'client-certificate', type: 'string', usage: 'Path to a client certificate file for TLS' },
  { name: 'client-key', type: 'string', usage: 'Path to a client key file for TLS' },
  { name: 'username', type: 'string', usage: 'Username for basic authentication to the API server' },
  { name: 'password', type: 'string', usage: 'Password for basic authentication to the API server' },
  { name: 'match-server-version', type: 'bool', usage: 'Require server version to match client version' },
  { name: 'warnings-as-errors', type: 'bool', usage: 'Treat warnings received from the server as errors and exit with a non-zero exit code' },
  { name: 'cache-dir', type: 'string', usage: 'Default cache directory' },
  { name: 'disable-compression', type: 'bool', usage: 'If true, opt-out of response compression for all requests to the server' },
  { name: 'help', short: 'h', type: 'bool', usage: 'help for this command' },
];

export const FILENAME_FLAG: FlagSpec = { name: 'filename', short: 'f', type: 'stringArray', usage: 'Filename, directory, or URL to files' };
export const RECURSIVE_FLAG: FlagSpec = { name: 'recursive', short: 'R', type: 'bool', usage: 'Process the directory used in -f, --filename recursively.' };
export const SELECTOR_FLAG: FlagSpec = { name: 'selector', short: 'l', type: 'string', usage: 'Selector (label query) to filter on' };
export const ALL_NAMESPACES_FLAG: FlagSpec = { name: 'all-namespaces', short: 'A', type: 'bool', usage: 'If present, list across all namespaces.' };
export const OUTPUT_FLAG: FlagSpec = { name: 'output', short: 'o', type: 'string', usage: 'Output format.' };
export const DRY_RUN_FLAG: FlagSpec = { name: 'dry-run', type: 'string', default: 'none', noOptDefault: 'unchanged', usage: 'Must be "none", "server", or "client".' };
export const FIELD_MANAGER_FLAG = (def: string): FlagSpec => ({ name: 'field-manager', type: 'string', default: def, usage: 'Name of the manager used to track field ownership.' });
export const SHOW_MANAGED_FIELDS_FLAG: FlagSpec = { name: 'show-managed-fields', type: 'bool' };
export const TEMPLATE_FLAG: FlagSpec = { name: 'template', type: 'string' };
export const ALLOW_MISSING_TEMPLATE_KEYS_FLAG: FlagSpec = { name: 'allow-missing-template-keys', type: 'bool', default: true };
export const VALIDATE_FLAG: FlagSpec = { name: 'validate', type: 'string', default: 'strict', noOptDefault: 'strict', usage: 'Must be one of: strict (or true), warn, ignore (or false).' };
export const RECORD_FLAG: FlagSpec = { name: 'record', type: 'bool', usage: 'Record current kubectl command in the resource annotation.' };
export const TIMEOUT_FLAG = (defMs: number): FlagSpec => ({ name: 'timeout', type: 'duration', default: defMs });

/** The printing flags every mutating command accepts (`-o`, `--template`, …). */
export const PRINT_FLAGS: FlagSpec[] = [OUTPUT_FLAG, TEMPLATE_FLAG, ALLOW_MISSING_TEMPLATE_KEYS_FLAG, SHOW_MANAGED_FIELDS_FLAG];

/** The flags every `kubectl create <generator>` shares (save-config, dry-run, validate, field-manager, printing). */
export const CREATE_GENERATOR_FLAGS: FlagSpec[] = [{ name: 'save-config', type: 'bool' }, DRY_RUN_FLAG, VALIDATE_FLAG, FIELD_MANAGER_FLAG('kubectl-create'), ...PRINT_FLAGS];
