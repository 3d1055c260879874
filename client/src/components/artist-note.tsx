import { GUEST_NOTE_MAX } from '@patchbay/shared/api/catalog';
import type { Session } from '@patchbay/shared';
import { useEffect, useId, useRef, useState } from 'react';
import { useApi } from '../api/api-context';
import { ApiError } from '../api/http';
import { PausedLine, useBoardPaused } from '../board/board-paused';
import { useNotices } from './notices';
import './artist-note.css';

/**
 * The producer's note to the artist ("what to bring"), on the session's header. The artist sees
 * exactly this text on their page; nothing else of the board reaches them. Saved with the
 * session (PATCH), so every viewer's board hears of it as a session change.
 */
export function ArtistNote({ session, onSaved }: { session: Pick<Session, 'id' | 'guestNote'>; onSaved?: () => void }) {
  const api = useApi();
  const { notify } = useNotices();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState(session.guestNote);
  const [saving, setSaving] = useState(false);
  const paused = useBoardPaused();
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (open) input.current?.focus();
  }, [open]);
  // Opening starts from the note as it is now (someone else may have changed it).
  const start = () => {
    setDraft(session.guestNote);
    setError(null);
    setOpen(true);
  };
  const cancel = () => {
    setDraft(session.guestNote);
    setOpen(false);
  };

  const save = async () => {
    if (paused) return;
    setSaving(true);
    setError(null);
    try {
      await api.updateSession(session.id, { guestNote: draft });
      notify({ tone: 'success', title: draft.trim() ? 'Note for the artist saved.' : 'Note for the artist removed.' });
      setOpen(false);
      onSaved?.();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Could not save the note. Try again.');
    } finally {
      setSaving(false);
    }
  };

  if (!open) {
    return (
      <div className="artist-note">
        <span className="artist-note__label">Note for the artist</span>
        <span className={session.guestNote ? 'artist-note__text' : 'artist-note__text artist-note__text--none'}>{session.guestNote || 'None yet'}</span>
        <button type="button" className="button button--small" onClick={start}>
          {session.guestNote ? 'Edit note' : 'Add note'}
        </button>
      </div>
    );
  }
  return (
    <form
      className="artist-note artist-note--editing"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label className="artist-note__label" htmlFor={id}>
        Note for the artist
      </label>
      <textarea
        id={id}
        className="artist-note__input"
        value={draft}
        maxLength={GUEST_NOTE_MAX}
        rows={3}
        ref={input}
        onKeyDown={(e) => {
          if (e.key === 'Escape') cancel();
        }}
        placeholder="What to bring, when to arrive, anything to prepare…"
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        aria-invalid={error ? true : undefined}
        onChange={(e) => setDraft(e.target.value)}
      />
      <p className="artist-note__hint" id={`${id}-hint`}>
        Visible to the artist on their page, exactly as written. {draft.length}/{GUEST_NOTE_MAX}
      </p>
      {error ? (
        <p className="artist-note__error" id={`${id}-error`} role="alert">
          {error}
        </p>
      ) : null}
      <PausedLine paused={paused} />
      <div className="artist-note__actions">
        <button type="submit" className="button button--primary button--small" disabled={saving || paused || draft === session.guestNote}>
          {saving ? 'Saving…' : 'Save note'}
        </button>
        <button
          type="button"
          className="button button--small"
          onClick={cancel}
        >
          Cancel
        </button>
      </div>
    </form>
  );
}
