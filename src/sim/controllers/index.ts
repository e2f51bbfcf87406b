/** Starts every controller of the controller-manager. */
import type { SimContext } from '../context';

export function startControllers(_ctx: SimContext): void {}
