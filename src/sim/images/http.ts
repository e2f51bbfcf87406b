/**
 * Requests to the apps of src/sim/images: the bare-path form `http('/x')` made whole, the
 * per-container app state, and the small answers every Go server gives.
 */
import type { AppContext, AppState, HttpAnswer, HttpRequest } from './types';

/** A request from a bare path (GET, no headers, fresh state) or the request itself. */
export function toRequest(req: HttpRequest | string): HttpRequest {
  if (typeof req !== 'string') return req;
  return { method: 'GET', path: req, headers: {}, uptimeMs: 0, state: {} };
}

const STATES = new WeakMap<object, AppState>();

/**
 * The app state of one container instance, keyed by anything that lives exactly as long as
 * the instance (its ProcessPlan): a restart gets a new plan and so a fresh app.
 */
export function appStateOf(instance: object): AppState {
  let s = STATES.get(instance);
  if (!s) STATES.set(instance, (s = {}));
  return s;
}

/** Path without the query string. */
export function pathOnly(path: string): string {
  const q = path.indexOf('?');
  return q < 0 ? path : path.slice(0, q);
}

/** One query parameter, URL-decoded (`+` is a space, as Go's url.ParseQuery). */
export function queryParam(path: string, name: string): string | undefined {
  const q = path.indexOf('?');
  if (q < 0) return undefined;
  for (const kv of path.slice(q + 1).split('&')) {
    const eq = kv.indexOf('=');
    const k = eq < 0 ? kv : kv.slice(0, eq);
    if (k !== name) continue;
    try {
      return decodeURIComponent((eq < 0 ? '' : kv.slice(eq + 1)).replace(/\+/g, ' '));
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** Go net/http's NotFound handler. */
export const NOT_FOUND: HttpAnswer = { status: 404, contentType: 'text/plain; charset=utf-8', body: '404 page not found\n' };

export function text(status: number, body: string, contentType = 'text/plain; charset=utf-8'): HttpAnswer {
  return { status, contentType, body };
}

/** Seconds since start as Go's `time.Duration.String()` prints them (`10.5s`, `1m2.25s`). */
export function goDurationString(ms: number): string {
  if (ms === 0) return '0s';
  const totalS = ms / 1000;
  const h = Math.floor(totalS / 3600);
  const m = Math.floor((totalS % 3600) / 60);
  const s = +(totalS % 60).toFixed(3);
  if (totalS < 1) return `${ms}ms`;
  return `${h ? `${h}h` : ''}${h || m ? `${m}m` : ''}${s}s`;
}

export type { AppContext };
