/**
 * The api-server's ComponentStatus answers (../kinds/core/componentstatus.ts): computed by the
 * api-server on each read, never created through its REST api, so they are put in its store
 * directly, as bare as the real ones (no uid, `creationTimestamp: null`).
 */
import type { SimContext } from '../context';
import type { KObject } from '../core/object';
import { COMPONENTS, componentStatus } from '../kinds/core/componentstatus';

export function installComponentStatuses(ctx: SimContext): void {
  for (const name of COMPONENTS) {
    const obj = componentStatus(name);
    ctx.store.create('componentstatuses', { ...obj, metadata: { ...obj.metadata, creationTimestamp: null } } as unknown as KObject);
  }
}
