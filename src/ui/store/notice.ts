/** Something the learner must be told: a session that could not be restored or saved, a restarted worker. */
import type { Slice } from './state';

export interface NoticeSlice {
  notice: string | null;
  setNotice(notice: string | null): void;
}

export const noticeSlice: Slice<NoticeSlice> = (set) => ({
  notice: null,
  setNotice: (notice) => set({ notice }),
});
