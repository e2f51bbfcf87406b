/**
 * js-yaml's schema with go-yaml v2's integers, which kubectl's sigs.k8s.io/yaml uses: a plain
 * scalar with a leading zero is octal (strconv.ParseInt base 0), so `defaultMode: 0400` is 256
 * as on a real cluster, not four hundred. Everything else is js-yaml's core schema.
 */
import yaml from 'js-yaml';

const OCTAL = /^[-+]?0[0-7]+$/;
interface ScalarType {
  resolve(data: string): boolean;
  construct(data: string): unknown;
  predicate?: (data: object) => boolean;
  represent?: yaml.TypeConstructorOptions['represent'];
  defaultStyle?: string;
}
// js-yaml exports its built-in types at run time; @types/js-yaml does not declare them.
const coreInt = (yaml as unknown as { types: { int: ScalarType } }).types.int;

const goInt = new yaml.Type('tag:yaml.org,2002:int', {
  kind: 'scalar',
  resolve: (data: string) => OCTAL.test(data) || coreInt.resolve(data),
  construct: (data: string) => (OCTAL.test(data) ? (data.startsWith('-') ? -1 : 1) * parseInt(data.replace(/^[-+]/, ''), 8) : coreInt.construct(data)),
  predicate: coreInt.predicate,
  represent: coreInt.represent,
  defaultStyle: coreInt.defaultStyle,
});

export const GO_YAML_SCHEMA = yaml.DEFAULT_SCHEMA.extend({ implicit: [goInt] });
