/**
 * kind's build of rancher's local-path-provisioner (docker.io/kindest/local-path-provisioner,
 * v0.0.30 with kind's patches) and its helper image (a busybox the provisioner runs `setup` and
 * `teardown` in), both preloaded in kindest/node:v1.32.2 (../system/local-path.ts). The
 * provisioner is a controller, not a server: it listens on nothing. It logs its config and
 * start with logrus (`--debug`).
 */
import { MiB } from '../metrics/usage';
import type { ImageFamily, ServerBehaviour } from './types';
import { BUSYBOX } from './userland';

export const LOCAL_PATH_PROVISIONER_IMAGE = 'docker.io/kindest/local-path-provisioner:v20241212-8ac705d0';
export const LOCAL_PATH_HELPER_IMAGE = 'docker.io/kindest/local-path-helper:v20241212-8ac705d0';

const APPLIED_CONFIG = String.raw`{\"nodePathMap\":[{\"node\":\"DEFAULT_PATH_FOR_NON_LISTED_NODES\",\"paths\":[\"/var/local-path-provisioner\"]}],\"storageClassConfigs\":null}`;

const provisioner: ServerBehaviour = {
  binaries: ['local-path-provisioner'],
  ports: [],
  timestampStyle: 'iso',
  startup: () => [
    [0, `time="{ts}Z" level=debug msg="Applied config: ${APPLIED_CONFIG}"`],
    [0, 'time="{ts}Z" level=debug msg="Provisioner started"'],
  ],
  shutdown: [],
  shutdownMs: 100,
};

export const localPathProvisioner: ImageFamily = {
  name: 'local-path-provisioner',
  repositories: [
    {
      repository: 'docker.io/kindest/local-path-provisioner',
      tags: { 'v20241212-8ac705d0': [22541737, 'v0.0.30-kind.0'] },
      entrypoint: ['local-path-provisioner'],
      cmd: [],
      binaries: ['local-path-provisioner'],
      server: provisioner,
      idle: { cpuMillis: 1, memoryBytes: 9 * MiB + 300 * 1024 },
      // kindest/ holds kind's other images too (kindnetd, node): they are not ours to close.
      ownsNamespace: false,
    },
    {
      repository: 'docker.io/kindest/local-path-helper',
      tags: { 'v20241212-8ac705d0': [3084671, '1.37.0'] },
      entrypoint: [],
      cmd: ['sh'],
      binaries: BUSYBOX,
      ownsNamespace: false,
    },
  ],
};
