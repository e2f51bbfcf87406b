/** NetworkPolicy for the data path: `cluster.networkPolicy.check(from, to, port, protocol)` (see ../types.ts PolicyCheck). */
export { createPolicyCheck, PolicyIndex, type PolicyInformers } from './policy-check';
export { parseCidr, cidrContains } from './cidr';
