import { describe, expect, it } from 'vitest';
import { runProcess, type ProcessContext } from './evaluate';

const dash: ProcessContext = { env: { u: 'my-app', PATH: '/bin' }, startedAt: 0, binaries: new Set(['sh', 'echo']), flavor: 'dash', hostname: 'h' };
const lines = (script: string, ctx = dash) => runProcess(['sh', '-c', script], ctx).lines.map((l) => l.text);

describe("dash's echo", () => {
  it('interprets backslash escapes always, and takes only -n', () => {
    expect(lines('echo "username: $u\\npassword: x\\n"')).toEqual(['username: my-app', 'password: x', '']);
    expect(lines('echo -e "a\\tb"')).toEqual(['-e a\tb']);
    expect(lines('echo "one\\ctwo"; echo three')).toEqual(['onethree']);
  });

  it('leaves busybox ash literal without -e', () => {
    expect(lines('echo "a\\nb"', { ...dash, flavor: 'busybox' })).toEqual(['a\\nb']);
  });
});
