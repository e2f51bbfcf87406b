/**
 * core/v1 ComponentStatus (pkg/registry/core/componentstatus), deprecated since 1.19: read-only,
 * the api-server's own health checks of the scheduler, the controller-manager and etcd, served
 * as the table NAME STATUS MESSAGE ERROR (printComponentStatus). On a kind cluster all three
 * are Healthy with message `ok`; the objects are the api-server's, not written through the api.
 */
import type { ComponentStatus } from 'kubernetes-types/core/v1';
import type { KObject } from '../../core/object';
import { defineKind } from '../kind';
import { NAME, nameCell } from '../printing/cells';

/** In the order the api-server's checks answer on a kind cluster (etcd's, over the network, last). */
export const COMPONENTS = ['controller-manager', 'scheduler', 'etcd-0'];

export function componentStatus(name: string): KObject {
  return { apiVersion: 'v1', kind: 'ComponentStatus', metadata: { name }, conditions: [{ type: 'Healthy', status: 'True', message: 'ok' }] } as KObject;
}

export const componentStatusKind = defineKind<ComponentStatus>({
  group: '', version: 'v1', kind: 'ComponentStatus', plural: 'componentstatuses', singular: 'componentstatus', shortNames: ['cs'], namespaced: false,
  verbs: ['get', 'list'],
  deprecationWarning: 'v1 ComponentStatus is deprecated in v1.19+',
  strategy: {},
  printer: {
    columns: [NAME, { name: 'Status' }, { name: 'Message' }, { name: 'Error' }],
    cells(cs) {
      const healthy = (cs.conditions ?? []).find((c) => c.type === 'Healthy');
      const status = healthy ? (healthy.status === 'True' ? 'Healthy' : 'Unhealthy') : 'Unknown';
      return [nameCell(cs), status, healthy?.message ?? '', healthy?.error ?? ''];
    },
  },
  graph: { draw: 'none' },
});
