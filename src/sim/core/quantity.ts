/**
 * Kubernetes resource quantities (k8s.io/apimachinery/pkg/api/resource), made small:
 * parse `500m`, `0.5`, `128Mi`, `1G`, `1e3` exactly (BigInt nano-units, rounded up to 1n
 * like the real parser) and print them in canonical form: the input's format is kept
 * (DecimalSI, BinarySI or DecimalExponent), the mantissa is an integer, and the exponent is the
 * largest multiple of 3 (decimal) or 10 (binary) that keeps it exact: `0.5` → `500m`,
 * `1024Mi` → `1Gi`, `1.5Gi` → `1536Mi`, `1000` → `1k`, `1e3` stays `1e3`.
 */

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

export interface Quantity {
  /** The value in units of 10⁻⁹ (exact). */
  nanos: bigint;
  format: QuantityFormat;
}

/** apimachinery's ErrFormatWrong text (what the api-server reports for `cpu: abc`). */
export const QUANTITY_FORMAT_ERROR =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
/** apimachinery's ErrSuffix text (`1K`: K is not a suffix). */
export const QUANTITY_SUFFIX_ERROR = "unable to parse quantity's suffix";

export class QuantityError extends Error {}

const DECIMAL_SUFFIXES: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_SUFFIXES: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DECIMAL_BY_EXPONENT = new Map(Object.entries(DECIMAL_SUFFIXES).map(([s, e]) => [e, s]));
const BINARY_BY_EXPONENT = new Map(Object.entries(BINARY_SUFFIXES).map(([s, e]) => [e, s]));
const SUFFIX_CHARS = 'eEinumkKMGTP';
const NANO = 1_000_000_000n;

/** Parses a quantity exactly; throws QuantityError with apimachinery's messages. */
export function parseQuantityExact(input: string | number): Quantity {
  const str = typeof input === 'number' ? numberText(input) : input;
  if (str.length === 0) throw new QuantityError(QUANTITY_FORMAT_ERROR);
  const parts = splitQuantity(str);
  const suffix = interpretSuffix(parts.suffix);
  if (!suffix) throw new QuantityError(QUANTITY_SUFFIX_ERROR);
  const digits = BigInt(parts.num + parts.denom);
  let numerator: bigint;
  let denominator = 10n ** BigInt(parts.denom.length);
  if (suffix.format === 'BinarySI') {
    numerator = digits * (1n << BigInt(suffix.exponent)) * NANO;
  } else {
    const shift = suffix.exponent + 9;
    if (shift >= 0) numerator = digits * 10n ** BigInt(shift);
    else {
      numerator = digits;
      denominator *= 10n ** BigInt(-shift);
    }
  }
  // Round up (away from zero) to a whole nano, as the real parser does.
  let nanos = numerator / denominator;
  if (nanos * denominator !== numerator) nanos += 1n;
  return { nanos: parts.positive ? nanos : -nanos, format: suffix.format };
}

export function tryParseQuantity(input: string | number): Quantity | undefined {
  try {
    return parseQuantityExact(input);
  } catch {
    return undefined;
  }
}

const cache = new Map<string, number>();

/**
 * The value in base units (cores for cpu, bytes for memory) as a float: `500m` → 0.5,
 * `128Mi` → 134217728. Throws QuantityError on malformed input. Cached: requests repeat.
 */
export function parseQuantity(input: string | number): number {
  if (typeof input === 'number') return input;
  let v = cache.get(input);
  if (v === undefined) {
    v = Number(parseQuantityExact(input).nanos) / 1e9;
    if (cache.size > 10_000) cache.clear();
    cache.set(input, v);
  }
  return v;
}

/** CPU in millicores, rounded up like Quantity.MilliValue(); undefined/invalid → 0. */
export function cpuMillis(q: string | number | undefined | null): number {
  if (q === undefined || q === null) return 0;
  try {
    return Math.ceil(Math.round(parseQuantity(q) * 1e9) / 1e6);
  } catch {
    return 0;
  }
}

/** Bytes, rounded up like Quantity.Value(); undefined/invalid → 0. */
export function memoryBytes(q: string | number | undefined | null): number {
  if (q === undefined || q === null) return 0;
  try {
    return Math.ceil(parseQuantity(q));
  } catch {
    return 0;
  }
}

/** Canonical text of a parsed quantity (Quantity.String()). */
export function quantityString(q: Quantity): string {
  if (q.nanos === 0n) return '0';
  const negative = q.nanos < 0n;
  const abs = negative ? -q.nanos : q.nanos;
  let format = q.format;
  if (format === 'BinarySI') {
    // Small or fractional binary values print as DecimalSI, to avoid rounding.
    if (abs < 1024n * NANO || abs % NANO !== 0n) format = 'DecimalSI';
  }
  const sign = negative ? '-' : '';
  if (format === 'BinarySI') {
    let mantissa = abs / NANO;
    let exponent = 0;
    while (mantissa % 1024n === 0n && exponent < 60) {
      mantissa /= 1024n;
      exponent += 10;
    }
    return sign + mantissa.toString() + (BINARY_BY_EXPONENT.get(exponent) ?? '');
  }
  // Decimal: drop factors of ten, then pad the exponent down to a multiple of 3.
  let mantissa = abs;
  let exponent = -9;
  while (mantissa % 10n === 0n) {
    mantissa /= 10n;
    exponent += 1;
  }
  const rem = ((exponent % 3) + 3) % 3;
  if (rem) {
    mantissa *= 10n ** BigInt(rem);
    exponent -= rem;
  }
  let suffix: string;
  if (format === 'DecimalSI' && DECIMAL_BY_EXPONENT.has(exponent)) suffix = DECIMAL_BY_EXPONENT.get(exponent)!;
  else suffix = exponent === 0 ? '' : `e${exponent}`;
  return sign + mantissa.toString() + suffix;
}

/** Canonical form of user input: `0.5` → `500m`, `1024Mi` → `1Gi`. Throws on malformed input. */
export function canonicalQuantity(input: string | number): string {
  return quantityString(parseQuantityExact(input));
}

/**
 * A quantity as kubectl prints one it read from an object: canonical when it parses
 * (`0.5` → `500m`), as written when it does not, `0` when absent.
 */
export function quantityText(q: string | number | undefined): string {
  if (q === undefined) return '0';
  try {
    return canonicalQuantity(q);
  } catch {
    return String(q);
  }
}

/** Formats a base-unit value (cores or bytes) in `format`: formatQuantity(1.5) → `1500m`. */
export function formatQuantity(value: number, format: QuantityFormat = 'DecimalSI'): string {
  const nanos = BigInt(Math.round(value * 1e9));
  return quantityString({ nanos, format });
}

/** Millicores as a quantity: 1500 → `1500m`, 2000 → `2`. */
export function formatMillis(millis: number): string {
  return quantityString({ nanos: BigInt(Math.round(millis)) * 1_000_000n, format: 'DecimalSI' });
}

/** Bytes as a quantity in `format` (BinarySI: 134217728 → `128Mi`). */
export function formatBytes(bytes: number, format: QuantityFormat = 'BinarySI'): string {
  return quantityString({ nanos: BigInt(Math.round(bytes)) * NANO, format });
}

/** A count as a canonical decimal-SI quantity (what a quota's `used` holds): 3, 1500, 1k, 2M. */
export function formatCount(n: number): string {
  return formatBytes(n, 'DecimalSI');
}

interface QuantityParts {
  positive: boolean;
  num: string;
  denom: string;
  suffix: string;
}

/** apimachinery's parseQuantityString, quirks included (`1.` and `.5` are accepted). */
function splitQuantity(str: string): QuantityParts {
  let pos = 0;
  const end = str.length;
  let positive = true;
  if (str[0] === '-') {
    positive = false;
    pos++;
  } else if (str[0] === '+') pos++;
  while (pos < end && str[pos] === '0') pos++;
  if (pos >= end) return { positive, num: '0', denom: '', suffix: '' };
  let i = pos;
  while (i < end && isDigit(str[i])) i++;
  const num = str.slice(pos, i) || '0';
  pos = i;
  let denom = '';
  if (pos < end && str[pos] === '.') {
    pos++;
    i = pos;
    while (i < end && isDigit(str[i])) i++;
    denom = str.slice(pos, i);
    pos = i;
  }
  const suffixStart = pos;
  while (pos < end && SUFFIX_CHARS.includes(str[pos])) pos++;
  if (pos < end && (str[pos] === '-' || str[pos] === '+')) pos++;
  while (pos < end && isDigit(str[pos])) pos++;
  if (pos < end) throw new QuantityError(QUANTITY_FORMAT_ERROR);
  return { positive, num, denom, suffix: str.slice(suffixStart) };
}

function interpretSuffix(suffix: string): { format: QuantityFormat; exponent: number } | undefined {
  if (Object.hasOwn(DECIMAL_SUFFIXES, suffix)) return { format: 'DecimalSI', exponent: DECIMAL_SUFFIXES[suffix] };
  if (Object.hasOwn(BINARY_SUFFIXES, suffix)) return { format: 'BinarySI', exponent: BINARY_SUFFIXES[suffix] };
  if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E') && /^[+-]?\d+$/.test(suffix.slice(1))) {
    const exponent = Number(suffix.slice(1));
    if (Math.abs(exponent) > 1000) return undefined;
    return { format: 'DecimalExponent', exponent };
  }
  return undefined;
}

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}

/** A YAML number (`cpu: 0.5`) is read as its text, as Quantity.UnmarshalJSON does. */
function numberText(n: number): string {
  if (!Number.isFinite(n)) throw new QuantityError(QUANTITY_FORMAT_ERROR);
  return String(n).replace('e+', 'e');
}
