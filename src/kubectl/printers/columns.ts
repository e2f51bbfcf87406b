/**
 * The human-readable columns of each kind, as kubernetes' server-side printers
 * (pkg/printers/internalversion/printers.go) define them. `wide` columns are the ones with
 * priority 1, shown only by `-o wide`.
 */
import type { KObject } from '../../sim/object';
import { formatLabels, formatSelector } from '../../sim/labels';
import { canonicalQuantity } from '../../sim/quantity';
import { age } from './age';
import { podColumns } from './pod-status';

export interface KindColumns {
  /** Column titles as Kubernetes names them (`Nominated Node`); tables print them upper-cased. */
  columns: string[];
  wide: string[];
  /** One row: cells for `columns`, then for `wide` when `wide` is set. The first cell is the name. */
  row(obj: KObject, nowMs: number, wide: boolean): string[];
}

/* eslint-disable @typescript-eslint/no-explicit-any -- objects are unstructured JSON */
type Any = any;

const NONE = '<none>';

function containerCells(template: Any): [string, string] {
  const containers: Any[] = template?.spec?.containers ?? [];
  return [containers.map((c) => c.name).join(','), containers.map((c) => c.image).join(',')];
}

const pods: KindColumns = {
  columns: ['Name', 'Ready', 'Status', 'Restarts', 'Age'],
  wide: ['IP', 'Node', 'Nominated Node', 'Readiness Gates'],
  row(obj, now, wide) {
    const p = obj as Any;
    const c = podColumns(obj, now);
    const cells = [obj.metadata.name!, c.ready, c.status, c.restarts, age(obj.metadata.creationTimestamp, now)];
    if (wide) {
      const ip = p.status?.podIPs?.[0]?.ip || NONE;
      const gates: Any[] = p.spec?.readinessGates ?? [];
      let gatesText = NONE;
      if (gates.length) {
        const conditions: Any[] = p.status?.conditions ?? [];
        const ok = gates.filter((g) => conditions.find((c) => c.type === g.conditionType)?.status === 'True').length;
        gatesText = `${ok}/${gates.length}`;
      }
      cells.push(ip, p.spec?.nodeName || NONE, p.status?.nominatedNodeName || NONE, gatesText);
    }
    return cells;
  },
};

const deployments: KindColumns = {
  columns: ['Name', 'Ready', 'Up-to-date', 'Available', 'Age'],
  wide: ['Containers', 'Images', 'Selector'],
  row(obj, now, wide) {
    const d = obj as Any;
    const st = d.status ?? {};
    const cells = [
      obj.metadata.name!,
      `${st.readyReplicas ?? 0}/${d.spec?.replicas ?? 0}`,
      String(st.updatedReplicas ?? 0),
      String(st.availableReplicas ?? 0),
      age(obj.metadata.creationTimestamp, now),
    ];
    if (wide) cells.push(...containerCells(d.spec?.template), selectorText(d.spec?.selector));
    return cells;
  },
};

const replicasets: KindColumns = {
  columns: ['Name', 'Desired', 'Current', 'Ready', 'Age'],
  wide: ['Containers', 'Images', 'Selector'],
  row(obj, now, wide) {
    const r = obj as Any;
    const cells = [
      obj.metadata.name!,
      String(r.spec?.replicas ?? 0),
      String(r.status?.replicas ?? 0),
      String(r.status?.readyReplicas ?? 0),
      age(obj.metadata.creationTimestamp, now),
    ];
    if (wide) cells.push(...containerCells(r.spec?.template), selectorText(r.spec?.selector));
    return cells;
  },
};

/** Go's `selector.String()`: empty for a selector that matches everything. */
function selectorText(sel: Any): string {
  const s = formatSelector(sel);
  return s === NONE ? '' : s;
}

const services: KindColumns = {
  columns: ['Name', 'Type', 'Cluster-IP', 'External-IP', 'Port(s)', 'Age'],
  wide: ['Selector'],
  row(obj, now, wide) {
    const s = obj as Any;
    const spec = s.spec ?? {};
    const clusterIP = spec.clusterIPs?.length ? spec.clusterIPs[0] : NONE;
    const ports: Any[] = spec.ports ?? [];
    const portText = ports.map((p) => (p.nodePort > 0 ? `${p.port}:${p.nodePort}/${p.protocol}` : `${p.port}/${p.protocol}`)).join(',');
    const cells = [obj.metadata.name!, spec.type ?? '', clusterIP, serviceExternalIP(s, wide), portText || NONE, age(obj.metadata.creationTimestamp, now)];
    if (wide) cells.push(formatLabels(spec.selector));
    return cells;
  },
};

function serviceExternalIP(svc: Any, wide: boolean): string {
  const spec = svc.spec ?? {};
  const externalIPs: string[] = spec.externalIPs ?? [];
  switch (spec.type) {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length ? externalIPs.join(',') : NONE;
    case 'LoadBalancer': {
      const ingress: Any[] = svc.status?.loadBalancer?.ingress ?? [];
      let lb = ingress.map((i) => i.ip || i.hostname).filter(Boolean).join(',');
      if (!wide && lb.length > 16) lb = lb.slice(0, 13) + '...';
      if (externalIPs.length) return [...(lb ? lb.split(',') : []), ...externalIPs].join(',');
      return lb || '<pending>';
    }
    case 'ExternalName':
      return spec.externalName ?? '';
  }
  return '<unknown>';
}

const nodes: KindColumns = {
  columns: ['Name', 'Status', 'Roles', 'Age', 'Version'],
  wide: ['Internal-IP', 'External-IP', 'OS-Image', 'Kernel-Version', 'Container-Runtime'],
  row(obj, now, wide) {
    const n = obj as Any;
    const cells = [obj.metadata.name!, nodeStatus(obj), nodeRoles(obj).join(',') || NONE, age(obj.metadata.creationTimestamp, now), n.status?.nodeInfo?.kubeletVersion ?? ''];
    if (wide) {
      const addresses: Any[] = n.status?.addresses ?? [];
      const info = n.status?.nodeInfo ?? {};
      cells.push(
        addresses.find((a) => a.type === 'InternalIP')?.address ?? NONE,
        addresses.find((a) => a.type === 'ExternalIP')?.address ?? NONE,
        info.osImage || '<unknown>',
        info.kernelVersion || '<unknown>',
        info.containerRuntimeVersion || '<unknown>',
      );
    }
    return cells;
  },
};

/** `Ready`, `NotReady`, `Unknown`, plus `,SchedulingDisabled` when cordoned. */
export function nodeStatus(node: KObject): string {
  const n = node as Any;
  const ready = (n.status?.conditions ?? []).find((c: Any) => c.type === 'Ready');
  const parts = [ready ? (ready.status === 'True' ? 'Ready' : 'NotReady') : 'Unknown'];
  if (n.spec?.unschedulable) parts.push('SchedulingDisabled');
  return parts.join(',');
}

/** Roles from `node-role.kubernetes.io/<role>` and `kubernetes.io/role` labels, sorted. */
export function nodeRoles(node: KObject): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata.labels ?? {})) {
    if (k.startsWith('node-role.kubernetes.io/')) {
      const role = k.slice('node-role.kubernetes.io/'.length);
      if (role) roles.add(role);
    } else if (k === 'kubernetes.io/role' && v) {
      roles.add(v);
    }
  }
  return [...roles].sort();
}

const namespaces: KindColumns = {
  columns: ['Name', 'Status', 'Age'],
  wide: [],
  row: (obj, now) => [obj.metadata.name!, (obj as Any).status?.phase ?? '', age(obj.metadata.creationTimestamp, now)],
};

const configmaps: KindColumns = {
  columns: ['Name', 'Data', 'Age'],
  wide: [],
  row(obj, now) {
    const c = obj as Any;
    const n = Object.keys(c.data ?? {}).length + Object.keys(c.binaryData ?? {}).length;
    return [obj.metadata.name!, String(n), age(obj.metadata.creationTimestamp, now)];
  },
};

const resourcequotas: KindColumns = {
  columns: ['Name', 'Age', 'Request', 'Limit'],
  wide: [],
  row(obj, now) {
    const q = obj as Any;
    const hard: Record<string, string> = q.spec?.hard ?? {};
    const used: Record<string, string> = q.status?.used ?? {};
    const request: string[] = [];
    const limit: string[] = [];
    for (const name of Object.keys(hard).sort()) {
      const pieces = name.split('.');
      const text = `${name}: ${quantity(used[name])}/${quantity(hard[name])}`;
      (pieces.length > 1 && pieces[0] === 'limits' ? limit : request).push(text);
    }
    return [obj.metadata.name!, age(obj.metadata.creationTimestamp, now), request.join(', '), limit.join(', ')];
  },
};

function quantity(q: string | number | undefined): string {
  if (q === undefined) return '0';
  try {
    return canonicalQuantity(q);
  } catch {
    return String(q);
  }
}

const events: KindColumns = {
  columns: ['Last Seen', 'Type', 'Reason', 'Object', 'Message'],
  wide: ['Subobject', 'Source', 'First Seen', 'Count', 'Name'],
  row(obj, now, wide) {
    const e = obj as Any;
    const first = e.firstTimestamp ? age(e.firstTimestamp, now) : age(e.eventTime, now);
    let last = e.lastTimestamp ? age(e.lastTimestamp, now) : first;
    let count = e.count ?? 0;
    if (e.series) {
      last = age(e.series.lastObservedTime, now);
      count = e.series.count;
    } else if (count === 0) {
      count = 1;
    }
    const io = e.involvedObject ?? {};
    const kind = String(io.kind ?? '').toLowerCase();
    const target = io.name ? `${kind}/${io.name}` : kind;
    const message = String(e.message ?? '').trim();
    if (!wide) return [last, e.type ?? '', e.reason ?? '', target, message];
    return [last, e.type ?? '', e.reason ?? '', target, io.fieldPath ?? '', eventSource(e), message, first, String(count), obj.metadata.name!];
  },
};

/** `kubelet, kind-worker`: the SOURCE column and describe's `From`. */
export function eventSource(e: Any): string {
  const component = e.source?.component || e.reportingController || e.reportingComponent || '';
  const host = e.source?.host || e.reportingInstance || '';
  return host ? `${component}, ${host}` : component;
}

/** Kinds without a dedicated printer: the server's default table. */
const generic: KindColumns = {
  columns: ['Name', 'Age'],
  wide: [],
  row: (obj, now) => [obj.metadata.name!, age(obj.metadata.creationTimestamp, now)],
};

const BY_RESOURCE: Record<string, KindColumns> = { pods, deployments, replicasets, services, nodes, namespaces, configmaps, resourcequotas, events };

/** The columns of a resource (by plural). Events' wide columns are laid out in `tableHeaders`. */
export function columnsFor(resource: string): KindColumns {
  return BY_RESOURCE[resource] ?? generic;
}

/** Header cells, upper-cased; events interleave their wide columns as kubectl does. */
export function tableHeaders(resource: string, wide: boolean): string[] {
  if (resource === 'events' && wide) {
    return ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'SUBOBJECT', 'SOURCE', 'MESSAGE', 'FIRST SEEN', 'COUNT', 'NAME'];
  }
  const c = columnsFor(resource);
  return [...c.columns, ...(wide ? c.wide : [])].map((h) => h.toUpperCase());
}
