/**
 * `npx tsx bench/fingerprint.ts [src-dir]`: a hash of every watch event (type, resource, full
 * object) of a few scenarios — a 1,000-pod rollout, a rolling update with scale-down and delete,
 * an image that cannot be pulled. Performance work must leave it unchanged: run it on the old tree
 * (`git archive <commit> src | tar -x -C /tmp/old`, then pass /tmp/old/src) and on the new one.
 */
import { createHash } from 'node:crypto';
const root = process.argv[2] ?? '../src';
const { createCluster } = await import(root + '/sim/cluster');
function scenario(seed: number, workers: number, n: number, steps: (c: any) => void): string {
  const c = createCluster({ workers, podQuota: n * 3, seed });
  const h = createHash('sha1');
  let count = 0;
  c.store.subscribe((e: any) => { count++; h.update(e.type + e.resource + JSON.stringify(e.object) + '\n'); });
  steps(c);
  return `${count}:${h.digest('hex').slice(0, 12)}`;
}
const dep = (name: string, n: number, image = 'nginx:1.27') => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name, namespace: 'default', labels: { app: name } }, spec: { replicas: n, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'nginx', image, resources: { requests: { cpu: '10m', memory: '16Mi' } } }] } } } });
const out: string[] = [];
out.push(scenario(1, 50, 1000, (c) => { c.api.create('deployments', 'default', dep('big', 1000)); c.advance(120_000); }));
out.push(scenario(2, 10, 300, (c) => {
  c.api.create('deployments', 'default', dep('web', 300)); c.advance(60_000);
  const d = c.api.get('deployments', 'default', 'web'); const spec = structuredClone(d.spec); spec.template.spec.containers[0].image = 'nginx:1.26';
  c.api.update('deployments', 'default', { ...d, spec }); c.advance(600_000);
  const d2 = c.api.get('deployments', 'default', 'web'); c.api.update('deployments', 'default', { ...d2, spec: { ...d2.spec, replicas: 37 } }); c.advance(120_000);
  c.api.delete('deployments', 'default', 'web'); c.advance(120_000); c.advance(3_700_000);
}));
out.push(scenario(3, 3, 30, (c) => { c.api.create('deployments', 'default', dep('bad', 30, 'nginx:doesnotexist')); c.advance(900_000); }));
console.log(out.join(' '));
