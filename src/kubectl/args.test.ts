import { describe, expect, it } from 'vitest';
import { FlagError, formatGoDuration, parseArgs, parseGoDuration, type FlagSpec } from './args';

const FLAGS: FlagSpec[] = [
  { name: 'namespace', short: 'n', type: 'string' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'replicas', type: 'int', default: 1 },
  { name: 'filename', short: 'f', type: 'stringArray' },
  { name: 'timeout', type: 'duration', default: 30_000 },
  { name: 'dry-run', type: 'string', default: 'none', noOptDefault: 'unchanged' },
  { name: 'stdin', short: 'i', type: 'bool' },
  { name: 'tty', short: 't', type: 'bool' },
];

const err = (argv: string[]) => {
  try {
    parseArgs(argv, FLAGS);
  } catch (e) {
    if (e instanceof FlagError) return e.message;
    throw e;
  }
  return 'no error';
};

describe('parseArgs', () => {
  it('reads long and short flags in every cobra form', () => {
    for (const argv of [['--namespace=dev'], ['--namespace', 'dev'], ['-n', 'dev'], ['-ndev'], ['-n=dev']]) {
      expect(parseArgs(argv, FLAGS).string('namespace')).toBe('dev');
    }
  });

  it('keeps positional arguments around flags and after --', () => {
    const a = parseArgs(['get', '-A', 'pods', '--', 'sh', '-c', 'x'], FLAGS);
    expect(a.args).toEqual(['get', 'pods']);
    expect(a.dashArgs).toEqual(['sh', '-c', 'x']);
    expect(a.bool('all-namespaces')).toBe(true);
  });

  it('groups bool shorthands and repeats array flags', () => {
    const a = parseArgs(['-it', '-f', 'a.yaml', '--filename=b.yaml'], FLAGS);
    expect(a.bool('stdin') && a.bool('tty')).toBe(true);
    expect(a.strings('filename')).toEqual(['a.yaml', 'b.yaml']);
  });

  it('uses defaults, no-option defaults and reports what changed', () => {
    const a = parseArgs(['--dry-run'], FLAGS);
    expect(a.string('dry-run')).toBe('unchanged');
    expect(a.int('replicas')).toBe(1);
    expect(a.changed('replicas')).toBe(false);
    expect(a.duration('timeout')).toBe(30_000);
    expect(parseArgs(['--timeout=1m30s'], FLAGS).duration('timeout')).toBe(90_000);
  });

  it('gives pflag error texts', () => {
    expect(err(['--foo'])).toBe('unknown flag: --foo');
    expect(err(['-z'])).toBe("unknown shorthand flag: 'z' in -z");
    expect(err(['-Az'])).toBe("unknown shorthand flag: 'z' in -z");
    expect(err(['-n'])).toBe("flag needs an argument: 'n' in -n");
    expect(err(['--namespace'])).toBe('flag needs an argument: --namespace');
    expect(err(['--replicas=abc'])).toBe('invalid argument "abc" for "--replicas" flag: strconv.ParseInt: parsing "abc": invalid syntax');
    expect(err(['-A=maybe'])).toBe('invalid argument "maybe" for "-A, --all-namespaces" flag: strconv.ParseBool: parsing "maybe": invalid syntax');
    expect(err(['--timeout=abc'])).toBe('invalid argument "abc" for "--timeout" flag: time: invalid duration "abc"');
  });
});

describe('Go durations', () => {
  it('parses and formats like time.ParseDuration / Duration.String', () => {
    expect(parseGoDuration('1h2m3s')).toBe(3_723_000);
    expect(parseGoDuration('1.5s')).toBe(1500);
    expect(parseGoDuration('0')).toBe(0);
    expect(parseGoDuration('5')).toBeUndefined();
    expect(formatGoDuration(90_000)).toBe('1m30s');
    expect(formatGoDuration(3_600_000)).toBe('1h0m0s');
  });
});
