/**
 * The two stress images of the kubernetes.io resource tasks: `polinux/stress` (Amos
 * Waterland's stress 1.0.4 on Alpine; "Assign Memory Resources") and `vish/stress` (a small Go
 * program: `-mem-total`, `-cpus`; "Assign CPU Resources"). Each is a workload: it asks for the
 * memory and CPU its flags say, and the kubelet's limits decide what it gets (../metrics/limits.ts).
 */
import { MiB, type ResourceUse } from '../metrics/usage';
import type { ImageFamily, Workload } from './types';
import { BUSYBOX } from './userland';

/** A stress process's own working set besides what its workers allocate (the task's 162856960 bytes for 150M). */
const STRESS_BASE = 162856960 - 150 * MiB;

/** stress's `atoll_b`: a size with an optional b/k/m/g suffix (powers of 1024). */
function bytes(arg: string): number | undefined {
  const m = /^(\d+)([bBkKmMgG]?)$/.exec(arg);
  if (!m) return undefined;
  const unit = { '': 1, b: 1, k: 1024, m: MiB, g: 1024 * MiB }[m[2].toLowerCase()] ?? 1;
  return Number(m[1]) * unit;
}

/** stress's `atoll_s`: seconds with an optional s/m/h/d/y suffix. */
function seconds(arg: string): number | undefined {
  const m = /^(\d+)([smhdy]?)$/.exec(arg);
  if (!m) return undefined;
  return Number(m[1]) * ({ '': 1, s: 1, m: 60, h: 3600, d: 86400, y: 31536000 }[m[2]] ?? 1);
}

const USAGE = [
  "`stress' imposes certain types of compute stress on your system",
  '',
  'Usage: stress [OPTION [ARG]] ...',
  ' -?, --help         show this help statement',
  '     --version      show version statement',
  ' -v, --verbose      be verbose',
  ' -q, --quiet        be quiet',
  ' -n, --dry-run      show what would have been done',
  ' -t, --timeout N    timeout after N seconds',
  '     --backoff N    wait factor of N microseconds before work starts',
  ' -c, --cpu N        spawn N workers spinning on sqrt()',
  ' -i, --io N         spawn N workers spinning on sync()',
  ' -m, --vm N         spawn N workers spinning on malloc()/free()',
  '     --vm-bytes B   malloc B bytes per vm worker (default is 256MB)',
  '     --vm-stride B  touch a byte every B bytes (default is 4096)',
  '     --vm-hang N    sleep N secs before free (default none, 0 is inf)',
  '     --vm-keep      redirty memory instead of freeing and reallocating',
  ' -d, --hdd N        spawn N workers spinning on write()/unlink()',
  '     --hdd-bytes B  write B bytes per hdd worker (default is 1GB)',
  '',
  'Example: stress --cpu 8 --io 4 --vm 2 --vm-bytes 128M --timeout 10s',
  '',
  'Note: Numbers may be suffixed with s,m,h,d,y (time) or B,K,M,G (size).',
];

/** `stress [OPTION [ARG]] ...` (stress 1.0.4). */
export function polinuxStress(argv: string[]): Workload | undefined {
  if (!/(^|\/)stress$/.test(argv[0] ?? '')) return undefined;
  const args = argv.slice(1);
  if (args.length === 0) return { lines: USAGE.map((t) => [0, t]), wants: { cpuMillis: 0, memoryBytes: 0 }, exit: { afterMs: 0, code: 0 }, onSigterm: 'ignore' };
  const o = { cpu: 0, io: 0, vm: 0, hdd: 0, vmBytes: 256 * MiB, hang: -1, timeout: 0 };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const next = () => args[++i] ?? '';
    if (a === '-c' || a === '--cpu') o.cpu = Number(next());
    else if (a === '-i' || a === '--io') o.io = Number(next());
    else if (a === '-m' || a === '--vm') o.vm = Number(next());
    else if (a === '-d' || a === '--hdd') o.hdd = Number(next());
    else if (a === '--vm-bytes') o.vmBytes = bytes(next()) ?? o.vmBytes;
    else if (a === '--vm-hang') o.hang = seconds(next()) ?? 0;
    else if (a === '-t' || a === '--timeout') o.timeout = seconds(next()) ?? 0;
    else if (a === '--vm-stride' || a === '--hdd-bytes' || a === '--backoff') next();
  }
  const lines: Array<[number, string]> = [[0, `stress: info: [1] dispatching hogs: ${o.cpu} cpu, ${o.io} io, ${o.vm} vm, ${o.hdd} hdd`]];
  // A vm worker that hangs between rounds spends little CPU touching its pages; one that does not spins.
  const vmCpu = o.hang > 0 || o.hang === 0 ? 40 : 1000;
  const wants: ResourceUse = { cpuMillis: o.cpu * 1000 + o.vm * vmCpu + o.io * 50 + o.hdd * 200, memoryBytes: STRESS_BASE + o.vm * o.vmBytes };
  if (o.timeout > 0) {
    lines.push([o.timeout * 1000, `stress: info: [1] successful run completed in ${o.timeout}s`]);
    return { lines, wants, exit: { afterMs: o.timeout * 1000, code: 0 }, onSigterm: 'ignore', memoryRampPerSec: 2048 * MiB };
  }
  // PID 1 without a SIGTERM handler: the signal is ignored, the grace period runs out.
  return { lines, wants, onSigterm: 'ignore', memoryRampPerSec: 2048 * MiB };
}

/** vish/stress (`/stress -logtostderr`): glog lines, `-cpus` spinning threads, `-mem-total` in chunks. */
export function vishStress(argv: string[]): Workload | undefined {
  if (!/(^|\/)stress$/.test(argv[0] ?? '')) return undefined;
  let memTotal = '0';
  let chunk = '4Ki';
  let sleep = '1ms';
  let cpus = 0;
  const args = argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i].replace(/^--?/, '').split('=', 2);
    const value = () => inline ?? args[++i] ?? '';
    if (flag === 'mem-total') memTotal = value();
    else if (flag === 'mem-alloc-size') chunk = value();
    else if (flag === 'mem-alloc-sleep') sleep = value();
    else if (flag === 'cpus') cpus = Number(value());
  }
  const lines: Array<[number, string]> = [[0, `I{ts}       1 main.go:26] Allocating "${memTotal}" memory, in "${chunk}" chunks, with a ${sleep} sleep between allocations`]];
  for (let i = 0; i < cpus; i++) lines.push([0, 'I{ts}       1 main.go:39] Spawning a thread to consume CPU']);
  const total = quantityBytes(memTotal);
  lines.push([0, `I{ts}       1 main.go:29] Allocated "${memTotal}" memory`]);
  // Go's runtime, as PID 1, turns SIGTERM into exit status 2.
  return { lines, wants: { cpuMillis: cpus * 1000, memoryBytes: 1200 * 1024 + total }, onSigterm: { afterMs: 0, code: 2 }, memoryRampPerSec: Math.max(1, quantityBytes(chunk)) * 1000 };
}

/** A Kubernetes quantity (`150Mi`, `4Ki`, `0`) in bytes, for vish/stress's flags. */
function quantityBytes(q: string): number {
  const m = /^(\d+)(Ki|Mi|Gi|k|M|G)?$/.exec(q);
  if (!m) return 0;
  return Number(m[1]) * ({ Ki: 1024, Mi: MiB, Gi: 1024 * MiB, k: 1e3, M: 1e6, G: 1e9 }[m[2] ?? ''] ?? 1);
}

export const stress: ImageFamily = {
  name: 'stress',
  repositories: [
    {
      repository: 'docker.io/polinux/stress',
      tags: { latest: [4040621, '1.0.4'], '1.0.4': [4040621, '1.0.4'] },
      entrypoint: [],
      cmd: ['/usr/local/bin/stress'],
      binaries: [...BUSYBOX, 'bash', 'stress'],
      idle: { cpuMillis: 0, memoryBytes: STRESS_BASE },
      workload: polinuxStress,
    },
    {
      repository: 'docker.io/vish/stress',
      tags: { latest: [3011291, '1'] },
      entrypoint: ['/stress', '-logtostderr'],
      cmd: [],
      binaries: ['stress'],
      workload: vishStress,
    },
  ],
};
