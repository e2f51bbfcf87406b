/** JSON patch (RFC 6902) with the error texts of evanphx/json-patch, which the api-server uses. */
import { clone, isPlainObject, setOwn } from '../core/object';

export class JsonPatchError extends Error {}

interface Op {
  op: string;
  path: string;
  value?: unknown;
  from?: string;
}

export function applyJsonPatch(doc: unknown, ops: unknown): unknown {
  if (!Array.isArray(ops)) throw new JsonPatchError('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
  let root = clone(doc);
  for (const raw of ops) {
    if (!isPlainObject(raw)) throw new JsonPatchError('json: cannot unmarshal non-object into Go value of type jsonpatch.Operation');
    const op = raw as unknown as Op;
    switch (op.op) {
      case 'add':
        root = add(root, op.path, clone(op.value));
        break;
      case 'remove':
        root = remove(root, op.path, 'remove');
        break;
      case 'replace':
        get(root, op.path, 'replace');
        root = remove(root, op.path, 'replace');
        root = add(root, op.path, clone(op.value));
        break;
      case 'move': {
        const v = get(root, str(op.from), 'move');
        root = remove(root, str(op.from), 'move');
        root = add(root, op.path, v);
        break;
      }
      case 'copy':
        root = add(root, op.path, clone(get(root, str(op.from), 'copy')));
        break;
      case 'test':
        if (JSON.stringify(get(root, op.path, 'test')) !== JSON.stringify(op.value)) throw new JsonPatchError('testing value ' + op.path + ' failed: test failed');
        break;
      default:
        throw new JsonPatchError(`Unexpected kind: ${String(op.op)}`);
    }
  }
  return root;
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

function tokens(path: unknown): string[] {
  if (typeof path !== 'string') throw new JsonPatchError('operation missing path');
  if (path === '') return [];
  if (!path.startsWith('/')) throw new JsonPatchError(`invalid JSON pointer: "${path}"`);
  return path.slice(1).split('/').map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function missing(op: string, path: string): JsonPatchError {
  return new JsonPatchError(`${op} operation does not apply: doc is missing path: "${path}": missing value`);
}

function get(root: unknown, path: string, op: string): unknown {
  let cur = root;
  for (const t of tokens(path)) {
    if (Array.isArray(cur)) cur = cur[index(t, cur.length - 1, op, path)];
    else if (isPlainObject(cur) && Object.prototype.hasOwnProperty.call(cur, t)) cur = cur[t];
    else throw missing(op, path);
  }
  return cur;
}

function index(t: string, max: number, op: string, path: string): number {
  if (!/^(0|[1-9]\d*)$/.test(t)) throw missing(op, path);
  const i = Number(t);
  if (i > max) throw missing(op, path);
  return i;
}

function add(root: unknown, path: string, value: unknown): unknown {
  const ts = tokens(path);
  if (ts.length === 0) return value;
  const parent = get(root, pointer(ts.slice(0, -1)), 'add');
  const last = ts[ts.length - 1];
  if (Array.isArray(parent)) {
    if (last === '-') parent.push(value);
    else parent.splice(index(last, parent.length, 'add', path), 0, value);
  } else if (isPlainObject(parent)) {
    setOwn(parent, last, value);
  } else {
    throw missing('add', path);
  }
  return root;
}

function remove(root: unknown, path: string, op: string): unknown {
  const ts = tokens(path);
  if (ts.length === 0) return undefined;
  const parent = get(root, pointer(ts.slice(0, -1)), op);
  const last = ts[ts.length - 1];
  if (Array.isArray(parent)) parent.splice(index(last, parent.length - 1, op, path), 1);
  else if (isPlainObject(parent) && Object.prototype.hasOwnProperty.call(parent, last)) delete parent[last];
  else throw missing(op, path);
  return root;
}

function pointer(ts: string[]): string {
  return ts.length ? '/' + ts.map(escape).join('/') : '';
}

function escape(t: string): string {
  return t.replace(/~/g, '~0').replace(/\//g, '~1');
}
