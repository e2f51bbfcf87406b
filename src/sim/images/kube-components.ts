/**
 * The Kubernetes components a kind node runs as pods, preloaded in kindest/node:v1.32.2: the
 * control plane's static pods (kube-apiserver, kube-controller-manager, kube-scheduler, etcd)
 * and the kube-proxy DaemonSet. Distroless images (only their binaries, no shell). Their klog
 * start lines are shaped like v1.32's (source files and line numbers to our knowledge, not
 * byte-exact); the health endpoints answer `ok` as the kubelet's probes expect.
 */
import { MiB } from '../metrics/usage';
import { pathOnly, toRequest } from './http';
import type { HttpAnswer, HttpRequest, ImageFamily, ImageRepository, ServerBehaviour } from './types';

const K8S_VERSION = 'v1.32.2';

const OK: HttpAnswer = { status: 200, contentType: 'text/plain; charset=utf-8', body: 'ok' };

/** What an anonymous request to another path of a component's secure port gets. */
function forbidden(path: string): HttpAnswer {
  const message = `forbidden: User \\"system:anonymous\\" cannot get path \\"${path}\\"`;
  return { status: 403, contentType: 'application/json', body: `{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"${message}","reason":"Forbidden","details":{},"code":403}\n` };
}

function healthz(req: HttpRequest | string): HttpAnswer {
  const path = pathOnly(toRequest(req).path);
  return ['/healthz', '/livez', '/readyz'].includes(path) ? OK : forbidden(path);
}

function component(binary: string, ports: number[], tls: boolean, startup: Array<[number, string]>): ServerBehaviour {
  return {
    binaries: [binary],
    ports,
    tls,
    steadyHealth: true,
    timestampStyle: 'glog',
    startup: () => startup,
    http: healthz,
    shutdown: [],
    shutdownMs: 200,
  };
}

const apiserver = component('kube-apiserver', [6443], true, [
  [0, 'I{ts}       1 options.go:238] external host was not specified, using 172.18.0.2'],
  [0, `I{ts}       1 server.go:143] Version: ${K8S_VERSION}`],
  [0, 'I{ts}       1 server.go:145] "Golang settings" GOGC="" GOMAXPROCS="" GOTRACEBACK=""'],
  [300, 'I{ts}       1 shared_informer.go:313] Waiting for caches to sync for node_authorizer'],
  [400, 'I{ts}       1 plugins.go:157] Loaded 13 mutating admission controller(s) successfully in the following order: NamespaceLifecycle,LimitRanger,ServiceAccount,NodeRestriction,TaintNodesByCondition,Priority,DefaultTolerationSeconds,DefaultStorageClass,StorageObjectInUseProtection,RuntimeClass,DefaultIngressClass,MutatingAdmissionPolicy,MutatingAdmissionWebhook.'],
  [400, 'I{ts}       1 plugins.go:160] Loaded 13 validating admission controller(s) successfully in the following order: LimitRanger,ServiceAccount,PodSecurity,Priority,PersistentVolumeClaimResize,RuntimeClass,CertificateApproval,CertificateSigning,ClusterTrustBundleAttest,CertificateSubjectRestriction,ValidatingAdmissionPolicy,ValidatingAdmissionWebhook,ResourceQuota.'],
  [1500, 'I{ts}       1 secure_serving.go:213] Serving securely on [::]:6443'],
  [1500, 'I{ts}       1 tlsconfig.go:243] "Starting DynamicServingCertificateController"'],
  [1700, 'I{ts}       1 shared_informer.go:320] Caches are synced for node_authorizer'],
  [1800, 'I{ts}       1 cache.go:39] Caches are synced for APIServiceRegistrationController controller'],
  [2000, 'I{ts}       1 controller.go:615] quota admission added evaluator for: leases.coordination.k8s.io'],
]);

const controllerManager = component('kube-controller-manager', [10257], true, [
  [0, 'I{ts}       1 serving.go:386] Generated self-signed cert in-memory'],
  [300, 'I{ts}       1 controllermanager.go:185] "Starting" version="v1.32.2"'],
  [300, 'I{ts}       1 controllermanager.go:187] "Golang settings" GOGC="" GOMAXPROCS="" GOTRACEBACK=""'],
  [400, 'I{ts}       1 secure_serving.go:213] Serving securely on 127.0.0.1:10257'],
  [400, 'I{ts}       1 leaderelection.go:257] attempting to acquire leader lease kube-system/kube-controller-manager...'],
  [900, 'I{ts}       1 leaderelection.go:271] successfully acquired lease kube-system/kube-controller-manager'],
  [1000, 'I{ts}       1 controllermanager.go:765] "Started controller" controller="daemonset-controller"'],
  [1000, 'I{ts}       1 controllermanager.go:765] "Started controller" controller="deployment-controller"'],
  [1000, 'I{ts}       1 controllermanager.go:765] "Started controller" controller="replicaset-controller"'],
  [1600, 'I{ts}       1 shared_informer.go:320] Caches are synced for daemon sets'],
]);

const scheduler = component('kube-scheduler', [10259], true, [
  [0, 'I{ts}       1 serving.go:386] Generated self-signed cert in-memory'],
  [400, 'I{ts}       1 server.go:167] "Starting Kubernetes Scheduler" version="v1.32.2"'],
  [400, 'I{ts}       1 server.go:169] "Golang settings" GOGC="" GOMAXPROCS="" GOTRACEBACK=""'],
  [500, 'I{ts}       1 secure_serving.go:213] Serving securely on 127.0.0.1:10259'],
  [600, 'I{ts}       1 leaderelection.go:257] attempting to acquire leader lease kube-system/kube-scheduler...'],
  [1100, 'I{ts}       1 leaderelection.go:271] successfully acquired lease kube-system/kube-scheduler'],
]);

const etcd = component('etcd', [2379, 2380, 2381], false, [
  [0, '{"level":"info","ts":"{ts}Z","caller":"etcdmain/etcd.go:73","msg":"Running: ","args":["etcd","--advertise-client-urls=https://172.18.0.2:2379","--data-dir=/var/lib/etcd","--name=kind-control-plane"]}'],
  [100, '{"level":"info","ts":"{ts}Z","caller":"embed/etcd.go:311","msg":"starting an etcd server","etcd-version":"3.5.16","go-version":"go1.22.7","go-os":"linux","go-arch":"amd64","name":"kind-control-plane","data-dir":"/var/lib/etcd"}'],
  [600, '{"level":"info","ts":"{ts}Z","caller":"etcdserver/server.go:2065","msg":"published local member to cluster through raft","local-member-attributes":"{Name:kind-control-plane ClientURLs:[https://172.18.0.2:2379]}"}'],
  [600, '{"level":"info","ts":"{ts}Z","caller":"embed/serve.go:250","msg":"serving client traffic securely","traffic":"grpc+http","address":"127.0.0.1:2379"}'],
  [600, '{"level":"info","ts":"{ts}Z","caller":"embed/serve.go:250","msg":"serving client traffic securely","traffic":"grpc+http","address":"172.18.0.2:2379"}'],
]);
// etcd logs JSON with ISO-8601 timestamps; its metrics port (2381) speaks plain HTTP.
etcd.timestampStyle = 'iso';
etcd.http = (req) => {
  const path = pathOnly(toRequest(req).path);
  if (path === '/health') return { status: 200, contentType: 'text/plain; charset=utf-8', body: '{"health":"true","reason":""}' };
  return ['/livez', '/readyz'].includes(path) ? OK : { status: 404, contentType: 'text/plain; charset=utf-8', body: '404 page not found\n' };
};

const proxy = component('kube-proxy', [10249, 10256], false, [
  [0, 'I{ts}       1 server_linux.go:66] "Using iptables proxy"'],
  [200, 'I{ts}       1 server_linux.go:170] "Using iptables Proxier"'],
  [200, 'I{ts}       1 proxier.go:255] "Setting route_localnet=1 to allow node-ports on localhost; to change this either disable iptables.localhostNodePorts (--iptables-localhost-nodeports) or set nodePortAddresses (--nodeport-addresses) to filter loopback addresses" ipFamily="IPv4"'],
  [300, 'I{ts}       1 server.go:497] "Version info" version="v1.32.2"'],
  [300, 'I{ts}       1 config.go:199] "Starting service config controller"'],
  [300, 'I{ts}       1 config.go:105] "Starting endpoint slice config controller"'],
  [300, 'I{ts}       1 config.go:329] "Starting node config controller"'],
  [400, 'I{ts}       1 shared_informer.go:320] Caches are synced for service config'],
  [400, 'I{ts}       1 shared_informer.go:320] Caches are synced for endpoint slice config'],
  [400, 'I{ts}       1 shared_informer.go:320] Caches are synced for node config'],
]);
// kube-proxy's healthz (10256) is plain HTTP and answers JSON.
proxy.http = (req) => {
  const path = pathOnly(toRequest(req).path);
  if (path === '/healthz' || path === '/livez') return { status: 200, contentType: 'application/json', body: '{"lastUpdated": "","currentTime": ""}' };
  return { status: 404, contentType: 'text/plain; charset=utf-8', body: '404 page not found\n' };
};

function repo(name: string, sizeBytes: number, server: ServerBehaviour, idle: { cpuMillis: number; memoryBytes: number }, extra: string[] = []): ImageRepository {
  return {
    repository: `registry.k8s.io/${name}`,
    tags: { [K8S_VERSION]: [sizeBytes, K8S_VERSION] },
    entrypoint: [`/usr/local/bin/${name}`],
    cmd: [],
    binaries: [name, ...extra],
    server,
    idle,
  };
}

export const kubeComponents: ImageFamily = {
  name: 'kube-components',
  repositories: [
    repo('kube-apiserver', 98055648, apiserver, { cpuMillis: 38, memoryBytes: 215 * MiB }),
    repo('kube-controller-manager', 90793286, controllerManager, { cpuMillis: 14, memoryBytes: 48 * MiB }),
    repo('kube-scheduler', 70649156, scheduler, { cpuMillis: 3, memoryBytes: 21 * MiB }),
    repo('kube-proxy', 94963761, proxy, { cpuMillis: 1, memoryBytes: 14 * MiB }, ['iptables', 'ip6tables', 'conntrack']),
    {
      repository: 'registry.k8s.io/etcd',
      tags: { '3.5.16-0': [57680541, '3.5.16'] },
      entrypoint: ['/usr/local/bin/etcd'],
      cmd: [],
      binaries: ['etcd', 'etcdctl', 'etcdutl'],
      server: etcd,
      idle: { cpuMillis: 18, memoryBytes: 36 * MiB },
    },
  ],
};
