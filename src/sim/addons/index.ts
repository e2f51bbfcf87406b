/**
 * Add-ons a kind user installs, applied from the playground's own manifests: by the URL a
 * tutorial uses (`kubectl apply -f https://…/components.yaml` reads `remoteFile`, offline), by a
 * transcript header `# addons: metrics-server`, or from the UI (`installAddon`).
 */
import { METRICS_SERVER_VERSION, METRICS_SERVER_YAML } from './metrics-server';
import { EXAMPLE_FILES } from './k8s-io-examples';
import { INJECT_EXAMPLE_FILES } from './k8s-io-inject-examples';
import { INGRESS_NGINX_URLS, INGRESS_NGINX_VERSION, INGRESS_NGINX_YAML } from './ingress-nginx';
import { KIND_EXAMPLES } from './kind-examples';

export const ADDONS: Readonly<Record<string, { manifest: string; describe: string }>> = {
  'metrics-server': { manifest: METRICS_SERVER_YAML, describe: `metrics-server ${METRICS_SERVER_VERSION}: the metrics API behind kubectl top` },
  'ingress-nginx': { manifest: INGRESS_NGINX_YAML, describe: `ingress-nginx ${INGRESS_NGINX_VERSION} (kind provider): IngressClass nginx, ADDRESS localhost` },
};

const METRICS_SERVER_RELEASES = 'https://github.com/kubernetes-sigs/metrics-server/releases';

/** The files the playground serves by URL (its whole "internet"), by exact address. */
const REMOTE: ReadonlyMap<string, string> = new Map([
  [`${METRICS_SERVER_RELEASES}/latest/download/components.yaml`, METRICS_SERVER_YAML],
  [`${METRICS_SERVER_RELEASES}/download/${METRICS_SERVER_VERSION}/components.yaml`, METRICS_SERVER_YAML],
  ...INGRESS_NGINX_URLS.map((url): [string, string] => [url, INGRESS_NGINX_YAML]),
  ...Object.entries(KIND_EXAMPLES),
  ...Object.entries({ ...EXAMPLE_FILES, ...INJECT_EXAMPLE_FILES }).flatMap(([path, text]): Array<[string, string]> => [
    [`https://k8s.io/examples/${path}`, text],
    [`https://kubernetes.io/examples/${path}`, text],
    [`https://raw.githubusercontent.com/kubernetes/website/main/content/en/examples/${path}`, text],
  ]),
]);

/** The text at `url`, or undefined when the playground does not serve it. */
export function remoteFile(url: string): string | undefined {
  return REMOTE.get(url);
}

export function isUrl(name: string): boolean {
  return /^https?:\/\//.test(name);
}
