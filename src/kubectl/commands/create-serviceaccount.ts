/**
 * `kubectl create serviceaccount NAME` (alias `sa`), as kubectl 1.32 builds it: a bare account;
 * a refused create says `failed to create serviceaccount: …`.
 */
import type { KObject } from '../../sim/core/object';
import { CREATE_GENERATOR_FLAGS } from '../flags';
import type { CommandModule } from '../types';
import { createGenerated, exactlyOneName } from './generators';

export const createServiceAccount: CommandModule = {
  name: 'serviceaccount',
  short: 'Create a service account with the specified name',
  flags: CREATE_GENERATOR_FLAGS,
  run(ctx, args) {
    exactlyOneName(ctx, args);
    const obj: KObject = { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { creationTimestamp: null as unknown as string, name: args.args[0] } };
    return createGenerated(ctx, args, obj, 'serviceaccount');
  },
};
