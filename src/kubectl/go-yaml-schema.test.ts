import { describe, expect, it } from 'vitest';
import yaml from 'js-yaml';
import { GO_YAML_SCHEMA } from './go-yaml-schema';

describe('go-yaml integers', () => {
  it('reads a leading zero as octal, as kubectl does', () => {
    expect(yaml.load('mode: 0400\nb: 0755\nc: 420\nd: 0\ne: 0x1f\nf: "0400"\ng: 08', { schema: GO_YAML_SCHEMA })).toEqual({ mode: 256, b: 493, c: 420, d: 0, e: 31, f: '0400', g: 8 });
  });
});
