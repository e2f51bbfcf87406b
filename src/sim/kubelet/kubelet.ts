/** One kubelet per node. */
import type { NodeSpec, SimContext } from '../context';

export function startKubelet(_ctx: SimContext, _node: NodeSpec): void {}
