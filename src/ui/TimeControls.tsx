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
          ▶ Play
        </button>
      ) : (
        <button type="button" className="kp-btn" aria-label="Pause" onClick={() => send({ kind: 'clock', action: 'pause' })}>
          ❚❚ Pause
        </button>
      )}
      <button type="button" className="kp-btn" aria-label="Step" title="Advance to the next event (or 1 s)" onClick={() => send({ kind: 'clock', action: 'step' })}>
        ⏭ Step
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
        ↺ Reset cluster
      </button>
    </div>
  );
}
