import { describe, expect, it } from 'vitest';
import { executableNotFoundMessage } from './container-process';

describe('container process', () => {
  it('missing executable message', () => {
    expect(executableNotFoundMessage('foo')).toContain('exec: "foo": executable file not found in $PATH: unknown');
  });
});
