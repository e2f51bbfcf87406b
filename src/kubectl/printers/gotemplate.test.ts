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

  // Expected values are what the real kubectl 1.32 printed for a Deployment with one container.
  const deploy = { metadata: { name: 'x', creationTimestamp: null, labels: { app: 'x' } }, spec: { replicas: 1, containers: [{ name: 'nginx' }] } };
  const onDeploy = (t: string) => executeGoTemplate(parseGoTemplate(t), deploy);

  it('has kubectl\'s exists: indexes maps by string and lists by int, nil at the end is false', () => {
    expect(onDeploy('{{if exists . "metadata" "name"}}yes{{end}}')).toBe('yes');
    expect(onDeploy('{{if exists . "metadata" "nope"}}yes{{else}}no{{end}}')).toBe('no');
    expect(onDeploy('{{exists . "metadata" "creationTimestamp"}} {{exists .metadata.creationTimestamp}} {{exists .nope}}')).toBe('false true true');
    expect(onDeploy('{{exists . "spec" "containers" 0 "name"}} {{exists . "spec" "containers" 1}} {{exists . "spec" "containers" -1}}')).toBe('true false false');
    expect(onDeploy('{{exists . "spec" "containers" "0"}} {{exists . "spec" "containers" 0.0}} {{exists .spec.containers .spec.replicas}}')).toBe('false false false');
    expect(onDeploy('{{range $i, $c := .spec.containers}}{{exists $.spec.containers $i}}{{end}} {{0 | exists .spec.containers}}')).toBe('true true');
    expect(onDeploy('{{exists "héllo" 5}} {{exists "héllo" 6}} {{exists . "metadata" "name" 0 0}} {{exists . nil}}')).toBe('true false false false');
  });

  it('rejects exists without arguments at its line and column', () => {
    expect(() => onDeploy('x{{.metadata.name}}{{exists}}y')).toThrow(
      new GoTemplateError('template: output:1:21: executing "output" at <exists>: wrong number of args for exists: want at least 1 got 0'),
    );
    expect(() => onDeploy('a\n  {{ exists }}')).toThrow('template: output:2:5: executing');
  });
});
