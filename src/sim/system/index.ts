/**
 * kind's own objects, made as the cluster comes up, in the order `kind create cluster` makes
 * them: one installer per component (a plain list: each adds its line).
 */
import type { NodeSpec, SimContext } from '../context';
import { installCoreDNS } from './coredns';
import { installLocalPath } from './local-path';
import { installControllerAccounts } from './namespaces';

export type SystemInstaller = (ctx: SimContext, nodes: readonly NodeSpec[]) => void;

export const SYSTEM_INSTALLERS: readonly SystemInstaller[] = [
  installControllerAccounts,
  installCoreDNS,
  installLocalPath,
];

export function installSystem(ctx: SimContext, nodes: readonly NodeSpec[]): void {
  for (const install of SYSTEM_INSTALLERS) install(ctx, nodes);
}
