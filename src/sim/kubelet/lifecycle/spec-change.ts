/**
 * `kubectl set image` on a pod: the kubelet replaces a container whose image changed — a
 * running one is killed and started again at once, a waiting one tries the new image now.
 */
import type { Container } from 'kubernetes-types/core/v1';
import type { ImageRef } from '../../images';
import type { ContainerView } from '../pod-status';
import { setImageRef } from '../container-record';
import { keepStopTimers, type Stoppable } from './stop';

export interface Replaceable extends Stoppable {
  ref?: ImageRef;
  refError?: string;
  view: Pick<ContainerView, 'state'>;
  everStarted: boolean;
  live?: boolean;
  lastPullFailAt?: number;
  replacing?: boolean;
}

/** Takes `next` if its image differs; true when the running instance must be stopped (its replacement follows its exit). */
export function takeNewImage(c: Replaceable, next: Container | undefined, now: number): boolean {
  if (!next || next.image === c.spec.image) return false;
  c.spec = next;
  setImageRef(c, next.image ?? '');
  c.lastPullFailAt = undefined;
  if (c.live) {
    c.replacing = true;
    keepStopTimers(c);
    return true;
  }
  if (c.everStarted || c.actions.length || 'waiting' in c.view.state) {
    // Waiting (image pull back-off, crash loop, bad name): try the new image now.
    c.actions = [];
    if (c.everStarted) c.actions.push({ kind: 'restart', at: now });
    else c.view.state = { waiting: { reason: 'ContainerCreating' } };
  }
  return false;
}
