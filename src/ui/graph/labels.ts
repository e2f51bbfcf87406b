/**
 * Pod names shortened from the middle: the start names the owner (`web-5bccfdbbb7`), the end
 * tells replicas apart (`-fghl2`), so both stay and the ReplicaSet hash gives way
 * (`web-5bccf…-fghl2`). The full name is in the title and the accessible name.
 */
export function shortPodName(name: string, max = 16): string {
  if (name.length <= max) return name;
  const dash = name.lastIndexOf('-');
  const tail = dash > 0 ? name.slice(dash) : '';
  const head = max - 1 - tail.length;
  // Too little room for a readable start (a small tile): the end alone tells replicas apart.
  if (!tail || head < 3) return `…${name.slice(-(max - 1))}`;
  return `${name.slice(0, head)}…${tail}`;
}
