/** Default texts for checks whose YAML gives no `description`. */
import type { CheckSpec, CountOp, EventMatch } from './types';

const OP_TEXT: Record<CountOp, string> = { eq: 'exactly', gte: 'at least', lte: 'at most' };

export function countText(op: CountOp, count: number): string {
  return `${OP_TEXT[op]} ${count}`;
}

function where(namespace: string | undefined): string {
  return namespace && namespace !== 'default' ? ` in namespace ${namespace}` : '';
}

function eventText(m: EventMatch): string {
  const about = m.name ? ` for ${m.kind ?? 'object'} ${m.name}` : m.namePrefix ? ` for ${m.kind ?? 'object'} ${m.namePrefix}…` : m.kind ? ` for a ${m.kind}` : '';
  return `a ${m.reason} event${about}`;
}

export function describeCheck(check: CheckSpec): string {
  switch (check.type) {
    case 'exists':
      return `${check.kind} ${check.name} exists${where(check.namespace)}`;
    case 'absent':
      return `${check.kind} ${check.name} is gone${where(check.namespace)}`;
    case 'fieldEquals':
      return `${check.kind} ${check.name} has ${check.path} = ${JSON.stringify(check.value)}`;
    case 'podCount': {
      const state = check.status ?? check.phase;
      const sel = check.selector ? ` matching ${check.selector}` : '';
      return `${countText(check.op, check.count)} pod(s)${sel}${state ? ` are ${state}` : ''}${where(check.namespace)}`;
    }
    case 'objectCount': {
      const sel = [check.selector && `matching ${check.selector}`, check.namePrefix && `named ${check.namePrefix}…`].filter(Boolean).join(' ');
      return `${countText(check.op, check.count)} ${check.kind}(s)${sel ? ` ${sel}` : ''}${where(check.namespace)}`;
    }
    case 'condition':
      return `${check.kind} ${check.name} has condition ${check.condition}=${check.status}`;
    case 'eventSeen':
      return `${capitalize(eventText(check))} was recorded${check.after ? ` after ${eventText(check.after)}` : ''}`;
    case 'ownedBy': {
      const what = check.name ?? (check.namePrefix ? `${check.namePrefix}…` : check.selector ? `matching ${check.selector}` : '');
      const owner = check.owner.name ?? (check.owner.namePrefix ? `${check.owner.namePrefix}…` : '');
      return `${check.kind} ${what} controlled by ${check.owner.kind} ${owner}`.replace(/\s+/g, ' ').trim();
    }
    case 'endpoints':
      return `Service ${check.service} has ${countText(check.op, check.count)} ${check.ready === false ? '' : 'ready '}endpoint(s)${where(check.namespace)}`;
  }
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
