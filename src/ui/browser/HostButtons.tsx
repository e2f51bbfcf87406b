/**
 * The top bar's view of the learner's machine: one "Open localhost:PORT" button per port
 * `kubectl port-forward` holds (it opens the in-app browser there), and the cloud-provider-kind
 * switch (off: nothing gives LoadBalancers an address, as in a bare kind cluster).
 */
import { useBrowser } from './state';
import './host-buttons.css';

export function ForwardButtons() {
  const forwards = useBrowser((s) => s.host.forwards);
  return (
    <>
      {forwards.map((f) => (
        <button
          key={f.localPort}
          type="button"
          className="kp-btn kp-browser-open"
          title={`Open http://localhost:${f.localPort} in the in-app browser (kubectl port-forward to ${f.namespace}/${f.pod}:${f.port})`}
          onClick={() => useBrowser.getState().go(`http://localhost:${f.localPort}/`)}
        >
          <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" className="kp-icon">
            <g fill="none" stroke="currentColor" strokeWidth="1.5">
              <circle cx="8" cy="8" r="6.2" />
              <path d="M1.8 8h12.4M8 1.8c-2.2 2.4-2.2 10 0 12.4M8 1.8c2.2 2.4 2.2 10 0 12.4" />
            </g>
          </svg>
          Open localhost:{f.localPort}
        </button>
      ))}
    </>
  );
}

export function CloudProviderSwitch({ onSwitch }: { onSwitch: (on: boolean) => void }) {
  const on = useBrowser((s) => s.host.cloudProvider);
  return (
    <button
      type="button"
      className="kp-btn kp-btn-quiet kp-cloud-switch"
      aria-pressed={on}
      aria-label="cloud-provider-kind"
      title={
        on
          ? 'cloud-provider-kind runs: LoadBalancer Services get an EXTERNAL-IP (172.18.0.x) and Ingresses an ADDRESS. Click to stop it.'
          : 'cloud-provider-kind is stopped: LoadBalancer Services stay <pending>, as in a bare kind cluster. Click to start it.'
      }
      onClick={() => onSwitch(!on)}
    >
      <span className="kp-cloud-switch-track" aria-hidden="true">
        <span className="kp-cloud-switch-thumb" />
      </span>
      <span className="kp-cloud-switch-text">cloud-provider-kind</span>
      <span className="kp-cloud-switch-short" aria-hidden="true">cloud</span>
    </button>
  );
}
