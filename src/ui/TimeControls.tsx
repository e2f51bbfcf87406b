/** Pause/Play, Step, Speed and Reset, with the virtual clock ticking between worker reports. */
import { useEffect, useState } from 'react';
import { isSpeed, SPEEDS, type Command } from '../worker/protocol';
import { clockText, speedText } from './format';
import { currentSimTime, useApp } from './store';

export interface TimeControlsProps {
  send: (command: Command) => void;
  onReset: () => void;
}

export function TimeControls({ send, onReset }: TimeControlsProps) {
  const clock = useApp((s) => s.clock);
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    if (clock.paused) return;
    const t = setInterval(() => setNow(performance.now()), 250);
    return () => clearInterval(t);
  }, [clock.paused]);

  const simTime = currentSimTime(clock, now);
  return (
    <div className="kp-time" role="toolbar" aria-label="Time controls">
      <span className="kp-clock" aria-label="Cluster time" title="Virtual cluster time (UTC)">
        <span className={`kp-clock-dot${clock.paused ? ' kp-clock-paused' : ''}`} aria-hidden="true" />
        {clockText(simTime)}
      </span>
      {clock.paused ? (
        <button type="button" className="kp-btn" aria-label="Play" onClick={() => send({ kind: 'clock', action: 'play' })}>
          <Icon d="M4 2.5v11l9-5.5z" /> Play
        </button>
      ) : (
        <button type="button" className="kp-btn" aria-label="Pause" onClick={() => send({ kind: 'clock', action: 'pause' })}>
          <Icon d="M4 2.5h3v11H4zM9 2.5h3v11H9z" /> Pause
        </button>
      )}
      <button type="button" className="kp-btn" aria-label="Step" title="Advance to the next event (or 1 s)" onClick={() => send({ kind: 'clock', action: 'step' })}>
        <Icon d="M3 2.5v11l7-5.5zM11 2.5h2.5v11H11z" /> Step
      </button>
      <label className="kp-speed">
        Speed
        <select
          aria-label="Speed"
          value={clock.speed}
          onChange={(e) => {
            const speed = Number(e.target.value);
            if (isSpeed(speed)) send({ kind: 'speed', speed });
          }}
        >
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {speedText(s)}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="kp-btn kp-btn-quiet" aria-label="Reset cluster" onClick={onReset}>
        <Icon d="M8 2.5a5.5 5.5 0 1 1-5.2 3.7l1.5.5A4 4 0 1 0 8 4v2L4.8 3.3 8 .5z" /> Reset cluster
      </button>
    </div>
  );
}

function Icon({ d }: { d: string }) {
  return (
    <svg className="kp-icon" viewBox="0 0 16 16" width="13" height="13" aria-hidden="true">
      <path d={d} fill="currentColor" />
    </svg>
  );
}
