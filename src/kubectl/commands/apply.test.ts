import { describe, expect, it } from 'vitest';
import { createCluster } from '../../sim/cluster';
import { execKubectl, memoryWorkspace } from '../../runner/exec';

const deployment = (extra: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
${extra}  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: nginx
        image: nginx
`;

describe('kubectl apply', () => {
  it('keeps fields others set, drops fields removed from the config, reports unchanged', () => {
    const cluster = createCluster({ seed: 5 });
    const run = (text: string, ...argv: string[]) => execKubectl(cluster, ['apply', '-f', 'd.yaml', ...argv], { workspace: memoryWorkspace({ 'd.yaml': text }) });
    expect(run(deployment('  minReadySeconds: 5\n')).output).toBe('deployment.apps/web created\n');
    execKubectl(cluster, ['scale', 'deploy/web', '--replicas=4']);
    expect(run(deployment('  minReadySeconds: 5\n')).output).toBe('deployment.apps/web unchanged\n');
    expect(run(deployment('')).output).toBe('deployment.apps/web configured\n');
    const live = cluster.api.get('deployments', 'default', 'web') as unknown as { spec: { replicas: number; minReadySeconds?: number } };
    expect(live.spec.replicas).toBe(4);
    expect(live.spec.minReadySeconds).toBeUndefined();
  });

  it('prints kubectl\'s errors after the objects that did apply, exit 1', () => {
    const cluster = createCluster({ seed: 5 });
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\napiVersion: v9\nkind: Thing\nmetadata: {name: t}\n`;
    const r = execKubectl(cluster, ['apply', '-f', '-'], { stdin: text });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('configmap/a created\n');
    expect(r.stderr).toBe('error: resource mapping not found for name: "t" namespace: "" from "STDIN": no matches for kind "Thing" in version "v9"\nensure CRDs are installed first\n');
  });
});
