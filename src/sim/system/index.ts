/**
 * kind's own objects, made as the cluster comes up, in the order `kind create cluster` makes
 * them: one installer per component (a plain list: each adds its line). The control plane's
 * static pods are the control-plane kubelet's (../kubelet/static-pods.ts).
 */
import type { NodeSpec, SimContext } from '../context';
import { installComponentStatuses } from './component-statuses';
import { installCoreDNS } from './coredns';
import { installLocalPath } from './local-path';
import { installApiServerConfigMaps, installClusterInfo, installControllerAccounts } from './namespaces';
import { KINDNET_YAML } from './kindnet';
import { KUBE_PROXY_YAML } from './kube-proxy';
import { fromManifest } from './manifests';
import { installAddonRbac } from './rbac-addons';
import { installBootstrapPolicy } from './rbac-policy';

export type SystemInstaller = (ctx: SimContext, nodes: readonly NodeSpec[]) => void;

export const SYSTEM_INSTALLERS: readonly SystemInstaller[] = [
  // The api-server's bootstrap policy exists before anything else is made.
  installBootstrapPolicy,
  installComponentStatuses,
  installApiServerConfigMaps,
  installClusterInfo,
  installControllerAccounts,
  // kubeadm's add-ons, then kind's CNI and storage.
  fromManifest(KUBE_PROXY_YAML),
  installCoreDNS,
  fromManifest(KINDNET_YAML),
  installLocalPath,
  installAddonRbac,
];

export function installSystem(ctx: SimContext, nodes: readonly NodeSpec[]): void {
  for (const install of SYSTEM_INSTALLERS) install(ctx, nodes);
}
