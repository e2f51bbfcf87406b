import { describe, expect, it } from 'vitest';
import { goIntOrString, goLabelSelector, goQuote, goStringMap } from './gostr';
import { isDNS1123Label, isQualifiedName, isValidPortName, nameIsDNSSubdomain, regexError } from './names';

describe('names', () => {
  it('formats regex errors with the double space between examples', () => {
    expect(regexError('m', 'f', 'a', 'b')).toBe("m (e.g. 'a',  or 'b', regex used for validation is 'f')");
    expect(isDNS1123Label('a'.repeat(64))[0]).toBe('must be no more than 63 characters');
  });
  it('accepts generateName prefixes ending in a dash', () => {
    expect(nameIsDNSSubdomain('web-', true)).toEqual([]);
    expect(nameIsDNSSubdomain('web-', false)).toHaveLength(1);
  });
  it('checks qualified names and port names', () => {
    expect(isQualifiedName('example.com/app')).toEqual([]);
    expect(isQualifiedName('/app')).toEqual(['prefix part must be non-empty']);
    expect(isValidPortName('http')).toEqual([]);
    expect(isValidPortName('8080')).toEqual(['must contain at least one letter (a-z)']);
  });
});

describe('gostr', () => {
  it('renders values in Go %#v style', () => {
    expect(goStringMap({ b: '2', a: '1' })).toBe('map[string]string{"a":"1", "b":"2"}');
    expect(goStringMap(undefined)).toBe('map[string]string(nil)');
    expect(goLabelSelector({ matchExpressions: [{ key: 'k', operator: 'In', values: ['v'] }] })).toBe(
      'v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement{v1.LabelSelectorRequirement{Key:"k", Operator:"In", Values:[]string{"v"}}}}',
    );
    expect(goIntOrString('25%')).toBe('intstr.IntOrString{Type:1, IntVal:0, StrVal:"25%"}');
    expect(goQuote('a"b\n')).toBe('"a\\"b\\n"');
  });
});
