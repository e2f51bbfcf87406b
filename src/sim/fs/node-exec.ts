/**
 * A command run inside a kind node container (`docker exec kind-worker …`): a Debian userland
 * (kindest/node is Debian) over the node's own files (./node-files.ts), where hostPath and
 * local-path volumes live. What it writes is what the node's pods see, and the reverse.
 */
import { runProcess } from '../../shell/evaluate';
import type { KindNodes } from '../../shell/host/docker';
import type { SimContext } from '../context';
import { DEBIAN_FILES } from '../images/files/os';
import { DEBIAN } from '../images/userland';
import { executableExists } from '../kubelet/container-process';
import { ContainerFs } from './container-fs';
import { nodeFilesOf } from './node-files';
import type { NodeContainers } from '../faults/node-containers';

const BINARIES = new Set(DEBIAN);
const LOWER: ReadonlyMap<string, string> = new Map(Object.entries(DEBIAN_FILES));
const PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export function kindNodes(ctx: SimContext, containers: NodeContainers): KindNodes {
  return {
    names: () => containers.names(),
    containers: () => containers.list(),
    stop: (name) => containers.stop(name),
    start: (name) => containers.start(name),
    restart: (name) => containers.restart(name),
    now: () => ctx.clock.now(),
    exec(node, argv, env, workdir) {
      if (!executableExists(argv[0], BINARIES)) return { notFound: argv[0] };
      const now = ctx.clock.now();
      const nodes = nodeFilesOf(ctx);
      const fs = new ContainerFs(LOWER, nodes.of(node), [], () => now, (t) => nodes.sync(node, t));
      const timeline = runProcess(argv, { env: { PATH, HOSTNAME: node, HOME: '/root', container: 'docker', ...env }, startedAt: now, binaries: BINARIES, flavor: 'bash', hostname: node, fs, cwd: workdir ?? '/' }, { untilMs: 60_000 });
      return { lines: timeline.lines, code: timeline.exit?.code ?? 0 };
    },
  };
}
