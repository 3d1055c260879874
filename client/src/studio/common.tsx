import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { errorMessage } from '../api/client';
import { useNotices } from '../components/notices';
// Its toolbar and confirm styles are used on pages outside the studio too (setup list, run sheet, account).
import './studio.css';

/**
 * A button that asks "are you sure?" inline before doing something destructive, then runs
 * `onConfirm` (errors become a notice). Escape or Cancel go back, focus returns to the button.
 */
export function ConfirmAction({
  label,
  question,
  confirmLabel,
  onConfirm,
  failure,
  disabled,
  tone = 'danger',
  quietTrigger = false,
}: {
  /** Accessible name of the first button, e.g. "Delete Live Room A". */
  label: string;
  question: string;
  confirmLabel: string;
  onConfirm: () => Promise<unknown>;
  /** Title of the notice when it fails. */
  failure: string;
  disabled?: boolean;
  tone?: 'danger' | 'plain';
  /** A plain first button (rows with many actions); the confirming one keeps the tone. */
  quietTrigger?: boolean;
}) {
  const { notify } = useNotices();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    if (asking) confirmRef.current?.focus();
    else if (returnFocus.current) {
      returnFocus.current = false;
      triggerRef.current?.focus();
    }
  }, [asking]);

  const cancel = () => {
    returnFocus.current = true;
    setAsking(false);
  };
  const onEscape = (e: KeyboardEvent) => {
    if (e.key === 'Escape') cancel();
  };

  if (!asking) {
    return (
      <button ref={triggerRef} type="button" className={`button button--small${tone === 'danger' && !quietTrigger ? ' button--danger' : ''}`} aria-label={label} disabled={disabled} onClick={() => setAsking(true)}>
        {confirmLabel}
      </button>
    );
  }
  return (
    <span className="confirm-action" role="group" aria-label={question}>
      <span className="confirm-action__question">{question}</span>
      <button
        ref={confirmRef}
        type="button"
        className={`button button--small${tone === 'danger' ? ' button--danger' : ' button--primary'}`}
        disabled={busy}
        onKeyDown={onEscape}
        onClick={() => {
          setBusy(true);
          onConfirm().then(
            () => setAsking(false),
            (err: unknown) => {
              notify({ tone: 'error', title: failure, message: errorMessage(err) });
              setBusy(false);
            },
          );
        }}
      >
        {busy ? 'Working…' : confirmLabel}
      </button>
      <button type="button" className="button button--ghost button--small" onKeyDown={onEscape} onClick={cancel}>
        Cancel
      </button>
    </span>
  );
}

/** The line above a tab's table: what it holds and the "Add" button. */
export function TabToolbar({ summary, children }: { summary: ReactNode; children?: ReactNode }) {
  return (
    <div className="tab-toolbar">
      <p className="tab-toolbar__summary">{summary}</p>
      {children ? <div className="button-row">{children}</div> : null}
    </div>
  );
}

/** "a, b, c" from a comma-separated text, trimmed, without empties or repeats. */
export function splitList(text: string): string[] {
  return [...new Set(text.split(',').map((s) => s.trim()).filter(Boolean))];
}

/** `list` with `value` added, or taken out when it was there (a checkbox's toggle). */
export function toggle<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

/**
 * What follows a write here: `refresh` asks again for the queries under `queryKeys`;
 * `announce` does that, then says `title` (and `message`) in a success notice.
 */
export function useRefreshAndNotify(...queryKeys: QueryKey[]) {
  const queryClient = useQueryClient();
  const { notify } = useNotices();
  const refresh = async () => {
    await Promise.all(queryKeys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
  };
  const announce = async (title: string, message?: string) => {
    await refresh();
    notify({ tone: 'success', title, message });
  };
  return { refresh, announce, notify };
}
