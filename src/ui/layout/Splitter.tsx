/**
 * A draggable, keyboard-operable boundary between two panels (WAI-ARIA "window splitter"):
 * `role="separator"` with its value in pixels; arrows move it, Home/End go to the limits.
 * `value` is the size of the panel the splitter resizes; `grows` says which way the pointer or
 * arrow moves to make that panel bigger (a right-hand panel grows as the boundary moves left).
 */
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';

export interface SplitterProps {
  label: string;
  /** 'vertical': a vertical bar between left and right panels; 'horizontal': between top and bottom. */
  orientation: 'vertical' | 'horizontal';
  value: number;
  min: number;
  max: number;
  grows: 'right' | 'left' | 'down' | 'up';
  onChange: (value: number) => void;
  /** The id of the panel it resizes. */
  controls?: string;
}

const KEY_STEP = 24;

export function Splitter({ label, orientation, value, min, max, grows, onChange, controls }: SplitterProps) {
  const drag = useRef<{ start: number; value: number } | null>(null);
  const sign = grows === 'right' || grows === 'down' ? 1 : -1;
  const clamp = (v: number) => Math.round(Math.min(max, Math.max(min, v)));
  const coord = (e: PointerEvent) => (orientation === 'vertical' ? e.clientX : e.clientY);

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { start: coord(e), value };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (!drag.current) return;
    onChange(clamp(drag.current.value + sign * (coord(e) - drag.current.start)));
  };
  const onPointerUp = () => {
    drag.current = null;
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const back = orientation === 'vertical' ? 'ArrowLeft' : 'ArrowUp';
    const forward = orientation === 'vertical' ? 'ArrowRight' : 'ArrowDown';
    let next: number | null = null;
    if (e.key === forward) next = value + sign * KEY_STEP;
    else if (e.key === back) next = value - sign * KEY_STEP;
    else if (e.key === 'Home') next = min;
    else if (e.key === 'End') next = max;
    if (next === null) return;
    e.preventDefault();
    onChange(clamp(next));
  };

  return (
    <div
      className={`kp-splitter kp-splitter-${orientation}`}
      role="separator"
      tabIndex={0}
      aria-label={label}
      aria-orientation={orientation}
      aria-valuenow={Math.round(value)}
      aria-valuemin={Math.round(min)}
      aria-valuemax={Math.round(max)}
      aria-controls={controls}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
    />
  );
}
