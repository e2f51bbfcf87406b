/** The graph's node renderers: node boxes (and the Pending lane), pods, workloads. */
import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { useApp } from '../store';
import type { BoxNode, PodNode, WorkloadNode } from './derive';
import { shortPodName } from './labels';

const hidden = { opacity: 0, pointerEvents: 'none' } as const;

export const BoxView = memo(function BoxView({ data }: NodeProps<BoxNode>) {
  const name = data.role === 'pending' ? 'Pending pods' : `Node ${data.label}`;
  return (
    <div className={`kp-box kp-box-${data.role}`} role="group" aria-label={name}>
      <Handle type="target" position={Position.Top} style={hidden} isConnectable={false} />
      <div className="kp-box-header">
        <span className="kp-box-title">{data.label}</span>
        {data.role === 'control-plane' && <span className="kp-chip">control-plane</span>}
        {data.condition && <span className={`kp-chip ${data.condition.startsWith('Ready') ? 'kp-chip-ok' : 'kp-chip-bad'}`}>{data.condition}</span>}
        <span className="kp-box-count">{data.pods === 1 ? '1 pod' : `${data.pods} pods`}</span>
      </div>
    </div>
  );
});

/** Selecting goes through `getState`: a store subscription per pod would run on every patch. */
const select = (ref: PodNode['data']['ref']) => useApp.getState().select(ref);

export const PodView = memo(function PodView({ data }: NodeProps<PodNode>) {
  return (
    <>
      <Handle type="target" position={Position.Top} style={hidden} isConnectable={false} />
      <button
        type="button"
        className={`kp-pod kp-tone-${data.tone}${data.terminating ? ' kp-pod-terminating' : ''} nodrag`}
        aria-label={`Pod ${data.label}: ${data.status}`}
        title={`${data.label}\n${data.status} · ${data.ready} ready`}
        data-status={data.status}
        onClick={() => select(data.ref)}
      >
        <span className="kp-pod-name">{shortPodName(data.label)}</span>
        <span className="kp-pod-status">
          <span className="kp-dot" aria-hidden="true" />
          {data.status}
        </span>
      </button>
    </>
  );
});

const KIND_ABBREV: Record<WorkloadNode['data']['kind'], string> = { Deployment: 'deploy', ReplicaSet: 'rs', Service: 'svc' };

export const WorkloadView = memo(function WorkloadView({ data }: NodeProps<WorkloadNode>) {
  return (
    <>
      <Handle type="target" position={Position.Top} style={hidden} isConnectable={false} />
      <button
        type="button"
        className={`kp-workload kp-kind-${data.kind.toLowerCase()}${data.faded ? ' kp-faded' : ''} nodrag`}
        aria-label={`${data.kind} ${data.label}: ${data.summary}`}
        onClick={() => select(data.ref)}
      >
        <span className="kp-workload-head">
          <span className="kp-kind">{KIND_ABBREV[data.kind]}</span>
          <span className="kp-workload-name">{data.label}</span>
        </span>
        <span className="kp-workload-summary">{data.summary}</span>
      </button>
      <Handle type="source" position={Position.Bottom} style={hidden} isConnectable={false} />
    </>
  );
});

export const NODE_TYPES = { box: BoxView, pod: PodView, workload: WorkloadView };
