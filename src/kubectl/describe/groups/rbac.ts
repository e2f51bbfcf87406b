/** The rbac.authorization.k8s.io group's describers (kubectl's describerMap, `Group: rbacv1.GroupName`). */
import type { GroupDescribers } from '../describer';
import { describeRole, describeRoleBinding } from '../rbac';

export const RBAC_DESCRIBERS: GroupDescribers = {
  group: 'rbac.authorization.k8s.io',
  describers: {
    Role: (obj) => describeRole(obj),
    ClusterRole: (obj) => describeRole(obj),
    RoleBinding: (obj) => describeRoleBinding(obj),
    ClusterRoleBinding: (obj) => describeRoleBinding(obj),
  },
  generic: [],
};
