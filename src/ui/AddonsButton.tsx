/**
 * The add-ons a kind user installs, one small button each: it types and runs the install
 * command in the terminal (`kubectl apply -f <release URL>`, served offline), so the learner
 * sees what it did; once the add-on's Deployment exists the button says it is installed.
 * ingress-nginx first labels the control plane `ingress-ready=true`, as kind's ingress guide
 * creates its cluster: the controller only runs on a node with that label. Beside them:
 * cloud-provider-kind's switch (./browser/HostButtons.tsx).
 */
import { INGRESS_NGINX_URLS } from '../sim/addons/ingress-nginx';
import { METRICS_SERVER_URL } from '../sim/addons/metrics-server';
import { CloudProviderSwitch } from './browser/HostButtons';
import { objectsOf } from './mirror';
import { useApp } from './store';

export const METRICS_SERVER_COMMAND = `kubectl apply -f ${METRICS_SERVER_URL}`;
export const INGRESS_NGINX_COMMAND = `kubectl label node kind-control-plane ingress-ready=true --overwrite && kubectl apply -f ${INGRESS_NGINX_URLS[0]}`;

/** `onCloudProvider`: starts or stops cloud-provider-kind (a worker command, journaled); the switch shows only with it. */
export function AddonsButton({ onRunCommand, onCloudProvider }: { onRunCommand: (line: string) => void; onCloudProvider?: (on: boolean) => void }) {
  const metricsServer = useApp((s) => objectsOf(s.mirror, 'deployments').has('kube-system/metrics-server'));
  const ingressNginx = useApp((s) => objectsOf(s.mirror, 'deployments').has('ingress-nginx/ingress-nginx-controller'));
  return (
    <>
      {onCloudProvider && <CloudProviderSwitch onSwitch={onCloudProvider} />}
      <button
        type="button"
        className="kp-btn kp-btn-quiet"
        disabled={metricsServer}
        title={metricsServer ? 'metrics-server is installed: try kubectl top pod' : `Install the metrics-server add-on (runs: ${METRICS_SERVER_COMMAND})`}
        onClick={() => onRunCommand(METRICS_SERVER_COMMAND)}
      >
        {metricsServer ? 'metrics-server ✓' : '+ metrics-server'}
      </button>
      <button
        type="button"
        className="kp-btn kp-btn-quiet"
        disabled={ingressNginx}
        title={ingressNginx ? 'ingress-nginx is installed: Ingresses of class nginx get ADDRESS localhost' : `Install the ingress-nginx add-on (runs: ${INGRESS_NGINX_COMMAND})`}
        onClick={() => onRunCommand(INGRESS_NGINX_COMMAND)}
      >
        {ingressNginx ? 'ingress-nginx ✓' : '+ ingress-nginx'}
      </button>
    </>
  );
}
