/**
 * The add-ons a kind user installs, one small button each: it types and runs the install
 * command in the terminal (`kubectl apply -f <release URL>`, served offline), so the learner
 * sees what it did; once the add-on's Deployment exists the button says it is installed.
 */
import { METRICS_SERVER_URL } from '../sim/addons/metrics-server';
import { objectsOf } from './mirror';
import { useApp } from './store';

export const METRICS_SERVER_COMMAND = `kubectl apply -f ${METRICS_SERVER_URL}`;

export function AddonsButton({ onRunCommand }: { onRunCommand: (line: string) => void }) {
  const installed = useApp((s) => objectsOf(s.mirror, 'deployments').has('kube-system/metrics-server'));
  return (
    <button
      type="button"
      className="kp-btn kp-btn-quiet"
      disabled={installed}
      title={installed ? 'metrics-server is installed: try kubectl top pod' : `Install the metrics-server add-on (runs: ${METRICS_SERVER_COMMAND})`}
      onClick={() => onRunCommand(METRICS_SERVER_COMMAND)}
    >
      {installed ? 'metrics-server ✓' : '+ metrics-server'}
    </button>
  );
}
