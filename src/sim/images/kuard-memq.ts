/**
 * kuard's in-memory message queue server (pkg/memq/server: api.go, broker.go), served under
 * `/memq/server` by every kuard — the book's work-queue pattern runs one as the queue:
 *   GET  /stats                      {"kind":"stats","queues":[{name,depth,enqueued,dequeued,drained}]}
 *   PUT  /queues/NAME                create (400 "already exists")
 *   DELETE /queues/NAME              delete (400 "does not exist")
 *   POST /queues/NAME/enqueue        the body becomes a message: {"kind":"message","id",…}
 *   POST /queues/NAME/dequeue        the oldest message, or 204 when the queue is empty
 *   POST /queues/NAME/drain          throw every message away (counted as drained)
 * The queues live as long as the container instance. Ids are 16 bytes of hex, from a stream
 * seeded by the pod and a counter (crypto/rand in the real one) so a replay repeats.
 */
import { isoLocal } from '../core/utc';
import { NOT_FOUND, pathOnly, text } from './http';
import type { AppState, HttpAnswer, HttpRequest } from './types';

export const MEMQ_BASE = '/memq/server';

interface Message {
  kind: 'message';
  id: string;
  body: string;
  creationTimestamp: string;
}

interface Queue {
  depth: number;
  enqueued: number;
  dequeued: number;
  drained: number;
  messages: Message[];
}

interface Broker {
  /** Insertion order (Go ranges over a map: one queue, the book's case, reads the same). */
  queues: Map<string, Queue>;
  ids: number;
}

/** A handler that wrote nothing: 200, no body, no Content-Type. */
const EMPTY: HttpAnswer = { status: 200, contentType: '', body: '' };

function brokerOf(state: AppState): Broker {
  let b = state.memq as Broker | undefined;
  if (!b) state.memq = b = { queues: new Map(), ids: 0 };
  return b;
}

/** apiutils.ServeJSON: json.Encoder (HTML characters escaped, a trailing newline), no-cache headers. */
function serveJson(value: unknown): HttpAnswer {
  const body = JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026') + '\n';
  return {
    status: 200,
    contentType: 'application/json',
    body,
    headers: { Expires: 'Thu, 01 Jan 1970 00:00:00 UTC', 'Cache-Control': 'no-cache, private, max-age=0', Pragma: 'no-cache' },
  };
}

/** http.Error: the message and a newline, as plain text. */
function httpError(status: number, message: string): HttpAnswer {
  return { ...text(status, `${message}\n`), headers: { 'X-Content-Type-Options': 'nosniff' } };
}

/** Go's time.Time in JSON (RFC 3339 with the fraction trimmed), in the container's UTC. */
function goTime(ms: number): string {
  const frac = ms % 1000 ? `.${String(ms % 1000).padStart(3, '0').replace(/0+$/, '')}` : '';
  return `${isoLocal(ms)}${frac}Z`;
}

/** 32 hex digits for message `n` of this pod (FNV-1a of the seed, then xorshift32). */
function messageId(seed: string, n: number): string {
  let h = 0x811c9dc5;
  for (const ch of `${seed}#${n}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  let out = '';
  for (let i = 0; i < 4; i++) {
    h ^= h << 13;
    h ^= h >>> 17;
    h ^= h << 5;
    h >>>= 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out;
}

/** The answer of kuard's memq server, or undefined when `req` is not under /memq/server. */
export function memqAnswer(req: HttpRequest): HttpAnswer | undefined {
  const path = pathOnly(req.path);
  if (!path.startsWith(`${MEMQ_BASE}/`)) return undefined;
  const rest = path.slice(MEMQ_BASE.length + 1).split('/');
  const broker = brokerOf(req.state);
  if (rest.length === 1 && rest[0] === 'stats') {
    if (req.method !== 'GET') return methodNotAllowed('GET');
    const queues = [...broker.queues].map(([name, q]) => ({ name, depth: q.depth, enqueued: q.enqueued, dequeued: q.dequeued, drained: q.drained }));
    return serveJson({ kind: 'stats', queues });
  }
  if (rest[0] !== 'queues' || rest.length < 2 || rest.length > 3 || !rest[1]) return NOT_FOUND;
  const name = decodeURIComponent(rest[1]);
  const q = broker.queues.get(name);
  if (rest.length === 2) {
    if (req.method === 'PUT') {
      if (q) return httpError(400, 'already exists');
      broker.queues.set(name, { depth: 0, enqueued: 0, dequeued: 0, drained: 0, messages: [] });
      return EMPTY;
    }
    if (req.method === 'DELETE') {
      if (!q) return httpError(400, 'does not exist');
      broker.queues.delete(name);
      return EMPTY;
    }
    return methodNotAllowed('DELETE, PUT');
  }
  const action = rest[2];
  if (!['drain', 'dequeue', 'enqueue'].includes(action)) return NOT_FOUND;
  if (req.method !== 'POST') return methodNotAllowed('POST');
  if (!q) return httpError(400, 'does not exist');
  if (action === 'enqueue') {
    const m: Message = { kind: 'message', id: messageId(req.hostname ?? '', broker.ids++), body: req.body ?? '', creationTimestamp: goTime(req.now ?? 0) };
    q.messages.push(m);
    q.depth++;
    q.enqueued++;
    return serveJson(m);
  }
  if (action === 'dequeue') {
    const m = q.messages.shift();
    if (!m) return { status: 204, contentType: '', body: '' };
    q.depth--;
    q.dequeued++;
    return serveJson(m);
  }
  q.messages = [];
  q.drained += q.depth;
  q.depth = 0;
  return EMPTY;
}

/** httprouter's answer for a known path asked with another method. */
function methodNotAllowed(allow: string): HttpAnswer {
  return { ...httpError(405, 'Method Not Allowed'), headers: { Allow: allow, 'X-Content-Type-Options': 'nosniff' } };
}
