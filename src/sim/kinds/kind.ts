/**
 * One kind, everything the cluster knows about serving it, in one object — as kubernetes keeps
 * a kind together in `pkg/registry/<group>/<kind>/` (names, strategy) with its table printer
 * (`pkg/printers/internalversion`). The registry, `kubectl get`'s tables, the schema generator,
 * the graph and the conformance test all read these definitions.
 */
import type { KObject } from '../core/object';
import type { KindStrategy } from './strategy';

/** A column of the server's table, as `metav1.TableColumnDefinition` describes it. */
export interface PrinterColumn {
  /** As Kubernetes names it (`Nominated Node`); kubectl prints it upper-cased. */
  name: string;
  /** 1: shown only by `-o wide`. */
  priority?: 1;
  /** `name`: the column kubectl prefixes with `kind.group/` when it prints several kinds. */
  format?: 'name';
}

export interface PrintContext {
  /** Virtual now, for ages. */
  now: number;
  /** `-o wide`: some cells print in full (a Service's long EXTERNAL-IP list). */
  wide: boolean;
}

/** The server-side table printer of a kind: the columns, and every cell of one row in their order. */
export interface TablePrinter<T = KObject> {
  columns: readonly PrinterColumn[];
  cells(obj: T, ctx: PrintContext): string[];
}

/**
 * Where the graph draws a kind: `box` (a Node: a box holding its pods), `pod` (a cell in its
 * node's box or the Pending lane), `card` (above the boxes), or `none` (not drawn).
 */
export type GraphPlacement =
  | { draw: 'box' }
  | { draw: 'pod' }
  | {
      draw: 'card';
      /** The chip on the card, as `kubectl get` abbreviates the resource. */
      abbrev: string;
      /** Ties columns created in the same second: lower first (a Deployment before its ReplicaSet). */
      order: number;
      /** It controls pods: a pod whose controller is none of these in the cluster is an orphan. */
      ownsPods?: boolean;
      /** Stacked under its controller of this kind (a ReplicaSet under its Deployment). */
      stacksUnder?: string;
      /** Edges to the pods its `spec.selector` (key=value) matches. */
      selectsPods?: boolean;
      /** Edges to the pods its `endpoints[].targetRef` names, drawn by readiness (an EndpointSlice). */
      routesToPods?: boolean;
      /** Edges to the Services its backends name (an Ingress: rules' paths and the default backend). */
      routesToServices?: boolean;
      /** Edges to the PersistentVolume it is bound to and to the pods that mount it (a claim). */
      claimsVolume?: boolean;
      /** An edge to the node box its node affinity pins it to (a local or local-path volume). */
      pinnedToNode?: boolean;
      /** Drawn only while a pod uses it (env, volume, pull secret), with an edge to each such pod (a ConfigMap, a Secret). */
      configuresPods?: boolean;
    }
  | { draw: 'none' };

/** A kind's names, as discovery (`kubectl api-resources`) lists them. */
export interface ResourceType {
  group: string; // '' for core
  version: string;
  kind: string;
  plural: string;
  singular: string;
  shortNames: string[];
  namespaced: boolean;
  verbs: string[];
  categories?: string[];
  /** The warning the api-server sends with every request for a deprecated kind (prerelease-lifecycle-gen). */
  deprecationWarning?: string;
}

export interface KindDefinition<T extends KObject = KObject> extends ResourceType {
  strategy: KindStrategy<T & KObject>;
  printer: TablePrinter<T>;
  graph: GraphPlacement;
}

export const ALL_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

/**
 * A definition whose printer reads the kind's own type (`Pod` from kubernetes-types): stored
 * objects are that type's JSON, so the registry may hand them over as such.
 */
export function defineKind<T>(def: KindDefinition<T & KObject>): KindDefinition {
  return def as unknown as KindDefinition;
}
