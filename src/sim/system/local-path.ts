/**
 * kind's default storage (pkg/build/nodeimage/const_storage.go): rancher's local-path-provisioner
 * in namespace `local-path-storage`, kind's build of it (storage under /var, kind's images,
 * linux nodes only), applied by kind with `kubectl apply` (hence the last-applied annotation).
 * Kept: the Namespace, ServiceAccount, Deployment, the default StorageClass `standard` and the
 * ConfigMap `local-path-config`; the ClusterRole and its binding wait for RBAC kinds.
 */
import yaml from 'js-yaml';
import { LAST_APPLIED_ANNOTATION, lastAppliedValue } from '../../kubectl/apply-merge';
import type { NodeSpec, SimContext } from '../context';
import type { KObject } from '../core/object';
import { LOCAL_PATH_HELPER_IMAGE, LOCAL_PATH_PROVISIONER_IMAGE } from '../images/local-path-provisioner';
import { bootstrapDeployment } from './bootstrap-deployment';

export const LOCAL_PATH_NAMESPACE = 'local-path-storage';
/** The pod-template-hash of kind v1.32.2's local-path-provisioner Deployment. */
const REPLICA_SET_HASH = '7dc846544d';

export const LOCAL_PATH_MANIFEST = `apiVersion: v1
kind: Namespace
metadata:
  name: local-path-storage
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: local-path-provisioner-service-account
  namespace: local-path-storage
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: local-path-provisioner
  namespace: local-path-storage
spec:
  replicas: 1
  selector:
    matchLabels:
      app: local-path-provisioner
  template:
    metadata:
      labels:
        app: local-path-provisioner
    spec:
      nodeSelector:
        kubernetes.io/os: linux
      tolerations:
      - key: node-role.kubernetes.io/control-plane
        operator: Equal
        effect: NoSchedule
      - key: node-role.kubernetes.io/master
        operator: Equal
        effect: NoSchedule
      serviceAccountName: local-path-provisioner-service-account
      containers:
        - name: local-path-provisioner
          image: ${LOCAL_PATH_PROVISIONER_IMAGE}
          imagePullPolicy: IfNotPresent
          command:
            - local-path-provisioner
            - --debug
            - start
            - --helper-image
            - ${LOCAL_PATH_HELPER_IMAGE}
            - --config
            - /etc/config/config.json
          volumeMounts:
            - name: config-volume
              mountPath: /etc/config/
          env:
            - name: POD_NAMESPACE
              valueFrom:
                fieldRef:
                  fieldPath: metadata.namespace
      volumes:
        - name: config-volume
          configMap:
            name: local-path-config
---
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: standard
  namespace: kube-system
  annotations:
    storageclass.kubernetes.io/is-default-class: "true"
provisioner: rancher.io/local-path
volumeBindingMode: WaitForFirstConsumer
reclaimPolicy: Delete
---
kind: ConfigMap
apiVersion: v1
metadata:
  name: local-path-config
  namespace: local-path-storage
data:
  config.json: |-
    {
            "nodePathMap":[
            {
                    "node":"DEFAULT_PATH_FOR_NON_LISTED_NODES",
                    "paths":["/var/local-path-provisioner"]
            }
            ]
    }
  setup: |-
    #!/bin/sh
    set -eu
    mkdir -m 0777 -p "$VOL_DIR"
  teardown: |-
    #!/bin/sh
    set -eu
    rm -rf "$VOL_DIR"
  helperPod.yaml: |-
    apiVersion: v1
    kind: Pod
    metadata:
      name: helper-pod
    spec:
      containers:
      - name: helper-pod
        image: ${LOCAL_PATH_HELPER_IMAGE}
        imagePullPolicy: IfNotPresent
`;

export function installLocalPath(ctx: SimContext, nodes: readonly NodeSpec[]): void {
  const controlPlane = nodes.find((n) => n.controlPlane) ?? nodes[0];
  for (const raw of yaml.loadAll(LOCAL_PATH_MANIFEST) as KObject[]) {
    const type = ctx.api.registry.forKind(raw.apiVersion, raw.kind)!;
    // kubectl drops the namespace of a cluster-scoped object (the StorageClass's kube-system).
    const doc = type.namespaced ? raw : { ...raw, metadata: withoutNamespace(raw.metadata) };
    // What `kubectl apply` sends: the manifest with its own last-applied configuration.
    const obj = { ...doc, metadata: { ...doc.metadata, annotations: { ...doc.metadata.annotations, [LAST_APPLIED_ANNOTATION]: lastAppliedValue(doc) } } };
    if (type.plural === 'deployments') bootstrapDeployment(ctx, obj, { hash: REPLICA_SET_HASH, node: controlPlane.name });
    else if (type.plural === 'storageclasses') storeStorageClass(ctx, obj);
    else ctx.api.create(type.plural, type.namespaced ? obj.metadata.namespace : undefined, obj);
  }
}

function withoutNamespace(meta: KObject['metadata']): KObject['metadata'] {
  const { namespace: _namespace, ...rest } = meta;
  return rest;
}

/**
 * The class as the api-server would store it, written straight to the store with a uid of its
 * own stream: the api-server's stream stays where it was before the playground served storage,
 * so every other object keeps the uid and generated names it had.
 */
function storeStorageClass(ctx: SimContext, obj: KObject): void {
  const uid = ctx.rng.fork('storageclass/standard').uuid();
  ctx.store.create('storageclasses', { ...obj, metadata: { ...obj.metadata, uid, creationTimestamp: ctx.clock.timestamp() } });
}
