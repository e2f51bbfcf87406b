import { describe, expect, it } from 'vitest';
import { createClient } from '../sim/client';
import { createCluster } from '../sim/cluster';
import { memoryWorkspace } from '../runner/exec';
import { complete } from './complete';
import { DEFAULT_KUBECONFIG } from './types';

const cluster = createCluster({ seed: 3 });
cluster.api.create('configmaps', 'default', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings' } });
cluster.api.create('configmaps', 'kube-system', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'system-only' } });
const c = (line: string) => complete(createClient(cluster), line, { ...DEFAULT_KUBECONFIG }, memoryWorkspace({ 'app.yaml': '', 'dir/x.yaml': '' }));

describe('complete', () => {
  it('completes kubectl, commands and subcommands', () => {
    expect(c('kub')).toEqual(['kubectl']);
    expect(c('kubectl ro')).toEqual(['rollout']);
    expect(c('kubectl rollout st')).toEqual(['status']);
    expect(c('kubectl config ')).toContain('set-context');
  });

  it('completes flags and their values', () => {
    expect(c('kubectl delete --casc')).toEqual(['--cascade']);
    expect(c('kubectl get pods -n kube-')).toEqual(['kube-node-lease', 'kube-public', 'kube-system']);
    expect(c('kubectl get pods --namespace=def')).toEqual(['--namespace=default']);
    expect(c('kubectl apply -f ')).toEqual(['app.yaml', 'dir']);
    expect(c('kubectl apply -f dir/')).toEqual(['dir/x.yaml']);
  });

  it('completes resource types and object names in the right namespace', () => {
    expect(c('kubectl get confi')).toEqual(['configmaps']);
    expect(c('kubectl describe configmaps ')).toContain('settings');
    expect(c('kubectl describe configmaps se')).toEqual(['settings']);
    expect(c('kubectl -n kube-system get cm sys')).toEqual(['system-only']);
    expect(c('kubectl get cm sys')).toEqual([]);
    expect(c('kubectl delete configmap/s')).toEqual(['configmap/settings']);
    expect(c('kubectl cordon kind-worker')).toEqual(['kind-worker', 'kind-worker2', 'kind-worker3']);
  });
});
