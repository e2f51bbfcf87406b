/**
 * Wires a whole simulated cluster, kind-style: `kind-control-plane` (tainted NoSchedule)
 * and workers `kind-worker`, `kind-worker2`, …, the default namespaces, the `kubernetes`
 * Service, the playground's pod quota, controllers, scheduler and one kubelet per node. The
 * cluster owns every component it starts (no module-level lookups): reach them from it.
 */
import { NodeFilesystems } from './fs/node-files';
import { ApiServer } from './api/apiserver';
import { Clock, DEFAULT_EPOCH } from './core/clock';
import type { NodeSpec, SimContext } from './context';
import { startControllers, type ControllerManager } from './controllers';
import { SharedInformers } from './informers/shared-informers';
import { EventRecorder } from './events';
import { startKubelets, type Kubelet } from './kubelet/kubelet';
import type { KObject } from './core/object';
import { Rng } from './core/rng';
import { startScheduler, type Scheduler } from './scheduler/scheduler';
import { Store } from './core/store';
import { installAddon } from './addons/install';
import { HostPorts } from './network/host-ports';
import { createPolicyCheck, type PolicyIndex } from './network/policy';
import { installSystem } from './system';
import { startCloudProvider, type CloudProvider } from './controllers/cloud-provider/cloud-provider';
import { startIngressNginxStatus } from './addons/ingress-nginx-status';
import { startIngressNginxCertgen } from './addons/ingress-nginx-certgen';
import { ingressGateway, REPLIES, type IngressGateway } from './network/ingress/gateway';
import { ingressControllers } from './network/ingress-controllers';
import { publishApiServerEndpoints } from './controllers/endpoints/apiserver-endpoints';
import { ClusterNetwork } from './network/cluster-network';
import { podNetworkOf } from './kubelet/exec/network';
import { controlPlaneManifests } from './system/control-plane';
import { NodeHeartbeats } from './kubelet/heartbeats';
import { NodeContainers } from './faults/node-containers';
import { startNodeLifecycleController } from './controllers/nodelifecycle/node-lifecycle';

export interface ClusterOptions {
  seed?: number | string;
  /** Worker nodes besides the control plane (kind's default here: 3). */
  workers?: number;
  /** The `pods` hard limit of the ResourceQuota in `default`. */
  podQuota?: number;
  /** Freeze every stored object (tests catch writers that mutate what they read). */
  freeze?: boolean;
  /** Virtual time the cluster has been up before the learner arrives. */
  uptimeMs?: number;
  /** Per-worker capacity. */
  nodeCpuMillis?: number;
  nodeMemoryBytes?: number;
  /** Add-ons installed as the cluster comes up (`metrics-server`): ../addons. */
  addons?: string[];
  /** cloud-provider-kind runs beside the cluster (LoadBalancer IPs, Ingress); off: `<pending>` as in bare kind. */
  cloudProvider?: boolean;
  /** kind's system pods: the control plane's static pods, kube-proxy and kindnet (./system). */
  system?: boolean;
}

export const DEFAULT_POD_QUOTA = 1000;

export interface Cluster extends SimContext {
  readonly nodes: NodeSpec[];
  readonly options: Required<ClusterOptions>;
  /** The shared informer factory: one cache per resource, for every component. */
  readonly informers: SharedInformers;
  readonly controllers: ControllerManager;
  readonly scheduler: Scheduler;
  /** One kubelet per node, by node name. */
  readonly kubelets: ReadonlyMap<string, Kubelet>;
  /** kind's node containers (`docker ps`, `docker stop|start|restart kind-worker2`). */
  readonly nodeContainers: NodeContainers;
  /** Advances virtual time, running every component due on the way. */
  advance(ms: number): void;
  /** Runs what is due at this very instant (controllers reacting to the last write), unless held. */
  settle(): void;
  /**
   * Holds the cluster still (a paused clock): `settle` then runs nothing, so a write made while
   * paused waits for a step or for Play like everything else.
   */
  hold(on: boolean): void;
  readonly held: boolean;
  /** The learner's machine's localhost ports (kubectl port-forward). */
  readonly hostPorts: HostPorts;
  /** The data path: DNS, kube-proxy, the host, traffic events (network/cluster-network.ts). */
  readonly network: ClusterNetwork;
  /** NetworkPolicy's verdict on a connection (the data path asks it; blocked ⇒ the client times out). */
  readonly networkPolicy: PolicyIndex;
  /** cloud-provider-kind: load balancers and Ingress addresses on the kind network. */
  readonly cloudProvider: CloudProvider;
  /** Starts or stops cloud-provider-kind. */
  setCloudProvider(on: boolean): void;
  /** Where HTTP to an ingress controller goes (cloud-provider-kind's Gateway addresses, ingress-nginx). */
  readonly ingressGateway: IngressGateway;
}

const NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system'];
const GiB = 1024 ** 3;

export function createCluster(options: ClusterOptions = {}): Cluster {
  const opts: Required<ClusterOptions> = {
    seed: 42,
    workers: 3,
    podQuota: DEFAULT_POD_QUOTA,
    freeze: false,
    uptimeMs: 10 * 60 * 1000,
    nodeCpuMillis: 4000,
    nodeMemoryBytes: 8 * GiB,
    addons: [],
    cloudProvider: true,
    system: true,
    ...options,
  };
  const clock = new Clock(DEFAULT_EPOCH);
  const rng = new Rng(opts.seed);
  const store = new Store(opts.freeze);
  const api = new ApiServer(store, clock, rng.fork('apiserver'));
  const events = new EventRecorder(api, clock);
  const ctx: SimContext = { api, clock, rng, events, store, nodeFiles: new NodeFilesystems() };

  for (const name of NAMESPACES) {
    api.create('namespaces', undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  }
  const informers = new SharedInformers(store);
  const nodes = nodeSpecs(opts);
  const staticPods = opts.system ? (n: NodeSpec) => (n.controlPlane ? controlPlaneManifests(n.internalIP) : []) : undefined;
  const heartbeats = new NodeHeartbeats();
  const kubelets = startKubelets(ctx, nodes, staticPods, heartbeats);
  const nodeContainers = new NodeContainers(nodes, kubelets, clock.now(), () => clock.now());
  const scheduler = startScheduler(ctx, informers);
  const controllers = startControllers(ctx, informers);
  startNodeLifecycleController(ctx, informers, heartbeats);
  const hostPorts = new HostPorts();
  const network = new ClusterNetwork({ informers, kubelets, nodes, rng: rng.fork('kube-proxy'), now: () => clock.now(), hostPorts });
  const networkPolicy = createPolicyCheck(informers);
  network.setPolicy(networkPolicy.check);
  for (const k of kubelets.values()) k.setNetwork(podNetworkOf(network));
  api.create('services', 'default', kubernetesService());
  publishApiServerEndpoints(api, nodes[0].internalIP);
  api.create('resourcequotas', 'default', {
    apiVersion: 'v1',
    kind: 'ResourceQuota',
    metadata: { name: 'pod-quota', namespace: 'default' },
    spec: { hard: { pods: String(opts.podQuota) } },
  });
  if (opts.system) installSystem(ctx, nodes);
  const cloudProvider = startCloudProvider(ctx, informers, nodes.map((n) => n.internalIP), opts.cloudProvider);
  const gateway = ingressGateway(informers, cloudProvider.ingresses);
  network.setIngress(ingressControllers(gateway, REPLIES));
  // The ingress-nginx add-on's controller pod, once it runs: Ingress status and events.
  startIngressNginxStatus(ctx, informers);
  startIngressNginxCertgen(ctx);
  for (const name of opts.addons) installAddon(api, name);
  clock.advance(opts.uptimeMs);

  let held = false;
  return {
    ...ctx,
    nodes,
    options: opts,
    informers,
    controllers,
    scheduler,
    kubelets,
    nodeContainers,
    hostPorts,
    network,
    networkPolicy,
    cloudProvider,
    setCloudProvider: (on) => cloudProvider.setRunning(on),
    ingressGateway: gateway,
    advance: (ms) => clock.advance(ms),
    settle: () => {
      if (!held) clock.advance(0);
    },
    hold: (on) => {
      held = on;
    },
    get held() {
      return held;
    },
  };
}

function nodeSpecs(opts: Required<ClusterOptions>): NodeSpec[] {
  const nodes: NodeSpec[] = [
    { name: 'kind-control-plane', controlPlane: true, cpuMillis: opts.nodeCpuMillis, memoryBytes: opts.nodeMemoryBytes, pods: 110, internalIP: '172.18.0.2' },
  ];
  for (let i = 1; i <= opts.workers; i++) {
    const n = i + 2;
    nodes.push({
      name: i === 1 ? 'kind-worker' : `kind-worker${i}`,
      controlPlane: false,
      cpuMillis: opts.nodeCpuMillis,
      memoryBytes: opts.nodeMemoryBytes,
      pods: 110,
      internalIP: `172.18.${Math.floor(n / 256)}.${n % 256}`,
    });
  }
  return nodes;
}

function kubernetesService(): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
    spec: {
      clusterIP: '10.96.0.1',
      clusterIPs: ['10.96.0.1'],
      ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }],
      type: 'ClusterIP',
      sessionAffinity: 'None',
    },
    status: { loadBalancer: {} },
  };
}
