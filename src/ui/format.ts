/** Small display helpers for the shell (pure). */

/** Virtual time as the cluster clock shows it: `09:12:34` (UTC, as in kubectl's timestamps). */
export function clockText(simTime: number): string {
  return new Date(Math.floor(simTime / 1000) * 1000).toISOString().slice(11, 19);
}

/** `1×`, `60×` */
export function speedText(speed: number): string {
  return `${speed}×`;
}
