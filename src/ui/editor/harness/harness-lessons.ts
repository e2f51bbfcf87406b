import type { Lesson } from '../../../lessons/types';

/** Sample lesson data for the harness page (the real lessons come from lessons/). */
export const harnessLessons: Lesson[] = [
  {
    id: 'sample-deployment',
    title: 'Sample: a Deployment of three replicas',
    summary: 'Run a Pod, see why bare Pods are not recreated, and let a Deployment keep three replicas alive.',
    files: { 'web.yaml': 'apiVersion: apps/v1\nkind: Deployment\n' },
    steps: [
      {
        id: 'deployment',
        title: 'A Deployment of three replicas',
        text:
          'A **Deployment** manages a ReplicaSet, which keeps the number of Pods you asked for.\n\n' +
          'Open `web.yaml`, then press **Apply** (or Ctrl+Enter), and watch the ReplicaSet create three Pods:\n\n' +
          '```bash\n$ kubectl get deployments\nkubectl get rs\nkubectl get pods -l app=web -o wide\n```\n\n' +
          'Raw HTML is shown as text: <img src=x onerror="alert(1)">. See the [Deployment docs](https://kubernetes.io/docs/concepts/workloads/controllers/deployment/).',
        files: ['web.yaml'],
        checks: [
          { id: 'c1', type: 'exists', kind: 'Deployment', name: 'web', description: 'A Deployment named web exists' },
          { id: 'c2', type: 'podCount', selector: 'app=web', status: 'Running', count: 3, op: 'eq', description: '3 pods labelled app=web are Running' },
          { id: 'c3', type: 'exists', kind: 'ReplicaSet', name: 'web', description: 'The Deployment created a ReplicaSet' },
        ],
        hints: ['Open the file with **Open in editor**, then press Apply.', 'Or run `kubectl apply -f web.yaml` in the terminal.', 'Check the pods with `kubectl get pods`.'],
      },
      {
        id: 'self-healing',
        title: 'Delete a Pod and watch it come back',
        text: 'Delete one pod:\n\n```\nkubectl delete pod \\\n  web-7c5b8d9f4d-2kq9x\n```',
        files: [],
        checks: [{ id: 'c4', type: 'eventSeen', reason: 'SuccessfulCreate', description: 'The ReplicaSet created a replacement' }],
        hints: [],
      },
    ],
  },
  {
    id: 'services',
    title: 'Services and labels',
    summary: 'Select pods with labels and reach them through a Service.',
    files: {},
    steps: [{ id: 'labels', title: 'Labels', text: 'Labels are key/value pairs.', files: [], checks: [], hints: [] }],
  },
];
