/**
 * A modal question with Cancel and one action (Reset cluster, Start lesson over): the native
 * <dialog> traps focus, closes on Escape and returns focus where it was. Cancel has the focus.
 */
import { useEffect, useRef } from 'react';

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  message: string;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}

export function ConfirmDialog({ open, title, message, confirmLabel, onConfirm, onCancel }: ConfirmDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) d.showModal?.();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog
      ref={dialog}
      className="kp-dialog"
      aria-labelledby="kp-dialog-title"
      aria-describedby="kp-dialog-message"
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      {open && (
        <>
          <h2 id="kp-dialog-title">{title}</h2>
          <p id="kp-dialog-message">{message}</p>
          <div className="kp-dialog__buttons">
            <button type="button" className="kp-btn" onClick={onCancel} autoFocus>
              Cancel
            </button>
            <button type="button" className="kp-btn kp-btn-danger" onClick={onConfirm}>
              {confirmLabel}
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}
