/**
 * The control plane's static pods, as kubeadm v1.32 writes them for kind into
 * /etc/kubernetes/manifests on `kind-control-plane` (cmd/kubeadm/app/phases/controlplane and
 * etcd, with kind's ClusterConfiguration: service subnet 10.96.0.0/16, pod subnet
 * 10.244.0.0/16, cluster name `kind`, hostpath provisioner on). The kubelet runs them and
 * publishes their mirror pods (../kubelet/static-pods.ts).
 */
import yaml from 'js-yaml';
import { clone, type KObject } from '../core/object';

const K8S = 'v1.32.2';

function hostPathVolume(name: string, path: string, type = 'DirectoryOrCreate'): string {
  return `  - hostPath:\n      path: ${path}\n      type: ${type}\n    name: ${name}`;
}

function probe(kind: string, host: string, path: string, port: number, scheme: string, failureThreshold: number, period: number, delay: boolean): string {
  return [
    `    ${kind}:`,
    `      failureThreshold: ${failureThreshold}`,
    '      httpGet:',
    `        host: ${host}`,
    `        path: ${path}`,
    `        port: ${port}`,
    `        scheme: ${scheme}`,
    ...(delay ? ['      initialDelaySeconds: 10'] : []),
    `      periodSeconds: ${period}`,
    '      timeoutSeconds: 15',
  ].join('\n');
}

const CA_MOUNTS = `    - mountPath: /etc/ssl/certs
      name: ca-certs
      readOnly: true
    - mountPath: /etc/ca-certificates
      name: etc-ca-certificates
      readOnly: true`;
const SHARE_MOUNTS = `    - mountPath: /usr/local/share/ca-certificates
      name: usr-local-share-ca-certificates
      readOnly: true
    - mountPath: /usr/share/ca-certificates
      name: usr-share-ca-certificates
      readOnly: true`;
const CA_VOLUMES = [hostPathVolume('ca-certs', '/etc/ssl/certs'), hostPathVolume('etc-ca-certificates', '/etc/ca-certificates')];
const SHARE_VOLUMES = [hostPathVolume('usr-local-share-ca-certificates', '/usr/local/share/ca-certificates'), hostPathVolume('usr-share-ca-certificates', '/usr/share/ca-certificates')];

function manifest(name: string, annotations: string, command: string[], image: string, probes: string, requests: string, mounts: string, volumes: string[]): string {
  return `apiVersion: v1
kind: Pod
metadata:
${annotations ? `  annotations:\n${annotations}\n` : ''}  labels:
    component: ${name}
    tier: control-plane
  name: ${name}
  namespace: kube-system
spec:
  containers:
  - command:
${command.map((c) => `    - ${c}`).join('\n')}
    image: ${image}
    imagePullPolicy: IfNotPresent
${probes}
    name: ${name}
    resources:
      requests:
${requests}
    volumeMounts:
${mounts}
  hostNetwork: true
  priority: 2000001000
  priorityClassName: system-node-critical
  securityContext:
    seccompProfile:
      type: RuntimeDefault
  volumes:
${volumes.join('\n')}
status: {}
`;
}

const byIP = new Map<string, KObject[]>();

/** The four manifests of the control-plane node at `ip`, in file-name order (fresh copies). */
export function controlPlaneManifests(ip: string): KObject[] {
  let manifests = byIP.get(ip);
  if (!manifests) byIP.set(ip, (manifests = parseManifests(ip)));
  return manifests.map(clone);
}

function parseManifests(ip: string): KObject[] {
  const etcd = manifest(
    'etcd',
    `    kubeadm.kubernetes.io/etcd.advertise-client-urls: https://${ip}:2379`,
    [
      'etcd', `--advertise-client-urls=https://${ip}:2379`, '--cert-file=/etc/kubernetes/pki/etcd/server.crt', '--client-cert-auth=true', '--data-dir=/var/lib/etcd',
      '--experimental-initial-corrupt-check=true', '--experimental-watch-progress-notify-interval=5s', `--initial-advertise-peer-urls=https://${ip}:2380`,
      `--initial-cluster=kind-control-plane=https://${ip}:2380`, '--key-file=/etc/kubernetes/pki/etcd/server.key', `--listen-client-urls=https://127.0.0.1:2379,https://${ip}:2379`,
      '--listen-metrics-urls=http://127.0.0.1:2381', `--listen-peer-urls=https://${ip}:2380`, '--name=kind-control-plane', '--peer-cert-file=/etc/kubernetes/pki/etcd/peer.crt',
      '--peer-client-cert-auth=true', '--peer-key-file=/etc/kubernetes/pki/etcd/peer.key', '--peer-trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt', '--snapshot-count=10000',
      '--trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt',
    ],
    'registry.k8s.io/etcd:3.5.16-0',
    [probe('livenessProbe', '127.0.0.1', '/livez', 2381, 'HTTP', 8, 10, true), probe('readinessProbe', '127.0.0.1', '/readyz', 2381, 'HTTP', 3, 1, false), probe('startupProbe', '127.0.0.1', '/readyz', 2381, 'HTTP', 24, 10, true)].join('\n'),
    '        cpu: 100m\n        memory: 100Mi',
    '    - mountPath: /var/lib/etcd\n      name: etcd-data\n    - mountPath: /etc/kubernetes/pki/etcd\n      name: etcd-certs',
    [hostPathVolume('etcd-certs', '/etc/kubernetes/pki/etcd'), hostPathVolume('etcd-data', '/var/lib/etcd')],
  );
  const apiserver = manifest(
    'kube-apiserver',
    `    kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint: ${ip}:6443`,
    [
      'kube-apiserver', `--advertise-address=${ip}`, '--allow-privileged=true', '--authorization-mode=Node,RBAC', '--client-ca-file=/etc/kubernetes/pki/ca.crt',
      '--enable-admission-plugins=NodeRestriction', '--enable-bootstrap-token-auth=true', '--etcd-cafile=/etc/kubernetes/pki/etcd/ca.crt',
      '--etcd-certfile=/etc/kubernetes/pki/apiserver-etcd-client.crt', '--etcd-keyfile=/etc/kubernetes/pki/apiserver-etcd-client.key', '--etcd-servers=https://127.0.0.1:2379',
      '--kubelet-client-certificate=/etc/kubernetes/pki/apiserver-kubelet-client.crt', '--kubelet-client-key=/etc/kubernetes/pki/apiserver-kubelet-client.key',
      '--kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname', '--proxy-client-cert-file=/etc/kubernetes/pki/front-proxy-client.crt',
      '--proxy-client-key-file=/etc/kubernetes/pki/front-proxy-client.key', '--requestheader-allowed-names=front-proxy-client',
      '--requestheader-client-ca-file=/etc/kubernetes/pki/front-proxy-ca.crt', '--requestheader-extra-headers-prefix=X-Remote-Extra-',
      '--requestheader-group-headers=X-Remote-Group', '--requestheader-username-headers=X-Remote-User', '--runtime-config=', '--secure-port=6443',
      '--service-account-issuer=https://kubernetes.default.svc.cluster.local', '--service-account-key-file=/etc/kubernetes/pki/sa.pub',
      '--service-account-signing-key-file=/etc/kubernetes/pki/sa.key', '--service-cluster-ip-range=10.96.0.0/16', '--tls-cert-file=/etc/kubernetes/pki/apiserver.crt',
      '--tls-private-key-file=/etc/kubernetes/pki/apiserver.key',
    ],
    `registry.k8s.io/kube-apiserver:${K8S}`,
    [probe('livenessProbe', ip, '/livez', 6443, 'HTTPS', 8, 10, true), probe('readinessProbe', ip, '/readyz', 6443, 'HTTPS', 3, 1, false), probe('startupProbe', ip, '/livez', 6443, 'HTTPS', 24, 10, true)].join('\n'),
    '        cpu: 250m',
    `${CA_MOUNTS}\n    - mountPath: /etc/kubernetes/pki\n      name: k8s-certs\n      readOnly: true\n${SHARE_MOUNTS}`,
    [...CA_VOLUMES, hostPathVolume('k8s-certs', '/etc/kubernetes/pki'), ...SHARE_VOLUMES],
  );
  const controllerManager = manifest(
    'kube-controller-manager',
    '',
    [
      'kube-controller-manager', '--allocate-node-cidrs=true', '--authentication-kubeconfig=/etc/kubernetes/controller-manager.conf',
      '--authorization-kubeconfig=/etc/kubernetes/controller-manager.conf', '--bind-address=127.0.0.1', '--client-ca-file=/etc/kubernetes/pki/ca.crt',
      '--cluster-cidr=10.244.0.0/16', '--cluster-name=kind', '--cluster-signing-cert-file=/etc/kubernetes/pki/ca.crt', '--cluster-signing-key-file=/etc/kubernetes/pki/ca.key',
      '--controllers=*,bootstrapsigner,tokencleaner', '--enable-hostpath-provisioner=true', '--kubeconfig=/etc/kubernetes/controller-manager.conf', '--leader-elect=true',
      '--requestheader-client-ca-file=/etc/kubernetes/pki/front-proxy-ca.crt', '--root-ca-file=/etc/kubernetes/pki/ca.crt',
      '--service-account-private-key-file=/etc/kubernetes/pki/sa.key', '--service-cluster-ip-range=10.96.0.0/16', '--use-service-account-credentials=true',
    ],
    `registry.k8s.io/kube-controller-manager:${K8S}`,
    [probe('livenessProbe', '127.0.0.1', '/healthz', 10257, 'HTTPS', 8, 10, true), probe('startupProbe', '127.0.0.1', '/healthz', 10257, 'HTTPS', 24, 10, true)].join('\n'),
    '        cpu: 200m',
    `${CA_MOUNTS}\n    - mountPath: /usr/libexec/kubernetes/kubelet-plugins/volume/exec\n      name: flexvolume-dir\n    - mountPath: /etc/kubernetes/pki\n      name: k8s-certs\n      readOnly: true\n    - mountPath: /etc/kubernetes/controller-manager.conf\n      name: kubeconfig\n      readOnly: true\n${SHARE_MOUNTS}`,
    [...CA_VOLUMES, hostPathVolume('flexvolume-dir', '/usr/libexec/kubernetes/kubelet-plugins/volume/exec'), hostPathVolume('k8s-certs', '/etc/kubernetes/pki'), hostPathVolume('kubeconfig', '/etc/kubernetes/controller-manager.conf', 'FileOrCreate'), ...SHARE_VOLUMES],
  );
  const scheduler = manifest(
    'kube-scheduler',
    '',
    ['kube-scheduler', '--authentication-kubeconfig=/etc/kubernetes/scheduler.conf', '--authorization-kubeconfig=/etc/kubernetes/scheduler.conf', '--bind-address=127.0.0.1', '--kubeconfig=/etc/kubernetes/scheduler.conf', '--leader-elect=true'],
    `registry.k8s.io/kube-scheduler:${K8S}`,
    [probe('livenessProbe', '127.0.0.1', '/livez', 10259, 'HTTPS', 8, 10, true), probe('readinessProbe', '127.0.0.1', '/readyz', 10259, 'HTTPS', 3, 1, false), probe('startupProbe', '127.0.0.1', '/livez', 10259, 'HTTPS', 24, 10, true)].join('\n'),
    '        cpu: 100m',
    '    - mountPath: /etc/kubernetes/scheduler.conf\n      name: kubeconfig\n      readOnly: true',
    [hostPathVolume('kubeconfig', '/etc/kubernetes/scheduler.conf', 'FileOrCreate')],
  );
  return [etcd, apiserver, controllerManager, scheduler].map((text) => yaml.load(text) as KObject);
}
