/** `kubectl version`: the client is kubectl 1.32; the server is the kind node image's. */
import { CliError } from '../errors';
import type { CommandModule } from '../types';

export const CLIENT_VERSION = 'v1.32.4';
export const KUSTOMIZE_VERSION = 'v5.5.0';
export const SERVER_VERSION = 'v1.32.2';

export const command: CommandModule = {
  name: 'version',
  short: 'Print the client and server version information',
  flags: [
    { name: 'client', type: 'bool', usage: 'If true, shows client version only (no server required).' },
    { name: 'output', short: 'o', type: 'string', usage: "One of 'yaml' or 'json'." },
  ],
  run(ctx, args) {
    const output = args.string('output');
    const client = args.bool('client');
    if (output && output !== 'yaml' && output !== 'json') throw new CliError('--output must be \'yaml\' or \'json\'');
    if (output) {
      const info = versionInfo(client);
      ctx.io.out(output === 'json' ? `${JSON.stringify(info, null, 2)}\n` : toYaml(info));
      return 0;
    }
    ctx.out(`Client Version: ${CLIENT_VERSION}`);
    ctx.out(`Kustomize Version: ${KUSTOMIZE_VERSION}`);
    if (!client) ctx.out(`Server Version: ${SERVER_VERSION}`);
    return 0;
  },
};

function goInfo(version: string, gitCommit: string, buildDate: string) {
  const [major, minor] = version.slice(1).split('.');
  return {
    major,
    minor,
    gitVersion: version,
    gitCommit,
    gitTreeState: 'clean',
    buildDate,
    goVersion: 'go1.23.6',
    compiler: 'gc',
    platform: 'linux/amd64',
  };
}

function versionInfo(clientOnly: boolean) {
  const info: Record<string, unknown> = {
    clientVersion: goInfo(CLIENT_VERSION, 'c66d1cfe2baff2fb5bbae9e5eb16dfa9bd1dbb48', '2025-04-22T16:03:10Z'),
    kustomizeVersion: KUSTOMIZE_VERSION,
  };
  if (!clientOnly) info.serverVersion = { ...goInfo(SERVER_VERSION, '67a30c0adcf52bd3f56ff0893ce19966be12991f', '2025-02-12T21:19:47Z'), platform: 'linux/amd64' };
  return info;
}

function toYaml(info: Record<string, unknown>): string {
  const lines: string[] = [];
  for (const [k, v] of Object.entries(info).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (typeof v === 'string') lines.push(`${k}: ${v}`);
    else {
      lines.push(`${k}:`);
      for (const [k2, v2] of Object.entries(v as Record<string, string>).sort(([a], [b]) => (a < b ? -1 : 1))) {
        lines.push(`  ${k2}: ${/^[\d.]+$|:/.test(v2) ? `"${v2}"` : v2}`);
      }
    }
  }
  return `${lines.join('\n')}\n`;
}
