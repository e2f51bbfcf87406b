/**
 * kubectl's flag parser (cobra + pflag semantics): `--flag=value`, `--flag value`, `-n value`,
 * `-nvalue`, `-n=value`, grouped bool shorthands (`-it`), repeated flags, `--` ending flags,
 * flags anywhere among the arguments. Errors carry pflag's exact texts; the caller prints them
 * as cobra does (`Error: …` + `See 'kubectl get --help' for usage.`).
 */

export type FlagType = 'bool' | 'string' | 'int' | 'stringArray' | 'duration';
export type FlagValue = boolean | string | number | string[];

export interface FlagSpec {
  name: string;
  short?: string;
  type: FlagType;
  /** Value when the flag is not given (bool: false, int: 0, string: '', stringArray: []). */
  default?: FlagValue;
  /** Value when given without `=value` (pflag's NoOptDefVal): e.g. `--dry-run` → `unchanged`. */
  noOptDefault?: string;
  /** One line for `--help` and completion. */
  usage?: string;
}

/** A usage error from the flag parser or a command's argument checks (cobra prints `Error: `). */
export class FlagError extends Error {}

export class ParsedArgs {
  constructor(
    /** Arguments that are not flags, in order (including those after `--`). */
    readonly positional: string[],
    private readonly values: Map<string, FlagValue>,
    private readonly specs: Map<string, FlagSpec>,
    /** Index in `positional` of the first argument after `--`, or -1 (cobra's ArgsLenAtDash). */
    readonly dashIndex: number,
    /** Every flag as given, in order, by long name (for kubectl's `--record` change-cause). */
    readonly given: { name: string; value: string }[] = [],
  ) {}

  /** Whether the command declares the flag at all. */
  declared(name: string): boolean {
    return this.specs.has(name);
  }

  /** Whether the flag was given on the command line (pflag's `Changed`). */
  changed(name: string): boolean {
    return this.values.has(name);
  }

  private value(name: string): FlagValue | undefined {
    if (this.values.has(name)) return this.values.get(name);
    const spec = this.specs.get(name);
    if (!spec) throw new Error(`flag --${name} is not declared`);
    return spec.default;
  }

  string(name: string): string {
    const v = this.value(name);
    return typeof v === 'string' ? v : '';
  }

  bool(name: string): boolean {
    return this.value(name) === true;
  }

  int(name: string): number {
    const v = this.value(name);
    return typeof v === 'number' ? v : 0;
  }

  /** Duration flags, in milliseconds. */
  duration(name: string): number {
    return this.int(name);
  }

  strings(name: string): string[] {
    const v = this.value(name);
    return Array.isArray(v) ? v : [];
  }

  /** Positional arguments before `--`. */
  get args(): string[] {
    return this.dashIndex < 0 ? this.positional : this.positional.slice(0, this.dashIndex);
  }

  /** Positional arguments after `--`. */
  get dashArgs(): string[] {
    return this.dashIndex < 0 ? [] : this.positional.slice(this.dashIndex);
  }
}

export function parseArgs(argv: string[], flags: FlagSpec[]): ParsedArgs {
  const byName = new Map<string, FlagSpec>();
  const byShort = new Map<string, FlagSpec>();
  for (const f of flags) {
    byName.set(f.name, f);
    if (f.short) byShort.set(f.short, f);
  }
  const values = new Map<string, FlagValue>();
  const positional: string[] = [];
  let dashIndex = -1;

  const given: { name: string; value: string }[] = [];
  const set = (spec: FlagSpec, raw: string) => {
    const value = convert(spec, raw, values.get(spec.name));
    values.set(spec.name, value);
    given.push({ name: spec.name, value: typeof value === 'boolean' ? String(value) : raw });
  };

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      dashIndex = positional.length;
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith('--') && arg.length > 2) {
      const body = arg.slice(2);
      const eq = body.indexOf('=');
      const name = eq < 0 ? body : body.slice(0, eq);
      const spec = byName.get(name);
      if (!spec) throw new FlagError(`unknown flag: --${name}`);
      if (eq >= 0) set(spec, body.slice(eq + 1));
      else if (spec.type === 'bool') set(spec, 'true');
      else if (spec.noOptDefault !== undefined) set(spec, spec.noOptDefault);
      else if (i + 1 < argv.length) set(spec, argv[++i]);
      else throw new FlagError(`flag needs an argument: --${name}`);
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1) {
      // A run of shorthands: bools may be grouped; the first one taking a value ends the run.
      let rest = arg.slice(1);
      while (rest.length) {
        const c = rest[0];
        const spec = byShort.get(c);
        if (!spec) throw new FlagError(`unknown shorthand flag: '${c}' in -${rest}`);
        rest = rest.slice(1);
        if (rest.startsWith('=')) {
          set(spec, rest.slice(1));
          rest = '';
        } else if (spec.type === 'bool') {
          set(spec, 'true');
        } else if (spec.noOptDefault !== undefined) {
          set(spec, rest || spec.noOptDefault);
          rest = '';
        } else if (rest.length) {
          set(spec, rest);
          rest = '';
        } else if (i + 1 < argv.length) {
          set(spec, argv[++i]);
        } else {
          throw new FlagError(`flag needs an argument: '${c}' in -${c}`);
        }
      }
      continue;
    }
    positional.push(arg);
  }
  return new ParsedArgs(positional, values, byName, dashIndex, given);
}

function flagLabel(spec: FlagSpec): string {
  return spec.short ? `-${spec.short}, --${spec.name}` : `--${spec.name}`;
}

function convert(spec: FlagSpec, raw: string, previous: FlagValue | undefined): FlagValue {
  const bad = (why: string) => new FlagError(`invalid argument "${raw}" for "${flagLabel(spec)}" flag: ${why}`);
  switch (spec.type) {
    case 'bool': {
      const b = parseGoBool(raw);
      if (b === undefined) throw bad(`strconv.ParseBool: parsing "${raw}": invalid syntax`);
      return b;
    }
    case 'int': {
      if (!/^[+-]?\d+$/.test(raw)) throw bad(`strconv.ParseInt: parsing "${raw}": invalid syntax`);
      const n = Number(raw);
      if (!Number.isSafeInteger(n)) throw bad(`strconv.ParseInt: parsing "${raw}": value out of range`);
      return n;
    }
    case 'duration': {
      const ms = parseGoDuration(raw);
      if (ms === undefined) throw bad(`time: invalid duration "${raw}"`);
      return ms;
    }
    case 'stringArray':
      return [...(Array.isArray(previous) ? previous : []), raw];
    case 'string':
      return raw;
  }
}

/** Go's strconv.ParseBool. */
export function parseGoBool(s: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(s)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(s)) return false;
  return undefined;
}

const UNIT_MS: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Go's time.ParseDuration (`30s`, `1m30s`, `1.5h`, `0`), in milliseconds. */
export function parseGoDuration(s: string): number | undefined {
  let rest = s;
  let sign = 1;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    if (rest[0] === '-') sign = -1;
    rest = rest.slice(1);
  }
  if (rest === '0') return 0;
  if (rest === '') return undefined;
  let total = 0;
  while (rest.length) {
    const m = /^(\d+\.?\d*|\.\d+)(ns|us|µs|ms|s|m|h)/.exec(rest);
    if (!m) return undefined;
    total += Number(m[1]) * UNIT_MS[m[2]];
    rest = rest.slice(m[0].length);
  }
  return sign * total;
}

/** Go's Duration.String() for whole milliseconds (`30s`, `1m30s`, `1h0m0s`). */
export function formatGoDuration(ms: number): string {
  if (ms === 0) return '0s';
  const neg = ms < 0;
  let rest = Math.abs(ms);
  const h = Math.floor(rest / 3_600_000);
  rest -= h * 3_600_000;
  const m = Math.floor(rest / 60_000);
  rest -= m * 60_000;
  const s = rest / 1000;
  let out = '';
  if (h) out += `${h}h`;
  if (h || m) out += `${m}m`;
  out += `${s}s`;
  return (neg ? '-' : '') + out;
}
