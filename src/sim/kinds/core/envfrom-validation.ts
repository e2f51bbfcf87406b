/**
 * A container's `envFrom` as the api-server checks it (ValidateEnvFrom): a prefix that is a
 * variable name (1.32's relaxed rule: printable ASCII but '='), exactly one of configMapRef
 * and secretRef — that error names the whole list, as upstream does — and a source's name.
 */
import type { EnvFromSource } from 'kubernetes-types/core/v1';
import { goQuote } from '../../core/gostr';
import { isDNS1123Subdomain, isEnvVarName } from '../../core/names';
import type { FieldError } from '../../api/errors';
import { obj, objects, str } from '../util';

export function validateEnvFrom(raw: EnvFromSource[] | undefined, path: string, errors: FieldError[]): void {
  objects(raw).forEach((source, i) => {
    const p = `${path}[${i}]`;
    const prefix = str(source.prefix);
    if (prefix) for (const msg of isEnvVarName(prefix)) errors.push({ type: 'Invalid value', field: `${p}.prefix`, value: goQuote(prefix), detail: msg });
    let sources = 0;
    for (const k of ['configMapRef', 'secretRef'] as const) {
      const ref = obj(source[k]);
      if (!ref) continue;
      sources++;
      const name = str(ref.name);
      if (!name) errors.push({ type: 'Required value', field: `${p}.${k}.name` });
      else for (const msg of isDNS1123Subdomain(name)) errors.push({ type: 'Invalid value', field: `${p}.${k}.name`, value: goQuote(name), detail: msg });
    }
    if (sources === 0) errors.push({ type: 'Invalid value', field: path, value: '""', detail: 'must specify one of: `configMapRef` or `secretRef`' });
    else if (sources > 1) errors.push({ type: 'Invalid value', field: path, value: '""', detail: 'may not have more than one field specified at a time' });
  });
}
