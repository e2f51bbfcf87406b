/**
 * Pause/Play, Step, Speed and Reset, with the virtual clock ticking between worker reports.
 * Step runs the cluster's next action; Shift+Step, or Step held for half a second, runs on to
 * the next whole second. What a step did shows in the note under the controls.
 */
import { useEffect, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { isSpeed, SPEEDS, type Command } from '../worker/protocol';
import { clockText, speedText } from './format';
import { StepNote } from './StepNote';
import { currentSimTime, useApp } from './store';

/** How long Step is held before it runs on to the next second. */
export const HOLD_MS = 500;

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
  const step = useStepButton(send);
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
      <button
        type="button"
        className={`kp-btn kp-step-btn${step.holding ? ' kp-step-btn-holding' : ''}`}
        aria-label="Step"
        aria-keyshortcuts="Shift+Enter"
        title="Run the next action: one controller, scheduler or kubelet step (Shift+click, or hold: run on to the next second)"
        {...step.handlers}
      >
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
      <StepNote />
    </div>
  );
}

/** Step's click, Shift+click, long press and Shift+Enter. */
function useStepButton(send: (command: Command) => void) {
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // A long press already ran on to the next second: the click that ends it does nothing more.
  const heldThrough = useRef(false);
  const [holding, setHolding] = useState(false);
  const stopHold = () => {
    if (timer.current !== undefined) clearTimeout(timer.current);
    timer.current = undefined;
    setHolding(false);
  };
  useEffect(() => stopHold, []);
  const stepSecond = () => send({ kind: 'clock', action: 'step-second' });
  return {
    holding,
    handlers: {
      onPointerDown: (e: { button: number }) => {
        if (e.button !== 0) return;
        heldThrough.current = false;
        setHolding(true);
        timer.current = setTimeout(() => {
          timer.current = undefined;
          heldThrough.current = true;
          setHolding(false);
          stepSecond();
        }, HOLD_MS);
      },
      onPointerUp: stopHold,
      onPointerLeave: stopHold,
      onPointerCancel: stopHold,
      onClick: (e: MouseEvent) => {
        if (heldThrough.current) {
          heldThrough.current = false;
          return;
        }
        if (e.shiftKey) stepSecond();
        else send({ kind: 'clock', action: 'step' });
      },
      onKeyDown: (e: KeyboardEvent) => {
        // Keyboard clicks do not carry Shift everywhere: Shift+Enter / Shift+Space is handled here.
        if (e.shiftKey && (e.key === 'Enter' || e.key === ' ')) {
          e.preventDefault();
          stepSecond();
        }
      },
      // A long press on a touch screen opens no menu.
      onContextMenu: (e: MouseEvent) => {
        if (holding || heldThrough.current) e.preventDefault();
      },
    },
  };
}

function Icon({ d }: { d: string }) {
  return (
    <svg className="kp-icon" viewBox="0 0 16 16" width="13" height="13" aria-hidden="true">
      <path d={d} fill="currentColor" />
    </svg>
  );
}
