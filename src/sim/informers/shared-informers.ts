/**
 * One informer per resource, shared by every component (client-go's SharedInformerFactory):
 * the cluster owns one, and its controllers and scheduler all read from it, so a 10,000-pod
 * cluster keeps one pod cache, not one per component.
 */
import type { Store } from '../core/store';
import { Informer } from './informer';

export class SharedInformers {
  private informers = new Map<string, Informer>();

  constructor(private readonly store: Store) {}

  for(resource: string): Informer {
    let inf = this.informers.get(resource);
    if (!inf) this.informers.set(resource, (inf = new Informer(this.store, resource)));
    return inf;
  }
}
