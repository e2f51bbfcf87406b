/** The batch group's describers (kubectl's describerMap, `Group: batchv1.GroupName`). */
import { eventsOf as events, type GroupDescribers } from '../describer';
import { describeCronJob, describeJob } from '../job';

export const BATCH_DESCRIBERS: GroupDescribers = {
  group: 'batch',
  describers: {
    CronJob: (obj, source, settings) => describeCronJob(obj, events(source, obj, settings), source.now()),
    Job: (obj, source, settings) => describeJob(obj, events(source, obj, settings), source.now()),
  },
  generic: [],
};
