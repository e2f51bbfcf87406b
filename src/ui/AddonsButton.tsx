/**
 * The add-ons a kind user installs, in one "Add-ons" menu (the top bar stays one line): a
 * button each types and runs the install command in the terminal (`kubectl apply -f <release
 * URL>`, served offline), so the learner sees what it did; once the add-on's Deployment exists
 * the button says it is installed.
 * ingress-nginx first labels the control plane `ingress-ready=true`, as kind's ingress guide
 * creates its cluster: the controller only runs on a node with that label. With them:
 * cloud-provider-kind's switch (./browser/HostButtons.tsx).
 */
import { useEffect, useRef } from 'react';
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
  const menu = useRef<HTMLDetailsElement>(null);
  // The menu closes when the learner clicks elsewhere or presses Escape.
  useEffect(() => {
    const close = (e: Event) => {
      const el = menu.current;
      if (!el?.open) return;
      const escape = e instanceof KeyboardEvent;
      if (escape ? e.key !== 'Escape' : el.contains(e.target as Node)) return;
      el.open = false;
      if (escape) el.querySelector('summary')?.focus();
    };
    document.addEventListener('pointerdown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('pointerdown', close);
      document.removeEventListener('keydown', close);
    };
  }, []);
  const run = (line: string) => {
    if (menu.current) menu.current.open = false;
    onRunCommand(line);
  };
  return (
    <details className="kp-addons" ref={menu}>
      <summary className="kp-btn kp-btn-quiet">Add-ons</summary>
      <div className="kp-addons-menu" role="group" aria-label="Add-ons">
        {onCloudProvider && <CloudProviderSwitch onSwitch={onCloudProvider} />}
        <InstallButton name="metrics-server" installed={metricsServer} done="try kubectl top pod" command={METRICS_SERVER_COMMAND} onRun={run} />
        <InstallButton name="ingress-nginx" installed={ingressNginx} done="Ingresses of class nginx get ADDRESS localhost" command={INGRESS_NGINX_COMMAND} onRun={run} />
      </div>
    </details>
  );
}

/** One add-on: `+ name` runs its install command; `name ✓` once its Deployment exists. */
function InstallButton({ name, installed, done, command, onRun }: { name: string; installed: boolean; done: string; command: string; onRun: (line: string) => void }) {
  return (
    <button type="button" className="kp-btn kp-btn-quiet" disabled={installed} title={installed ? `${name} is installed: ${done}` : `Install the ${name} add-on (runs: ${command})`} onClick={() => onRun(command)}>
      {installed ? `${name} ✓` : `+ ${name}`}
    </button>
  );
}
