/**
 * The browser's own pages for loads that got no page (Chromium's net error pages, in short):
 * a refused connection after `kubectl port-forward` ended, a name no resolver knows, an address
 * nothing answers from the learner's machine (a ClusterIP, a pod IP), an empty reply.
 */
import type { BrowseError } from '../../worker/protocol';
import { hostOfUrl } from './urls';

export interface ErrorPage {
  title: string;
  /** The sentence under the title; `host` is shown in bold before it when set. */
  host?: string;
  message: string;
  /** What to try (Chromium's suggestions, for this playground). */
  tips: string[];
  code: string;
}

export function errorPage(error: BrowseError, url: string): ErrorPage {
  const host = hostOfUrl(url);
  switch (error) {
    case 'ECONNREFUSED':
      return {
        title: 'This site can’t be reached',
        host,
        message: 'refused to connect.',
        tips: host === 'localhost' || host === '127.0.0.1' ? ['Is kubectl port-forward still running? Ctrl+C ends it and frees the port.', 'Start it again, e.g. kubectl port-forward pod/NAME 8080:80'] : ['Check the address and the port'],
        code: 'ERR_CONNECTION_REFUSED',
      };
    case 'ETIMEDOUT':
      return {
        title: 'This site can’t be reached',
        host,
        message: 'took too long to respond.',
        tips: ['ClusterIPs and pod IPs only exist inside the cluster: use kubectl port-forward, a NodePort (a node’s IP) or a LoadBalancer’s EXTERNAL-IP', 'A NetworkPolicy may drop the connection'],
        code: 'ERR_CONNECTION_TIMED_OUT',
      };
    case 'NXDOMAIN':
      return { title: 'This site can’t be reached', host, message: '’s server IP address could not be found.', tips: ['Your machine’s resolver only knows localhost: cluster DNS names resolve inside pods'], code: 'DNS_PROBE_FINISHED_NXDOMAIN' };
    case 'EHOSTUNREACH':
      return { title: 'This site can’t be reached', host, message: 'is unreachable.', tips: ['Check the address'], code: 'ERR_ADDRESS_UNREACHABLE' };
    case 'EMPTY_RESPONSE':
      return { title: 'This page isn’t working', host, message: 'didn’t send any data.', tips: ['Nothing listens on the pod’s port: check the port kubectl port-forward forwards to'], code: 'ERR_EMPTY_RESPONSE' };
    case 'INVALID_URL':
      return { title: 'This site can’t be reached', message: `The webpage at ${url} might be temporarily down or it may have moved permanently to a new web address.`, tips: ['This browser loads http:// addresses only'], code: 'ERR_INVALID_URL' };
  }
}
