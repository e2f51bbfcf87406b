/**
 * The panel beside the graph for the clicked object: its YAML (`kubectl get -o yaml`), `kubectl describe` and
 * its Events, all produced by kubectl in the worker, refreshed as the object changes.
 */
import { useEffect, useState } from 'react';
import type { InspectResult, ObjectRef } from '../worker/protocol';
import { parseColumns } from './columns';
import { objectsOf } from './mirror';
import { useApp } from './store';
import { ContainerCards } from './ContainerCards';
import { VolumeFiles } from './VolumeFiles';

const TABS = ['Containers', 'Files', 'YAML', 'Describe', 'Events'] as const;
type Tab = (typeof TABS)[number];
/** At most one refresh per this many ms while the object keeps changing. */
const REFRESH_MS = 400;
/** How often an open Files view asks for the pod's files again (wall ms). */
const FILES_POLL_MS = 1000;

export interface InspectorProps {
  inspect: (ref: ObjectRef) => Promise<InspectResult>;
}

export function Inspector({ inspect }: InspectorProps) {
  const selected = useApp((s) => s.selected);
  const select = useApp((s) => s.select);
  const object = useApp((s) => (s.selected ? objectsOf(s.mirror, s.selected.resource).get(`${s.selected.namespace ?? ''}/${s.selected.name}`) : undefined));
  const [chosen, setTab] = useState<Tab>('Containers');
  const simTime = useApp((s) => s.clock.simTime);
  const [result, setResult] = useState<InspectResult | null>(null);
  // Files change without the pod changing (the kubelet rewrites a volume): the Files view also
  // asks again every second while it is open.
  const filesOpen = chosen === 'Files' && selected?.resource === 'pods';
  const [filesTick, setFilesTick] = useState(0);
  useEffect(() => {
    if (!filesOpen) return;
    const id = setInterval(() => setFilesTick((n) => n + 1), FILES_POLL_MS);
    return () => clearInterval(id);
  }, [filesOpen]);

  useEffect(() => {
    if (!selected) return;
    let cancelled = false;
    const t = setTimeout(() => {
      inspect(selected)
        .then((r) => !cancelled && setResult(r))
        .catch((e: unknown) => !cancelled && setResult({ found: false, yaml: String(e), describe: String(e), events: String(e) }));
    }, result ? REFRESH_MS : 0);
    return () => {
      cancelled = true;
      clearTimeout(t);
    };
    // `object` changes identity whenever the worker reports a new version of it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selected, object, inspect, filesTick]);

  useEffect(() => setResult(null), [selected]);

  useEffect(() => {
    if (!selected) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && select(null);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [selected, select]);

  if (!selected) return null;
  const kind = object?.kind ?? selected.resource;
  // Pods open on their containers; other kinds have no such views.
  const isPod = selected.resource === 'pods';
  const podOnly = (t: Tab) => t === 'Containers' || t === 'Files';
  const tabs = TABS.filter((t) => !podOnly(t) || isPod);
  const tab: Tab = podOnly(chosen) && !isPod ? 'YAML' : chosen;
  const text = !result ? 'Loading…' : tab === 'YAML' ? result.yaml : tab === 'Describe' ? result.describe : tab === 'Events' ? result.events : '';
  // Events as a table whose messages wrap: the panel is narrower than kubectl's one-line rows.
  const table = result && tab === 'Events' ? parseColumns(text) : null;
  return (
    <aside id="kp-inspector" className="kp-inspector" aria-label="Inspector">
      <header className="kp-inspector-head">
        <div>
          <div className="kp-inspector-kind">{kind}</div>
          <h2 className="kp-inspector-name">
            {selected.namespace ? <span className="kp-muted">{selected.namespace}/</span> : null}
            {selected.name}
          </h2>
          {!object && result && <div className="kp-gone">This object no longer exists.</div>}
          {result?.nextRun && <NextRun at={result.nextRun} simTime={simTime} />}
        </div>
        <button type="button" className="kp-icon-btn" aria-label="Close inspector" onClick={() => select(null)}>
          ✕
        </button>
      </header>
      <div className="kp-tabs" role="tablist" aria-label="Inspector views">
        {tabs.map((t) => (
          <button key={t} type="button" role="tab" aria-selected={tab === t} className="kp-tab" onClick={() => setTab(t)}>
            {t}
          </button>
        ))}
      </div>
      {tab === 'Containers' && result?.containers ? (
        <ContainerCards containers={result.containers} simTime={simTime} />
      ) : tab === 'Files' && result ? (
        <VolumeFiles volumes={result.volumes ?? []} />
      ) : table ? (
        <div className="kp-inspector-body kp-inspector-table" role="tabpanel" aria-label={tab} tabIndex={0}>
          <table aria-label="Events">
            <thead>
              <tr>
                {table.headers.map((h) => (
                  <th key={h} scope="col">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row, i) => (
                <tr key={i}>
                  {row.map((cell, j) => (
                    <td key={j}>{cell}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <pre className="kp-inspector-body" role="tabpanel" aria-label={tab} tabIndex={0}>
          {text}
        </pre>
      )}
    </aside>
  );
}

/** A CronJob's next run: the time, and how far ahead of the virtual clock it is. */
function NextRun({ at, simTime }: { at: string; simTime: number }) {
  const ms = Date.parse(at) - simTime;
  const s = Math.max(0, Math.round(ms / 1000));
  const inText = s < 120 ? `${s}s` : s < 7200 ? `${Math.round(s / 60)}m` : `${Math.round(s / 3600)}h`;
  return (
    <div className="kp-next-run" data-testid="next-run">
      Next run: <time dateTime={at}>{at.replace('T', ' ').replace('Z', ' UTC')}</time> (in {inText})
    </div>
  );
}
