/**
 * kuard's debug probes (pkg/debugprobe): GET /healthy and /ready answer 200 "ok", or 500
 * "fail, N left" while `failNext` > 0 (decrementing), or 500 "fail, permanent" when it is < 0.
 * GET <base>/api shows the switch and the last 20 calls; PUT <base>/api {"failNext": N} sets it
 * (the buttons of the UI's "Liveness Probe" and "Readiness Probe" pages).
 */
import { NOT_FOUND, pathOnly, text, toRequest } from './http';
import { memqAnswer } from './kuard-memq';
import { kuardPage, kuardPageBase } from './kuard-page';
import type { AppState, HttpAnswer, HttpRequest } from './types';

interface ProbeSwitch {
  failNext: number;
  lastId: number;
  history: Array<{ id: number; code: number }>;
}

const MAX_HISTORY = 20;

function probeOf(state: AppState, base: string, initialFailNext: number): ProbeSwitch {
  const key = `kuard${base}`;
  let p = state[key] as ProbeSwitch | undefined;
  if (!p) state[key] = p = { failNext: initialFailNext, lastId: 0, history: [] };
  return p;
}

/** The HTTP app of kuard; `failNext` holds `--liveness-fail-next`/`--readiness-fail-next`. */
export function kuardHttp(failNext: { '/healthy': number; '/ready': number }) {
  return (raw: HttpRequest | string): HttpAnswer => {
    const req = toRequest(raw);
    const path = pathOnly(req.path);
    for (const base of ['/healthy', '/ready'] as const) {
      if (path !== base && path !== `${base}/api`) continue;
      const p = probeOf(req.state, base, failNext[base]);
      if (path === `${base}/api`) {
        if (req.method === 'PUT') {
          const n = parseFailNext(req.body ?? '');
          if (typeof n === 'string') return text(400, `${n}\n`);
          p.failNext = n;
        } else if (req.method !== 'GET') return text(405, 'Method Not Allowed\n');
        const history = [...p.history].reverse().map((h) => ({ id: h.id, when: '', relWhen: '', code: h.code }));
        return { status: 200, contentType: 'application/json', body: JSON.stringify({ probePath: '', failNext: p.failNext, history }) + '\n' };
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return text(405, 'Method Not Allowed\n');
      let status = 200;
      let message = 'ok';
      if (p.failNext > 0) {
        status = 500;
        p.failNext--;
        message = `fail, ${p.failNext} left`;
      } else if (p.failNext < 0) {
        status = 500;
        message = 'fail, permanent';
      }
      p.history.push({ id: ++p.lastId, code: status });
      if (p.history.length > MAX_HISTORY) p.history.splice(0, p.history.length - MAX_HISTORY);
      return text(status, message, 'text/plain');
    }
    const memq = memqAnswer(req);
    if (memq) return memq;
    const base = req.method === 'GET' ? kuardPageBase(path) : undefined;
    if (base !== undefined) return kuardPage(req, base);
    return NOT_FOUND;
  };
}

/** json.Decode of a ProbeConfig: the number, or Go's error text. */
function parseFailNext(body: string): number | string {
  let v: unknown;
  try {
    v = JSON.parse(body);
  } catch {
    return body.trim() === '' ? 'EOF' : 'invalid character in JSON body';
  }
  const n = (v as { failNext?: unknown } | null)?.failNext;
  if (n === undefined) return 0;
  if (typeof n !== 'number' || !Number.isInteger(n)) return `json: cannot unmarshal ${typeof n} into Go struct field ProbeConfig.failNext of type int`;
  return n;
}
