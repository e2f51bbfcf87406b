/**
 * What a command run by `kubectl exec` gets from the container runtime: the programs that need
 * it (ps, kill, hostname, wget, curl, nc: src/shell/programs/) and a `System` whose processes,
 * signals and network are this container's. PID 1 only gets the signals it has a handler for
 * from inside its PID namespace (pid_namespaces(7)): a server stops, a shell or `sleep` as PID 1
 * ignores SIGTERM, and SIGKILL from inside is ignored too.
 */
import type { ProcessEntry } from '../../../shell/container-system';
import type { System } from '../../../shell/program';
import { RUNTIME_PROGRAMS } from '../../../shell/programs/runtime';
import { kubeletEnv } from '../container-env';
import { NO_FACTS, resolveArgv, type ExecRuntime } from '../container-process';
import type { PodNetworkOf, PodSandbox, RunningContainer } from './sandbox';
import { mountTable } from '../../fs/mount-table';

const SIGHUP = 1;
const SIGINT = 2;
const SIGQUIT = 3;
const SIGTERM = 15;

/** The runtime for a process `argv` exec'd as `pid` in `c` at `now`. */
export function execRuntime(sandbox: PodSandbox, c: RunningContainer, network: PodNetworkOf, now: () => number, argv: string[], pid: number): ExecRuntime {
  const hostname = sandbox.pod.spec?.hostname ?? sandbox.pod.metadata?.name ?? '';
  const sys: System = {
    now,
    hostname,
    ...network(sandbox, now),
    processes: () => [...mainProcesses(sandbox, c), { pid, user: 'root', command: argv.join(' '), startedAt: now() }],
    get disk() {
      return mountTable(sandbox.pod, c.files, c.spec.volumeMounts ?? [], now());
    },
    signal(target, signal) {
      if (target === pid) return undefined;
      if (!mainProcesses(sandbox, c).some((p) => p.pid === target)) return 'ESRCH';
      if (target === 1 && c.plan.server && [SIGHUP, SIGINT, SIGQUIT, SIGTERM].includes(signal) && signal !== SIGHUP) c.stopFromInside(pid);
      return undefined;
    },
  };
  return { programs: RUNTIME_PROGRAMS, sys };
}

/** PID 1 and what it forked: nginx's master and worker titles, else the main argv. */
function mainProcesses(sandbox: PodSandbox, c: RunningContainer): ProcessEntry[] {
  const argv = resolveArgv(c.spec, c.image, kubeletEnv(sandbox.pod, c.spec, NO_FACTS));
  const bin = (argv.find((a) => !a.includes('entrypoint')) ?? '').split('/').pop();
  if (c.plan.server && (bin === 'nginx' || c.image.repository.endsWith('/nginx'))) {
    return [
      { pid: 1, user: 'root', command: 'nginx: master process nginx -g daemon off;', startedAt: c.startedAt },
      { pid: 29, user: 'nginx', command: 'nginx: worker process', startedAt: c.startedAt },
    ];
  }
  return [{ pid: 1, user: 'root', command: argv.join(' '), startedAt: c.startedAt }];
}
