/**
 * Values rendered the way Go's fmt prints them in Kubernetes field errors: `%q` for strings,
 * `%v` for numbers and bools, `%#v` for maps, slices and structs (`map[string]string{"a":"b"}`,
 * `v1.LabelSelector{MatchLabels:…, MatchExpressions:…}`). Go's fmt sorts map keys.
 */

/** Go's %q: like JSON but with Go's escapes for control characters. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else out += ch;
  }
  return out + '"';
}

/** `%v` of a scalar as field errors print it (strings quoted). */
export function goScalar(v: unknown): string {
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v === null || v === undefined) return 'null';
  return goJson(v);
}

export function goStringMap(m: Record<string, string> | undefined | null): string {
  if (!m) return 'map[string]string(nil)';
  const entries = Object.keys(m)
    .sort()
    .map((k) => `${goQuote(k)}:${goQuote(String(m[k]))}`);
  return `map[string]string{${entries.join(', ')}}`;
}

export function goStringSlice(a: readonly string[] | undefined | null): string {
  if (!a) return '[]string(nil)';
  return `[]string{${a.map((s) => goQuote(String(s))).join(', ')}}`;
}

interface SelectorLike {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

export function goLabelSelector(sel: SelectorLike | undefined | null): string {
  if (!sel) return 'null';
  const exprs = sel.matchExpressions
    ? `[]v1.LabelSelectorRequirement{${sel.matchExpressions
        .map((e) => `v1.LabelSelectorRequirement{Key:${goQuote(String(e.key ?? ''))}, Operator:${goQuote(String(e.operator ?? ''))}, Values:${goStringSlice(e.values)}}`)
        .join(', ')}}`
    : '[]v1.LabelSelectorRequirement(nil)';
  return `v1.LabelSelector{MatchLabels:${goStringMap(sel.matchLabels)}, MatchExpressions:${exprs}}`;
}

/** intstr.IntOrString as %#v: Type 0 = Int, 1 = String. */
export function goIntOrString(v: number | string | undefined | null): string {
  if (typeof v === 'string') return `intstr.IntOrString{Type:1, IntVal:0, StrVal:${goQuote(v)}}`;
  return `intstr.IntOrString{Type:0, IntVal:${typeof v === 'number' ? v : 0}, StrVal:""}`;
}

/**
 * A fallback for values with no Go type at hand (arbitrary JSON): printed compactly. Real
 * Kubernetes would print the Go struct; callers use the typed helpers above where it matters.
 */
export function goJson(v: unknown): string {
  return JSON.stringify(v) ?? 'null';
}
