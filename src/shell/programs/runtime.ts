/**
 * The programs that need the container runtime or the pod network (`System`'s optional
 * members): what `kubectl exec` lends a container's shell, by basename. The other programs of
 * this folder (text tools, applets) join them in the evaluator's table.
 */
import type { ShellProgram } from '../interpreter';
import { curl } from './curl';
import { hostname } from './hostname';
import { kill } from './kill';
import { nc } from './nc';
import { nslookup } from './nslookup';
import { ps } from './ps';
import { wget } from './wget';

export const RUNTIME_PROGRAMS: ReadonlyMap<string, ShellProgram> = new Map([
  ['ps', ps],
  ['kill', kill],
  ['hostname', hostname],
  ['wget', wget],
  ['curl', curl],
  ['nc', nc],
  ['nslookup', nslookup],
]);
