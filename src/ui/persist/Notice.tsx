/** The one notice the learner must read (a session that could not be restored, a restarted worker), with a dismiss button. */
import { useApp } from '../store';

export function Notice() {
  const notice = useApp((s) => s.notice);
  const setNotice = useApp((s) => s.setNotice);
  if (!notice) return null;
  return (
    <div className="kp-notice" role="alert">
      <span>{notice}</span>
      <button type="button" className="kp-btn kp-btn-quiet" onClick={() => setNotice(null)}>
        Dismiss
      </button>
    </div>
  );
}
