/** Which loops provably never end (a container's timeline stops evaluating them: see Endless). */
import type { Command, List } from './parse';

/** `while true` / `until false` whose body cannot leave (no exit, break or anything dynamic). */
export function endless(cond: List, until: boolean, body: List): boolean {
  return constantTrue(cond) !== until && !mayLeave(body);
}

function constantTrue(list: List): boolean {
  if (list.items.length !== 1) return false;
  const c = list.items[0].command;
  if (c.kind !== 'simple' || c.words.length !== 1) return false;
  const w = c.words[0];
  return w.length === 1 && w[0].kind === 'lit' && (w[0].text === 'true' || w[0].text === ':');
}

function mayLeave(list: List): boolean {
  return list.items.some(({ command }) => commandMayLeave(command));
}

function commandMayLeave(c: Command): boolean {
  switch (c.kind) {
    case 'simple':
      return c.words.length > 0 && c.words[0].some((p) => p.kind !== 'lit' || p.text === 'exit' || p.text === 'break' || p.text === 'eval');
    case 'while': return mayLeave(c.cond) || mayLeave(c.body);
    case 'for': return mayLeave(c.body);
    case 'if': return c.branches.some((b) => mayLeave(b.cond) || mayLeave(b.body)) || (!!c.otherwise && mayLeave(c.otherwise));
    case 'group': return mayLeave(c.body);
    case 'pipeline': return c.commands.some(commandMayLeave);
    case 'redirected': return commandMayLeave(c.command);
  }
}
