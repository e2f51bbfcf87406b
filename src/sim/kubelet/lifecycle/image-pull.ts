/**
 * Image pulls before a container starts (kuberuntime's EnsureImageExists): the pull policy,
 * the image already present, pulls queued on the node, ErrImagePull and ImagePullBackOff with
 * the node's per-image back-off.
 */
import type { Container } from 'kubernetes-types/core/v1';
import { goDuration } from '../backoff';
import { lookupImage, pullErrorMessage, pullRefusal, type ImageInfo, type ImageRef, type RegistryCredential } from '../../images';
import type { ContainerView } from '../pod-status';
import type { NodeRuntime } from '../runtime';
import { PLEG_MS } from './restart';

export type PullAction =
  | { kind: 'pulled'; at: number; image: ImageInfo; pullMs: number; waitedMs: number }
  | { kind: 'pullFailed'; at: number; message: string }
  | { kind: 'retryPull'; at: number };

/** What pulling needs of a worker's container. */
export interface Pullable {
  spec: Container;
  ref?: ImageRef;
  refError?: string;
  view: Pick<ContainerView, 'state'>;
  lastPullFailAt?: number;
  actions: Array<PullAction | { kind: string; at: number }>;
}

export interface PullIO {
  rt: NodeRuntime;
  /** The pod's key for this image in the node's pull back-off. */
  key: string;
  event(type: 'Normal' | 'Warning', reason: string, message: string): void;
  /** The pod's registry logins (its image pull secrets), read when a pull starts. */
  credentials(): RegistryCredential[];
}

/** The image to start the container with now, or undefined: it waits (bad name, Never, back-off) or a pull is queued. */
export function ensureImage(c: Pullable, io: PullIO): ImageInfo | undefined {
  const { rt } = io;
  const now = rt.clock.now();
  if (c.refError || !c.ref) {
    c.view.state = { waiting: { reason: 'InvalidImageName', message: c.refError ?? 'invalid reference format' } };
    io.event('Warning', 'InspectFailed', c.refError ?? 'invalid reference format');
    io.event('Warning', 'Failed', 'Error: InvalidImageName');
    return undefined;
  }
  const policy = c.spec.imagePullPolicy ?? (c.ref.tag === 'latest' ? 'Always' : 'IfNotPresent');
  const present = rt.hasImage(c.ref.normalized);
  if (policy === 'Never' && !present) {
    const msg = `Container image "${c.spec.image}" is not present with pull policy of Never`;
    c.view.state = { waiting: { reason: 'ErrImageNeverPull', message: msg } };
    io.event('Warning', 'ErrImageNeverPull', msg);
    io.event('Warning', 'Failed', 'Error: ErrImageNeverPull');
    return undefined;
  }
  if (present && policy !== 'Always') {
    io.event('Normal', 'Pulled', `Container image "${c.spec.image}" already present on machine`);
    return lookupImage(c.ref)!;
  }
  if (c.lastPullFailAt !== undefined && rt.pullBackoff.inBackoffSince(io.key, c.lastPullFailAt, now)) {
    const msg = `Back-off pulling image "${c.spec.image}"`;
    c.view.state = { waiting: { reason: 'ImagePullBackOff', message: msg } };
    io.event('Normal', 'BackOff', msg);
    io.event('Warning', 'Failed', 'Error: ImagePullBackOff');
    c.actions.push({ kind: 'retryPull', at: c.lastPullFailAt + rt.pullBackoff.get(io.key) });
    return undefined;
  }
  const credentials = io.credentials();
  io.event('Normal', 'Pulling', `Pulling image "${c.spec.image}"`);
  // A private registry refuses the pull before anything is found (401 Unauthorized).
  const refusal = pullRefusal(c.ref, credentials);
  const image = refusal ? undefined : lookupImage(c.ref);
  const pull = rt.queuePull(image, present);
  c.actions.push(image ? { kind: 'pulled', at: pull.finishAt, image, pullMs: pull.pullMs, waitedMs: pull.waitedMs } : { kind: 'pullFailed', at: pull.finishAt, message: refusal ?? pullErrorMessage(c.ref) });
  return undefined;
}

/** A queued pull finished: the node has the image now. */
export function pulled(c: Pullable, a: Extract<PullAction, { kind: 'pulled' }>, io: PullIO): void {
  io.rt.imagePulled(a.image, c.ref!);
  io.event('Normal', 'Pulled', `Successfully pulled image "${c.spec.image}" in ${goDuration(a.pullMs)} (${goDuration(a.waitedMs)} including waiting). Image size: ${a.image.sizeBytes} bytes.`);
}

/** A queued pull failed: ErrImagePull, the back-off grows, and the next sync retries. */
export function pullFailed(c: Pullable, a: Extract<PullAction, { kind: 'pullFailed' }>, io: PullIO): void {
  const now = io.rt.clock.now();
  const err = a.message;
  io.event('Warning', 'Failed', `Failed to pull image "${c.spec.image}": ${err}`);
  io.event('Warning', 'Failed', 'Error: ErrImagePull');
  io.rt.pullBackoff.next(io.key, now);
  c.lastPullFailAt = now;
  c.view.state = { waiting: { reason: 'ErrImagePull', message: err } };
  c.actions.push({ kind: 'retryPull', at: now + PLEG_MS });
}
