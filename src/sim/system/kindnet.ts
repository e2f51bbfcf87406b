/**
 * kindnet, kind's default CNI, as kind v0.26 (kindest/node:v1.32.2) applies it at cluster
 * creation (pkg/build/nodeimage/const_cni.go, templated with the pod subnet and the control
 * plane endpoint): a DaemonSet on every node, the control plane included (it tolerates every
 * taint), on the host network, Linux nodes only. To our knowledge of v0.26's template: the
 * CONTROL_PLANE_ENDPOINT variable, the NRI socket mount and `DirectoryOrCreate` on the CNI
 * folder are newer than the 2023 manifest we could read. Its ServiceAccount is created when the
 * sim serves that kind; the ClusterRole and ClusterRoleBinding are left out (no RBAC kinds yet).
 */
import { KINDNETD_IMAGE } from '../images/kindnetd';

export const KINDNET_YAML = `apiVersion: v1
kind: ServiceAccount
metadata:
  name: kindnet
  namespace: kube-system
---
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: kindnet
  namespace: kube-system
  labels:
    tier: node
    app: kindnet
    k8s-app: kindnet
spec:
  selector:
    matchLabels:
      app: kindnet
  template:
    metadata:
      labels:
        tier: node
        app: kindnet
        k8s-app: kindnet
    spec:
      hostNetwork: true
      nodeSelector:
        kubernetes.io/os: linux
      tolerations:
      - operator: Exists
      serviceAccountName: kindnet
      containers:
      - name: kindnet-cni
        image: ${KINDNETD_IMAGE}
        env:
        - name: HOST_IP
          valueFrom:
            fieldRef:
              fieldPath: status.hostIP
        - name: POD_IP
          valueFrom:
            fieldRef:
              fieldPath: status.podIP
        - name: POD_SUBNET
          value: 10.244.0.0/16
        - name: CONTROL_PLANE_ENDPOINT
          value: kind-control-plane:6443
        volumeMounts:
        - name: cni-cfg
          mountPath: /etc/cni/net.d
        - name: xtables-lock
          mountPath: /run/xtables.lock
          readOnly: false
        - name: lib-modules
          mountPath: /lib/modules
          readOnly: true
        - name: nri-plugin
          mountPath: /var/run/nri
        resources:
          requests:
            cpu: "100m"
            memory: "50Mi"
          limits:
            cpu: "100m"
            memory: "50Mi"
        securityContext:
          privileged: false
          capabilities:
            add: ["NET_RAW", "NET_ADMIN"]
      volumes:
      - name: cni-cfg
        hostPath:
          path: /etc/cni/net.d
          type: DirectoryOrCreate
      - name: xtables-lock
        hostPath:
          path: /run/xtables.lock
          type: FileOrCreate
      - name: lib-modules
        hostPath:
          path: /lib/modules
      - name: nri-plugin
        hostPath:
          path: /var/run/nri
`;
