/** The storage.k8s.io group's describers (kubectl's describerMap, `Group: storagev1.GroupName`). */
import { eventsOf as events, type GroupDescribers } from '../describer';
import { describeStorageClass } from '../storage';

export const STORAGE_DESCRIBERS: GroupDescribers = {
  group: 'storage.k8s.io',
  describers: {
    StorageClass: (obj, source, settings) => describeStorageClass(obj, events(source, obj, settings), source.now()),
  },
  generic: [],
};
