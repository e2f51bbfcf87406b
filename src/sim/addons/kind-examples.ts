/**
 * The manifests kind's guides apply by URL (https://kind.sigs.k8s.io/examples/…), served
 * offline: the LoadBalancer guide's two agnhost pods behind `foo-service` (port 5678), and the
 * Ingress guide's foo/bar apps with `example-ingress` routing `/foo` and `/bar`, as the guide
 * shows them today (cloud-provider-kind's Ingress, agnhost `serve-hostname`).
 */

const agnhostPod = (name: string, app: string) => `kind: Pod
apiVersion: v1
metadata:
  name: ${name}
  labels:
    app: ${app}
spec:
  containers:
  - command:
    - /agnhost
    - serve-hostname
    - --http=true
    - --port=8080
    image: registry.k8s.io/e2e-test-images/agnhost:2.39
    name: ${name}
`;

const LOADBALANCER_USAGE = `${agnhostPod('foo-app', 'http-echo')}---
${agnhostPod('bar-app', 'http-echo')}---
kind: Service
apiVersion: v1
metadata:
  name: foo-service
spec:
  type: LoadBalancer
  selector:
    app: http-echo
  ports:
  - port: 5678
    targetPort: 8080
`;

const service = (name: string, app: string) => `kind: Service
apiVersion: v1
metadata:
  name: ${name}
spec:
  selector:
    app: ${app}
  ports:
  # Default port used by the image
  - port: 8080
`;

const path = (p: string, svc: string) => `      - pathType: Prefix
        path: ${p}
        backend:
          service:
            name: ${svc}
            port:
              number: 8080
`;

const INGRESS_USAGE = `${agnhostPod('foo-app', 'foo')}---
${service('foo-service', 'foo')}---
${agnhostPod('bar-app', 'bar')}---
${service('bar-service', 'bar')}---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: example-ingress
spec:
  rules:
  - http:
      paths:
${path('/foo', 'foo-service')}${path('/bar', 'bar-service')}---
`;

export const KIND_EXAMPLES: Readonly<Record<string, string>> = {
  'https://kind.sigs.k8s.io/examples/loadbalancer/usage.yaml': LOADBALANCER_USAGE,
  'https://kind.sigs.k8s.io/examples/ingress/usage.yaml': INGRESS_USAGE,
};
