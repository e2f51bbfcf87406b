/**
 * An httpGet probe to a server of files (nginx, httpd) gets what a request from inside the pod
 * gets: the files of the container as they are at that moment.
 */
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../cluster';
import { execKubectl } from '../../../runner/exec';

const probed = (name: string, image: string, path: string, port: number) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default' },
  spec: { containers: [{ name, image, readinessProbe: { httpGet: { path, port }, periodSeconds: 2 } }] },
});

describe('httpGet against the stock web servers', () => {
  it('nginx and httpd: ready on their index, a 404 elsewhere keeps the pod out', () => {
    const c = createCluster({ seed: 3 });
    c.api.create('pods', 'default', probed('nginx-ok', 'nginx:1.27', '/', 80));
    c.api.create('pods', 'default', probed('nginx-404', 'nginx:1.27', '/healthz', 80));
    c.api.create('pods', 'default', probed('httpd-ok', 'httpd:2.4', '/', 80));
    c.advance(30_000);
    const ready = (name: string) => (c.store.get('pods', 'default', name)?.status as { containerStatuses?: { ready: boolean }[] }).containerStatuses?.[0].ready;
    expect([ready('nginx-ok'), ready('nginx-404'), ready('httpd-ok')]).toEqual([true, false, true]);
    expect(execKubectl(c, ['describe', 'pod', 'nginx-404']).stdout).toMatch(/Readiness probe failed: HTTP probe failed with statuscode: 404/);
  });

  it('sees a file written into the docroot once it is there', () => {
    const c = createCluster({ seed: 3 });
    c.api.create('pods', 'default', probed('web', 'nginx:1.27', '/healthz', 80));
    c.advance(20_000);
    const ready = () => (c.store.get('pods', 'default', 'web')?.status as { containerStatuses?: { ready: boolean }[] }).containerStatuses?.[0].ready;
    expect(ready()).toBe(false);
    expect(execKubectl(c, ['exec', 'web', '--', 'sh', '-c', 'echo ok > /usr/share/nginx/html/healthz']).code).toBe(0);
    c.advance(5_000);
    expect(ready()).toBe(true);
  });
});
