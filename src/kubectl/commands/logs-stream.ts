/**
 * Reading log streams as kubectl's logs.go consumes them: each stream's text, line by line,
 * prefixed with `[pod/NAME/CONTAINER] ` when asked; with `-f`, every stream stays open and
 * prints the lines its container writes as virtual time passes, until that container's run
 * ends (it exits or restarts, or the pod goes). Several streams are followed at once and their
 * lines interleave as they are written (parallelConsumeRequest).
 */
import type { ContainerStatus, Pod } from 'kubernetes-types/core/v1';
import type { PodLogOptions } from '../client';
import { tryGet } from '../client';
import type { CommandContext, KubectlProgram } from '../types';
import { parseRfc3339 } from '../../sim/core/parse-rfc3339';
import type { LogTarget } from './logs-targets';

export interface StreamOptions {
  /** The request's options besides the container (tail, since, timestamps, limit, previous). */
  request: Omit<PodLogOptions, 'container'>;
  prefix: boolean;
  follow: boolean;
  /** `--ignore-errors`: a failing stream prints `error: …` and the others go on. */
  ignoreErrors: boolean;
}

/**
 * Headless, nobody presses Ctrl+C: the runner lets a follow run this much virtual time before it
 * does (a browser host waits for the learner).
 */
export const FOLLOW_UNATTENDED_MS = 60_000;

/**
 * A container's output is no api write, so nothing wakes a waiting follow when a line is
 * written: the host looks again this often (virtual ms), so lines show within a quarter second.
 */
export const FOLLOW_POLL_MS = 250;

interface OpenStream {
  target: LogTarget;
  prefix: string;
  /** The container run being followed. */
  containerID?: string;
  /** Lines of that run already read. */
  seen: number;
  /** Bytes `--limit-bytes` still allows. */
  bytesLeft: number;
  done: boolean;
}

export function* consumeStreams(ctx: CommandContext, targets: LogTarget[], opts: StreamOptions): KubectlProgram {
  const streams: OpenStream[] = [];
  for (const target of targets) {
    const stream = open(ctx, target, opts);
    if (stream) streams.push(stream);
  }
  if (!opts.follow) return 0;
  const active = () => streams.filter((s) => !s.done);
  const ready = () => active().some((s) => ended(ctx, s) || (allLines(ctx, s, opts, false)?.length ?? 0) > s.seen);
  while (active().length) {
    const held: boolean = yield { until: ready, timeoutMs: Infinity, unattendedMs: FOLLOW_UNATTENDED_MS, pollMs: FOLLOW_POLL_MS };
    if (!held) return 0;
    // Lines written in the instant a run ended still come through.
    const over = active().filter((s) => ended(ctx, s));
    // Time may have jumped past several writes: print them in the order they were written.
    const lines = active().flatMap((stream) => unread(ctx, stream, opts).map((line) => ({ stream, line })));
    for (const { stream, line } of lines.sort((a, b) => a.line.at - b.line.at)) emit(ctx, stream, line);
    for (const s of over) s.done = true;
  }
  return 0;
}

/** Prints what the stream holds now (the request's tail, since, limit); undefined if it ended. */
function open(ctx: CommandContext, target: LogTarget, opts: StreamOptions): OpenStream | undefined {
  const { pod, container } = target;
  const prefix = opts.prefix ? `[pod/${pod.metadata.name}/${container}] ` : '';
  let text: string;
  try {
    text = ctx.client.log(pod.metadata.namespace!, pod.metadata.name!, { ...opts.request, container });
  } catch (e) {
    if (!opts.ignoreErrors || !opts.follow) throw e;
    ctx.io.out(`error: ${(e as Error).message}\n`);
    return undefined;
  }
  ctx.io.out(prefixed(text, prefix));
  if (!opts.follow) return undefined;
  const limit = opts.request.limitBytes;
  const stream: OpenStream = {
    target,
    prefix,
    containerID: status(ctx, target)?.containerID,
    seen: 0,
    bytesLeft: limit === undefined ? Infinity : limit - utf8Length(text),
    done: false,
  };
  stream.seen = allLines(ctx, stream, opts, false)?.length ?? 0;
  if (stream.bytesLeft <= 0 || opts.request.previous || ended(ctx, stream)) stream.done = true;
  return stream;
}

/** The container's status while the pod is the one the stream was opened on. */
function status(ctx: CommandContext, { pod, container }: LogTarget): ContainerStatus | undefined {
  const now = tryGet(ctx.client, 'pods', pod.metadata.namespace!, pod.metadata.name!) as unknown as Pod | undefined;
  if (!now || now.metadata?.uid !== pod.metadata.uid) return undefined;
  const s = now.status;
  return [...(s?.initContainerStatuses ?? []), ...(s?.containerStatuses ?? []), ...(s?.ephemeralContainerStatuses ?? [])].find((c) => c.name === container);
}

/** As the kubelet stops following: the container no longer runs the run the stream opened on. */
function ended(ctx: CommandContext, stream: OpenStream): boolean {
  const s = status(ctx, stream.target);
  return !s?.state?.running || s.containerID !== stream.containerID;
}

interface Line {
  /** When it was written (ms), from the timestamp the kubelet keeps with each line. */
  at: number;
  text: string;
}

/** Every line of the followed run so far (the previous run once the container restarted). */
function allLines(ctx: CommandContext, stream: OpenStream, opts: StreamOptions, withTimes = true): Line[] | undefined {
  const { pod, container } = stream.target;
  const s = status(ctx, stream.target);
  if (!s) return undefined;
  const previous = s.containerID !== stream.containerID;
  if (previous && s.lastState?.terminated?.containerID !== stream.containerID) return undefined;
  let text: string;
  try {
    text = ctx.client.log(pod.metadata.namespace!, pod.metadata.name!, { container, previous, timestamps: withTimes });
  } catch {
    return undefined;
  }
  if (!withTimes) return text.split('\n').slice(0, -1).map((line) => ({ at: 0, text: line }));
  return text
    .split('\n')
    .slice(0, -1)
    .map((line) => {
      const space = line.indexOf(' ');
      const at = parseRfc3339(line.slice(0, space));
      return { at: 'ms' in at ? at.ms : 0, text: opts.request.timestamps ? line : line.slice(space + 1) };
    });
}

function unread(ctx: CommandContext, stream: OpenStream, opts: StreamOptions): Line[] {
  const lines = allLines(ctx, stream, opts);
  return lines ? lines.slice(stream.seen) : [];
}

function emit(ctx: CommandContext, stream: OpenStream, line: Line): void {
  if (stream.done) return;
  stream.seen++;
  let text = `${line.text}\n`;
  if (utf8Length(text) >= stream.bytesLeft) {
    text = firstBytes(text, stream.bytesLeft);
    stream.done = true;
  }
  stream.bytesLeft -= utf8Length(text);
  ctx.io.out(prefixed(text, stream.prefix));
}

/** Each line (and a last, cut one) behind the prefix, as prefixingWriter writes each read. */
function prefixed(text: string, prefix: string): string {
  if (!prefix || !text) return text;
  return text.replace(/[^\n]*\n|[^\n]+$/g, (line) => prefix + line);
}

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

function firstBytes(text: string, n: number): string {
  return new TextDecoder().decode(new TextEncoder().encode(text).slice(0, n)).replace(/\uFFFD$/, '');
}
