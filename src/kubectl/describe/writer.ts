/**
 * kubectl describe's building blocks: a PrefixWriter (levels of two spaces) whose text is laid
 * out at the end by the tabwriter with describe's settings (minwidth 0, tabwidth 8, padding 2),
 * and the shared sections (labels, annotations, tolerations, events).
 */
import type { Event as CoreEvent, Toleration } from 'kubernetes-types/core/v1';
import type { KObject } from '../../sim/core/object';
import { rfc1123z as formatRfc1123z } from '../../sim/core/utc';
import { age } from '../../sim/kinds/printing/age';
import { DESCRIBE_TABWRITER, tabwrite } from '../printers/tabwriter';

export class PrefixWriter {
  private text = '';

  /** `w.Write(level, …)`: the text prefixed by two spaces per level. */
  write(level: number, text: string): void {
    this.text += '  '.repeat(level) + text;
  }

  /** `w.WriteLine(…)`: the text and a newline, no prefix. */
  line(text: string): void {
    this.text += text + '\n';
  }

  /** The text laid out by describe's tabwriter (`tabbedString`). */
  toString(): string {
    return tabwrite(this.text, DESCRIBE_TABWRITER);
  }

  /** The text as written, tabs and all: what a PrefixWriter over a plain buffer holds. */
  raw(): string {
    return this.text;
  }
}

/** Go's `time.RFC1123Z` in UTC: `Thu, 01 Jan 2026 09:10:00 +0000`. */
export function rfc1123z(timestamp: string | undefined | null): string {
  const t = timestamp ? Date.parse(timestamp) : NaN;
  // Go's zero time, as describe prints an unset timestamp.
  if (Number.isNaN(t)) return 'Mon, 01 Jan 0001 00:00:00 +0000';
  return formatRfc1123z(t);
}

/**
 * `printLabelsMultiline`: `Labels:\tk=v` then `\tk2=v2`, sorted; `<none>` when empty. The pod
 * template passes an indented title (`  Labels`): its further lines start at the tab.
 */
export function writeLabels(w: PrefixWriter, title: string, labels: Record<string, string> | undefined): void {
  w.write(0, `${title}:\t`);
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) return w.line('<none>');
  keys.forEach((k, i) => {
    if (i !== 0) w.write(0, '\t');
    w.write(0, `${k}=${labels![k]}\n`);
  });
}

const MAX_ANNOTATION_LEN = 140;
const SKIPPED_ANNOTATIONS = new Set(['kubectl.kubernetes.io/last-applied-configuration']);

/** `printAnnotationsMultiline`: `key: value`, long or multi-line values on their own lines. */
export function writeAnnotations(w: PrefixWriter, title: string, annotations: Record<string, string> | undefined): void {
  w.write(0, `${title}:\t`);
  const keys = Object.keys(annotations ?? {})
    .filter((k) => !SKIPPED_ANNOTATIONS.has(k))
    .sort();
  if (keys.length === 0) return w.line('<none>');
  keys.forEach((k, i) => {
    if (i !== 0) w.write(0, '\t');
    const value = annotations![k].replace(/\n$/, '');
    if (value.length + k.length + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(0, `${k}:\n`);
      for (const s of value.split('\n')) {
        w.write(0, `\t  ${s.length > MAX_ANNOTATION_LEN - 2 ? s.slice(0, MAX_ANNOTATION_LEN - 2) + '...' : s}\n`);
      }
    } else {
      w.write(0, `${k}: ${value}\n`);
    }
  });
}

/** `printPodTolerationsMultiline`, sorted by key (an indented title, as for labels). */
export function writeTolerations(w: PrefixWriter, title: string, tolerations: Toleration[] | undefined): void {
  w.write(0, `${title}:\t`);
  const list = [...(tolerations ?? [])].sort((a, b) => ((a.key ?? '') < (b.key ?? '') ? -1 : (a.key ?? '') > (b.key ?? '') ? 1 : 0));
  if (list.length === 0) return w.line('<none>');
  list.forEach((t, i) => {
    if (i !== 0) w.write(0, '\t');
    let s = t.key ?? '';
    if (t.value) s += `=${t.value}`;
    if (t.effect) s += `:${t.effect}`;
    if (t.operator === 'Exists' && !t.value) s += t.key || t.effect ? ' op=Exists' : 'op=Exists';
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) s += ` for ${t.tolerationSeconds}s`;
    w.write(0, s + '\n');
  });
}

/** Stored Events are core/v1 Event JSON. */
type EventObject = CoreEvent & KObject;

/** The events whose involvedObject is `obj`, as describe's field selector finds them. */
export function eventsFor(events: KObject[], obj: KObject): KObject[] {
  // A mirror pod's events name its static pod, whose uid is the mirror annotation (describe.go).
  const uid = (obj.kind === 'Pod' && obj.metadata.annotations?.['kubernetes.io/config.mirror']) || obj.metadata.uid;
  // A Node's events come under two uids: the controllers use its uid, the kubelet its name.
  const alias = obj.kind === 'Node' ? obj.metadata.name : undefined;
  return (events as EventObject[]).filter((e) => {
    const io = e.involvedObject ?? {};
    return (io.uid === uid || (alias !== undefined && io.uid === alias)) && io.name === obj.metadata.name && io.kind === obj.kind;
  });
}

/**
 * `DescribeEvents`: oldest first (by last timestamp), `Age` with `(xN over …)`. No list at all
 * (`--show-events=false`) prints nothing, as describers skip a nil EventList.
 */
export function writeEvents(w: PrefixWriter, events: KObject[] | undefined, nowMs: number): void {
  if (!events) return;
  if (events.length === 0) return w.write(0, 'Events:\t<none>\n');
  const sorted = [...(events as EventObject[])].sort((a, b) => ts(a.lastTimestamp ?? a.eventTime) - ts(b.lastTimestamp ?? b.eventTime));
  w.write(0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(1, '----\t------\t----\t----\t-------\n');
  for (const e of sorted) {
    const first = e.eventTime ? age(e.eventTime, nowMs) : age(e.firstTimestamp, nowMs);
    let interval = first;
    if (e.series) interval = `${age(e.series.lastObservedTime, nowMs)} (x${e.series.count} over ${first})`;
    else if ((e.count ?? 0) > 1) interval = `${age(e.lastTimestamp, nowMs)} (x${e.count} over ${first})`;
    const source = e.source?.component || e.reportingController || e.reportingComponent || '';
    w.write(1, `${e.type ?? ''}\t${e.reason ?? ''}\t${interval}\t${source}\t${String(e.message ?? '').trim()}\n`);
  }
}

function ts(s: string | undefined): number {
  const t = s ? Date.parse(s) : NaN;
  return Number.isNaN(t) ? 0 : t;
}

/** `Controlled By:` value: `ReplicaSet/web-7c5d`. */
export function controllerOf(obj: KObject): string | undefined {
  const ref = (obj.metadata.ownerReferences ?? []).find((r) => r.controller);
  return ref ? `${ref.kind}/${ref.name}` : undefined;
}
