/** The default scheduler. */
import type { SimContext } from '../context';

export function startScheduler(_ctx: SimContext): void {}
