import { createContext, use, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import './notices.css';

export type NoticeTone = 'error' | 'warning' | 'success' | 'info';

export interface Notice {
  id: number;
  tone: NoticeTone;
  title: string;
  message?: string;
}

export interface NoticeInput {
  tone: NoticeTone;
  title: string;
  message?: string;
}

interface NoticesApi {
  notify(notice: NoticeInput): void;
}

const NoticesContext = createContext<NoticesApi | null>(null);

/** How long a notice stays; errors and warnings stay until dismissed or replaced by more. */
const AUTO_DISMISS_MS: Record<NoticeTone, number | null> = { success: 4_000, info: 6_000, warning: 12_000, error: null };
const MAX_NOTICES = 4;

export function NoticesProvider({ children }: { children: ReactNode }) {
  const [notices, setNotices] = useState<readonly Notice[]>([]);
  const nextId = useRef(1);
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>());

  const dismiss = useCallback((id: number) => {
    clearTimeout(timers.current.get(id));
    timers.current.delete(id);
    setNotices((prev) => prev.filter((n) => n.id !== id));
  }, []);

  const notify = useCallback(
    (input: NoticeInput) => {
      const id = nextId.current++;
      setNotices((prev) => [...prev, { ...input, id }].slice(-MAX_NOTICES));
      const ms = AUTO_DISMISS_MS[input.tone];
      if (ms !== null) timers.current.set(id, setTimeout(() => dismiss(id), ms));
    },
    [dismiss],
  );

  useEffect(() => {
    const pending = timers.current;
    return () => {
      for (const timer of pending.values()) clearTimeout(timer);
    };
  }, []);

  const api = useMemo(() => ({ notify }), [notify]);
  const urgent = notices.filter((n) => n.tone === 'error' || n.tone === 'warning');
  const calm = notices.filter((n) => n.tone !== 'error' && n.tone !== 'warning');

  return (
    <NoticesContext value={api}>
      {children}
      <div className="notices">
        {/* Two live regions that always exist, so screen readers announce what is added. */}
        <div className="notices__region" role="alert" aria-live="assertive">
          {urgent.map((n) => (
            <NoticeItem key={n.id} notice={n} onDismiss={dismiss} />
          ))}
        </div>
        <div className="notices__region" role="status" aria-live="polite">
          {calm.map((n) => (
            <NoticeItem key={n.id} notice={n} onDismiss={dismiss} />
          ))}
        </div>
      </div>
    </NoticesContext>
  );
}

function NoticeItem({ notice, onDismiss }: { notice: Notice; onDismiss: (id: number) => void }) {
  return (
    <div className={`notice notice--${notice.tone}`}>
      <div className="notice__text">
        <p className="notice__title">{notice.title}</p>
        {notice.message ? <p className="notice__message">{notice.message}</p> : null}
      </div>
      <button type="button" className="notice__close" onClick={() => onDismiss(notice.id)} aria-label={`Dismiss: ${notice.title}`}>
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}

export function useNotices(): NoticesApi {
  const api = use(NoticesContext);
  if (!api) throw new Error('useNotices must be used inside <NoticesProvider>');
  return api;
}
