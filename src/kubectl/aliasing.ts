/**
 * go-yaml's defence against alias bombs ("billion laughs", CVE-2019-11253), which kubectl meets
 * as `yaml: document contains excessive aliasing`: while decoding, count every node decoded and
 * the ones decoded through an alias; once more than 100 come from aliases among more than 1,000,
 * the share from aliases may not exceed 99% (falling to 10% between 400,000 and 4,000,000 nodes).
 * Ported from yaml.v2/v3 decode.go `unmarshal` and `allowedAliasRatio`.
 *
 * js-yaml resolves an alias to the same object as its anchor, so the bomb loads in a millisecond
 * and explodes later (cloning, JSON, strict decoding). Walking the loaded value the way Go's decoder
 * walks its node tree finds the same answer: an object met a second time is an alias. The walk
 * stops at the first node over the limit, so a bomb is refused after a few thousand steps.
 * (Objects met again inside an alias count as aliases once more: a little stricter than Go.)
 */

const RANGE_LOW = 400_000;
const RANGE_HIGH = 4_000_000;

export function allowedAliasRatio(decodeCount: number): number {
  if (decodeCount <= RANGE_LOW) return 0.99;
  if (decodeCount >= RANGE_HIGH) return 0.1;
  return 0.99 - 0.89 * ((decodeCount - RANGE_LOW) / (RANGE_HIGH - RANGE_LOW));
}

/**
 * Go's reason for refusing `document` (a js-yaml result of `text`), or undefined: excessive
 * aliasing, or an anchor whose value contains an alias to itself (js-yaml builds a cycle there).
 */
export function aliasingProblem(document: unknown, text: string): string | undefined {
  const seen = new Set<object>();
  const open = new Set<object>();
  let decodeCount = 0;
  let aliasCount = 0;
  let problem: string | undefined;
  // One decoded node; true when the limit is passed.
  const count = (aliasDepth: number): boolean => {
    decodeCount++;
    if (aliasDepth > 0) aliasCount++;
    if (aliasCount > 100 && decodeCount > 1000 && aliasCount / decodeCount > allowedAliasRatio(decodeCount)) problem = 'document contains excessive aliasing';
    return problem !== undefined;
  };
  const visit = (value: unknown, aliasDepth: number): boolean => {
    if (typeof value !== 'object' || value === null) return count(aliasDepth);
    if (open.has(value)) {
      problem = `anchor '${selfAnchor(text)}' value contains itself`;
      return true;
    }
    if (seen.has(value)) {
      // The alias node itself, then its anchor's content decoded again through it.
      if (count(aliasDepth)) return true;
      aliasDepth++;
    } else seen.add(value);
    if (count(aliasDepth)) return true;
    open.add(value);
    const found = Array.isArray(value)
      ? value.some((item) => visit(item, aliasDepth))
      : Object.keys(value).some((key) => count(aliasDepth) || visit((value as Record<string, unknown>)[key], aliasDepth));
    open.delete(value);
    return found;
  };
  // The document node counts once, as in Go.
  count(0);
  visit(document, 0);
  return problem;
}

/** The anchor a self-referencing alias names: the first `&name` with a `*name` after it. */
function selfAnchor(text: string): string {
  for (const m of text.matchAll(/&([^\s,[\]{}]+)/g)) {
    if (text.indexOf(`*${m[1]}`, m.index) >= 0) return m[1];
  }
  return '';
}
