/**
 * What the last Step did, under the time controls: "default-scheduler bound Pod web-… to
 * kind-worker2". A live region, so a screen reader reads each step; it goes when time plays again.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import './StepNote.css';
import { useApp } from './store';

/** Lines shown before "+N more": a step usually writes one to three things. */
const SHOWN = 4;

export function StepNote() {
  const note = useApp((s) => s.stepNote);
  const clear = useApp((s) => s.clearStepNote);
  const paused = useApp((s) => s.clock.paused);
  const [expanded, setExpanded] = useState(false);
  useEffect(() => setExpanded(false), [note?.seq]);

  const visible = note !== null && paused;
  const box = useRef<HTMLDivElement>(null);
  // On a phone the note spans the screen under the top bar, however tall the bar has wrapped.
  useLayoutEffect(() => {
    const el = box.current;
    const bar = el?.closest('header') ?? el?.parentElement;
    if (el && bar && visible) el.style.setProperty('--kp-step-top', `${bar.getBoundingClientRect().bottom + 8}px`);
  }, [visible, note?.seq]);
  const lines = visible ? (expanded ? note.lines : note.lines.slice(0, SHOWN)) : [];
  const more = visible ? note.lines.length - lines.length : 0;
  return (
    <div ref={box} className="kp-step-note" role="status" aria-label="What the step did" hidden={!visible} data-step={note?.seq}>
      {visible && (
        <>
          <div className="kp-step-head">
            <span className="kp-step-title">{title(note.lines.length, note.second, note.simTime)}</span>
            <button type="button" className="kp-step-close" aria-label="Dismiss step note" onClick={clear}>
              ×
            </button>
          </div>
          {lines.length > 0 && (
            <ul className="kp-step-lines">
              {lines.map((line, i) => (
                <li key={i}>
                  <Line text={line} />
                </li>
              ))}
            </ul>
          )}
          {(more > 0 || expanded) && (
            <button type="button" className="kp-step-more" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
              {expanded ? 'Show fewer' : `+${more} more`}
            </button>
          )}
        </>
      )}
    </div>
  );
}

function title(count: number, second: boolean, simTime: number): string {
  const at = preciseTime(simTime);
  if (second) return count ? `Ran on to ${at} · ${count} ${count === 1 ? 'change' : 'changes'}` : `Ran on to ${at} · nothing happened`;
  return count ? `Step · ${at}` : `Step · ${at} · nothing to do: the cluster is idle`;
}

/** `09:10:00.639`: steps often fall within one second, so the note shows milliseconds. */
function preciseTime(simTime: number): string {
  return new Date(simTime).toISOString().slice(11, 23);
}

/** The component in bold: `kubelet (kind-worker2)` or `replicaset-controller`, then what it did. */
function Line({ text }: { text: string }) {
  const m = /^(kubelet \([^)]*\)|\S+) (.*)$/.exec(text);
  if (!m) return <>{text}</>;
  return (
    <>
      <strong>{m[1]}</strong> {m[2]}
    </>
  );
}
