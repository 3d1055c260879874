import { useEffect, useId, useRef, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { PausedLine } from '../board/board-paused';
import './dialog.css';

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A modal dialog: labelled by its title, focus moves in on open and back to where it was on
 * close, Tab stays inside, Escape and the backdrop close it.
 */
export function Dialog({
  title,
  description,
  onClose,
  children,
  footer,
  className,
  paused,
}: {
  title: ReactNode;
  description?: ReactNode;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
  className?: string;
  /** A dialog that saves to a board says above its footer while the board is paused (see BoardPaused). */
  paused?: boolean;
}) {
  const id = useId();
  const backdropRef = useRef<HTMLDivElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  });

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const panel = panelRef.current;
    const first = panel?.querySelector<HTMLElement>('[data-autofocus]') ?? panel?.querySelector<HTMLElement>(FOCUSABLE);
    (first ?? panel)?.focus();
    return () => {
      if (!previous?.isConnected) return;
      // The opener may be disabled for a moment (its write still settling): try again next frame.
      if ((previous as HTMLButtonElement).disabled) requestAnimationFrame(() => previous.focus());
      else previous.focus();
    };
  }, []);

  // Escape closes, Tab cycles inside, a press on the backdrop closes (listeners on the DOM nodes).
  useEffect(() => {
    const panel = panelRef.current;
    const backdrop = backdropRef.current;
    if (!panel || !backdrop) return;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        onCloseRef.current();
        return;
      }
      if (e.key !== 'Tab') return;
      const items = [...panel.querySelectorAll<HTMLElement>(FOCUSABLE)];
      const first = items[0];
      const last = items.at(-1);
      if (!first || !last) return;
      if (e.shiftKey && (document.activeElement === first || document.activeElement === panel)) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && document.activeElement === last) {
        e.preventDefault();
        first.focus();
      }
    };
    const onPointerDown = (e: MouseEvent) => {
      if (e.target === backdrop) onCloseRef.current();
    };
    panel.addEventListener('keydown', onKeyDown);
    backdrop.addEventListener('mousedown', onPointerDown);
    return () => {
      panel.removeEventListener('keydown', onKeyDown);
      backdrop.removeEventListener('mousedown', onPointerDown);
    };
  }, []);

  return createPortal(
    <div ref={backdropRef} className="dialog-backdrop">
      <div
        ref={panelRef}
        className={['dialog', className].filter(Boolean).join(' ')}
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        aria-describedby={description ? `${id}-description` : undefined}
        tabIndex={-1}
      >
        <div className="dialog__head">
          <h2 className="dialog__title" id={`${id}-title`}>
            {title}
          </h2>
          <button type="button" className="dialog__close" aria-label="Close" onClick={() => onCloseRef.current()}>
            <span aria-hidden="true">×</span>
          </button>
        </div>
        {description ? (
          <p className="dialog__description" id={`${id}-description`}>
            {description}
          </p>
        ) : null}
        <div className="dialog__body">{children}</div>
        {paused === undefined ? null : <PausedLine paused={paused} />}
        {footer ? <div className="dialog__footer">{footer}</div> : null}
      </div>
    </div>,
    document.body,
  );
}
