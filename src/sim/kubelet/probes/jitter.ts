/**
 * When a probe worker's ticker starts. worker.go sleeps `rand.Float64() * period` before the
 * first probe, but only while the kubelet started less than one period ago (so that a restarted
 * kubelet does not probe everything at once); later workers start at once. Kubeplay's rule: the
 * random fraction is a hash of the pod's UID (itself drawn from the cluster's seeded rng), the
 * container and the probe type, so a run is reproducible and no other random stream moves.
 */
export function tickerStart(addedAt: number, kubeletStartedAt: number, periodMs: number, uid: string, container: string, type: string): number {
  if (addedAt - kubeletStartedAt >= periodMs) return addedAt;
  return addedAt + Math.floor(fraction(`${uid}/${container}/${type}`) * periodMs);
}

/** FNV-1a of `key` as a number in [0, 1). */
function fraction(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return (h >>> 0) / 0x100000000;
}
