/**
 * The inspector's Containers view of a pod: a card per container with its state, readiness,
 * restarts and last termination, and each probe with its latest failure — what a learner
 * otherwise pieces together from `describe` and the Events.
 */
import type { ContainerView, StateView } from '../worker/inspect-containers';
import { humanDuration } from '../sim/kinds/printing/age';

export function ContainerCards({ containers, simTime }: { containers: ContainerView[]; simTime: number }) {
  const ago = (at: string | undefined) => (at ? humanDuration(Math.max(0, simTime - Date.parse(at))) : '');
  return (
    <div className="kp-inspector-body kp-containers" role="tabpanel" aria-label="Containers" tabIndex={0}>
      {containers.map((c) => (
        <section key={c.name} className={`kp-ctr kp-ctr-${tone(c)}`} aria-label={`Container ${c.name}`}>
          <header className="kp-ctr-head">
            <span className="kp-ctr-name">{c.name}</span>
            {c.role !== 'app' && <span className="kp-ctr-role">{c.role === 'init' ? 'init' : 'sidecar'}</span>}
            <span className="kp-ctr-image">{c.image}</span>
          </header>
          <dl className="kp-ctr-facts">
            <dt>State</dt>
            <dd data-testid="ctr-state">{stateText(c.state, ago)}</dd>
            {c.role !== 'init' && (
              <>
                <dt>Ready</dt>
                <dd className={c.ready ? 'kp-yes' : 'kp-no'}>{c.ready ? 'yes' : 'no'}</dd>
              </>
            )}
            <dt>Restarts</dt>
            <dd>
              {c.restarts}
              {c.lastState && <span className="kp-muted"> · last: {stateText(c.lastState, ago)}</span>}
            </dd>
          </dl>
          {c.probes.map((p) => (
            <div key={p.kind} className={`kp-probe${p.lastFailure ? ' kp-probe-failing' : ''}`}>
              <div>
                <span className="kp-probe-kind">{p.kind}</span> <code>{p.handler}</code>
              </div>
              {p.lastFailure && (
                <div className="kp-probe-failure" role="status">
                  {p.lastFailure.message}
                  <span className="kp-muted">
                    {' '}
                    ({p.lastFailure.count === 1 ? 'once' : `${p.lastFailure.count} times`}, last {ago(p.lastFailure.lastSeen)} ago)
                  </span>
                </div>
              )}
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}

function stateText(s: StateView, ago: (at: string | undefined) => string): string {
  switch (s.kind) {
    case 'running':
      return `Running for ${ago(s.at)}`;
    case 'waiting':
      return `Waiting: ${s.reason ?? ''}${s.message ? ` — ${s.message}` : ''}`;
    case 'terminated':
      return `Terminated: ${s.reason ?? 'exit'} (exit code ${s.exitCode ?? 0})${s.at ? `, ${ago(s.at)} ago` : ''}`;
    default:
      return 'Not started';
  }
}

function tone(c: ContainerView): 'ok' | 'warn' | 'bad' | 'idle' {
  if (c.state.kind === 'running') return c.ready || c.role === 'init' ? 'ok' : 'warn';
  if (c.state.kind === 'terminated') return c.state.exitCode === 0 ? 'idle' : 'bad';
  if (c.state.kind === 'waiting' && /BackOff|Err|Error/.test(c.state.reason ?? '')) return 'bad';
  return 'idle';
}
