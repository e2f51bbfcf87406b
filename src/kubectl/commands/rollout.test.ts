import { describe, expect, it } from 'vitest';
import { createCluster } from '../../sim/cluster';
import { execKubectl } from '../../runner/exec';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: nginx
        image: nginx:1.26
        resources: {limits: {cpu: 200m}, requests: {cpu: 100m, memory: 32Mi}}
`;

describe('kubectl rollout history', () => {
  const cluster = createCluster({ seed: 5 });
  execKubectl(cluster, ['apply', '-f', '-'], { stdin: DEPLOYMENT });
  cluster.advance(30_000);
  execKubectl(cluster, ['set', 'image', 'deployment/web', 'nginx=nginx:1.27']);
  cluster.advance(60_000);

  it('--revision=N prints DescribePodTemplate to a plain buffer, then the printer\'s newline', () => {
    const r = execKubectl(cluster, ['rollout', 'history', 'deployment/web', '--revision=1']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^deployment\.apps\/web with revision #1\nPod Template:\n  Labels:\tapp=web\n\tpod-template-hash=[a-z0-9]+\n  Containers:\n/);
    expect(r.stdout.slice(r.stdout.indexOf('    Image:'))).toBe(
      '    Image:\tnginx:1.26\n    Port:\t<none>\n    Host Port:\t<none>\n' +
        '    Limits:\n      cpu:\t200m\n    Requests:\n      cpu:\t100m\n      memory:\t32Mi\n' +
        '    Environment:\t<none>\n    Mounts:\t<none>\n  Volumes:\t<none>\n  Node-Selectors:\t<none>\n  Tolerations:\t<none>\n\n',
    );
  });

  it('-o yaml prints each revision\'s ReplicaSet, documents after the first starting with ---', () => {
    const r = execKubectl(cluster, ['rollout', 'history', 'deployment/web', '-o', 'yaml']);
    expect(r.stdout.split('\n').filter((l) => l === '---' || l === 'kind: ReplicaSet')).toEqual(['kind: ReplicaSet', '---', 'kind: ReplicaSet']);
    expect(r.stdout.startsWith('apiVersion: apps/v1\n')).toBe(true);
  });
});
