import { describe, it, expect } from 'vitest';
import { executeGoTemplate, parseGoTemplate, GoTemplateError } from './gotemplate';

const data = {
  kind: 'List',
  items: [
    { metadata: { name: 'a', labels: { app: 'web' } }, spec: { ports: [{ port: 80, nodePort: 30080 }] }, data: { password: 'c2VjcmV0' } },
    { metadata: { name: 'b' }, spec: { ports: [] } },
  ],
};
const run = (t: string) => executeGoTemplate(parseGoTemplate(t), data);

describe('go-template', () => {
  it('prints fields, ranges and literals', () => {
    expect(run('{{range .items}}{{.metadata.name}}{{"\\n"}}{{end}}')).toBe('a\nb\n');
    expect(run('{{.kind}} {{len .items}}')).toBe('List 2');
  });

  it('supports index with a field chain, variables and trim markers', () => {
    expect(run('{{(index (index .items 0).spec.ports 0).nodePort}}')).toBe('30080');
    expect(run('{{range $i, $p := .items -}}\n  {{$i}}={{$p.metadata.name}};\n{{- end}}')).toBe('0=a;1=b;');
  });

  it('prints <no value> for missing keys and supports if/else and with', () => {
    expect(run('{{range .items}}{{.metadata.labels.app}},{{end}}')).toBe('web,<no value>,');
    expect(run('{{range .items}}{{if .metadata.labels}}L{{else}}-{{end}}{{end}}')).toBe('L-');
    expect(run('{{with index .items 0}}{{.metadata.name}}{{end}}')).toBe('a');
  });

  it('decodes base64 and formats with printf', () => {
    expect(run('{{(index .items 0).data.password | base64decode}}')).toBe('secret');
    expect(run('{{printf "%s has %d" (index .items 0).metadata.name 2}}')).toBe('a has 2');
  });

  it('reports parse errors', () => {
    expect(() => parseGoTemplate('{{.a')).toThrow(GoTemplateError);
    expect(() => parseGoTemplate('{{range .items}}x')).toThrow('unexpected EOF');
    expect(() => parseGoTemplate('{{nope .a}}')).toThrow('function "nope" not defined');
  });
});
