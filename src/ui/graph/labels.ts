/** The end of a pod's name is what tells replicas apart (`…fdbbb7-x4fwv`); the full name is in the title. 16 fit a card. */
export function shortPodName(name: string, max = 16): string {
  return name.length <= max ? name : `…${name.slice(-(max - 1))}`;
}
