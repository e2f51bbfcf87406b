/**
 * The official perl image (Debian with perl): enough perl to run the Job concept page's
 * `perl -Mbignum=bpi -wle 'print bpi(2000)'` — π to that many significant digits, computed
 * (Machin's formula on BigInt), in the few seconds a real perl takes for it.
 */
import { MiB } from '../metrics/usage';
import type { ImageFamily, Workload } from './types';
import { DEBIAN } from './userland';

/** π rounded to `digits` significant digits, as Math::BigFloat's bpi prints it. */
export function piDigits(digits: number): string {
  const guard = 10n;
  const scale = 10n ** BigInt(digits + 10);
  const arctanInv = (x: bigint): bigint => {
    let sum = 0n;
    let term = scale / x;
    const x2 = x * x;
    for (let n = 1n, sign = 1n; term !== 0n; n += 2n, sign = -sign) {
      sum += (sign * term) / n;
      term /= x2;
    }
    return sum;
  };
  const pi = 4n * (4n * arctanInv(5n) - arctanInv(239n));
  // Round to `digits` significant digits (one before the point).
  const text = ((pi / 10n ** guard + 5n) / 10n).toString();
  return digits <= 1 ? text.slice(0, 1) : `${text[0]}.${text.slice(1)}`;
}

/** `perl -Mbignum=bpi -wle 'print bpi(N)'` (the flags may come as one argument or several). */
function perlWorkload(argv: string[]): Workload | undefined {
  if (!/(^|\/)perl$/.test(argv[0] ?? '')) return undefined;
  const script = argv.slice(1).join(' ');
  const m = /-Mbignum=bpi\b.*print bpi\((\d+)\)/.exec(script);
  if (!m) return undefined;
  const n = Math.min(Number(m[1]), 100000);
  // bignum's bpi is quadratic: about 2 s for 1,000 digits, 8 s for 2,000 on a laptop.
  const ms = 300 + Math.round((n * n) / 500);
  return { lines: [[ms, piDigits(n)]], wants: { cpuMillis: 1000, memoryBytes: 12 * MiB }, exit: { afterMs: ms, code: 0 }, onSigterm: 'ignore' };
}

export const perl: ImageFamily = {
  name: 'perl',
  repositories: [
    {
      repository: 'docker.io/library/perl',
      tags: { latest: [353038447, '5.40.0'], '5.40.0': [353038447, '5.40.0'], '5.40': [353038447, '5.40.0'], '5': [353038447, '5.40.0'], '5.38': [351203102, '5.38.2'], '5.36': [344906231, '5.36.3'], '5.34.0': [337426417, '5.34.0'], '5.34': [337426417, '5.34.0'], slim: [41830321, '5.40.0'] },
      entrypoint: [],
      cmd: ['perl5.40.0', '-de0'],
      binaries: DEBIAN,
      workload: perlWorkload,
    },
  ],
};
