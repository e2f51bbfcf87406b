/** `kubectl api-resources`: the served kinds, grouped by API group (core first) then by name. */
import { apiVersionOf } from '../../sim/api/registry';
import { CliError } from '../errors';
import { tabwrite, TABLE_TABWRITER } from '../printers/tabwriter';
import type { CommandModule } from '../types';

export const command: CommandModule = {
  name: 'api-resources',
  short: 'Print the supported API resources on the server',
  flags: [
    { name: 'namespaced', type: 'bool', default: true },
    { name: 'api-group', type: 'string' },
    { name: 'verbs', type: 'stringArray' },
    { name: 'categories', type: 'stringArray' },
    { name: 'sort-by', type: 'string' },
    { name: 'no-headers', type: 'bool' },
    { name: 'cached', type: 'bool' },
    { name: 'output', short: 'o', type: 'string' },
  ],
  run(ctx, args) {
    let types = ctx.client.discovery.all();
    if (args.changed('namespaced')) types = types.filter((t) => t.namespaced === args.bool('namespaced'));
    if (args.changed('api-group')) types = types.filter((t) => t.group === args.string('api-group'));
    const verbs = args.strings('verbs').flatMap((v) => v.split(','));
    if (verbs.length) types = types.filter((t) => verbs.every((v) => t.verbs.includes(v)));
    const categories = args.strings('categories').flatMap((v) => v.split(','));
    if (categories.length) types = types.filter((t) => categories.every((c) => t.categories?.includes(c)));
    const sortBy = args.string('sort-by');
    if (sortBy && sortBy !== 'name' && sortBy !== 'kind') throw new CliError(`--sort-by accepts only name or kind`);
    const key = (t: (typeof types)[number]) => (sortBy === 'name' ? t.plural : sortBy === 'kind' ? t.kind : t.group);
    types = [...types].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.plural < b.plural ? -1 : 1));
    const output = args.string('output');
    if (output === 'name') {
      for (const t of types) ctx.out(t.group ? `${t.plural}.${t.group}` : t.plural);
      return 0;
    }
    const wide = output === 'wide';
    if (output && !wide) throw new CliError(`--output ${output} is not available`);
    const rows = types.map((t) => {
      const cells = [t.plural, t.shortNames.join(','), apiVersionOf(t), String(t.namespaced), t.kind];
      if (wide) cells.push(`[${t.verbs.join(' ')}]`, (t.categories ?? []).join(','));
      return `${cells.join('\t')}\n`;
    });
    if (!args.bool('no-headers')) rows.unshift(`NAME\tSHORTNAMES\tAPIVERSION\tNAMESPACED\tKIND${wide ? '\tVERBS\tCATEGORIES' : ''}\n`);
    ctx.io.out(tabwrite(rows.join(''), TABLE_TABWRITER));
    return 0;
  },
};
