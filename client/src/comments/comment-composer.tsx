import { MENTION_QUERY, type Mentionable } from '@patchbay/shared';
import { COMMENT_MAX } from '@patchbay/shared/domain/task-limits';
import { useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { PausedLine, useBoardPaused } from '../board/board-paused';

import { fold } from '../lib/fold';

/** People whose name (or a word of it) starts with what follows the "@", at most five. */
function suggestionsFor(query: string, people: readonly Mentionable[], meId: string): Mentionable[] {
  const q = fold(query);
  return people
    .filter((p) => p.id !== meId && fold(p.name).split(/\s+/).some((w) => w.startsWith(q)))
    .sort((a, b) => a.name.localeCompare(b.name))
    .slice(0, 5);
}

/**
 * Writing a comment: "@" and a few letters lists the people who fit (↑ ↓ to choose, Enter or Tab
 * to put the name in, Escape to close the list); Ctrl+Enter (⌘+Enter) posts.
 */
export function CommentComposer({
  label,
  people,
  meId,
  draft,
  onDraft,
  onPost,
}: {
  label: string;
  people: readonly Mentionable[];
  meId: string;
  /** What was being written when the card last left the screen (a move remounts it). */
  draft: string;
  onDraft: (text: string) => void;
  onPost: (body: string) => Promise<boolean>;
}) {
  const id = useId();
  const ref = useRef<HTMLTextAreaElement>(null);
  const [body, setBodyState] = useState(draft);
  const setBody = (text: string) => {
    setBodyState(text);
    onDraft(text);
  };
  const [caret, setCaret] = useState(draft.length);
  const [active, setActive] = useState(0);
  const [closed, setClosed] = useState(false);
  const [posting, setPosting] = useState(false);
  const paused = useBoardPaused();
  /** Where the caret goes once a picked name is in the text (before the next key is typed). */
  const caretAfterPick = useRef<number | null>(null);
  useLayoutEffect(() => {
    const at = caretAfterPick.current;
    if (at === null) return;
    caretAfterPick.current = null;
    ref.current?.setSelectionRange(at, at);
  });

  const query = useMemo(() => MENTION_QUERY.exec(body.slice(0, caret))?.[1] ?? null, [body, caret]);
  const options = useMemo(() => (query === null || closed ? [] : suggestionsFor(query, people, meId)), [query, closed, people, meId]);
  const open = options.length > 0;
  const current = open ? options[Math.min(active, options.length - 1)] : undefined;

  const pick = (person: Mentionable) => {
    const before = body.slice(0, caret).replace(/@[\p{L}\p{N}'’-]*$/u, `@${person.name} `);
    const next = before + body.slice(caret);
    setBody(next);
    setCaret(before.length);
    setActive(0);
    caretAfterPick.current = before.length;
    ref.current?.focus();
  };
  const post = async () => {
    const text = body.trim();
    if (!text || posting || paused) return;
    setPosting(true);
    const ok = await onPost(text);
    setPosting(false);
    if (ok) {
      setBody('');
      setCaret(0);
    }
    ref.current?.focus();
  };

  return (
    <div className="comment-composer">
      <label className="visually-hidden" htmlFor={`${id}-text`}>
        {label}
      </label>
      <textarea
        ref={ref}
        id={`${id}-text`}
        className="input comment-composer__text"
        rows={2}
        maxLength={COMMENT_MAX}
        placeholder="Comment… (@ to name someone)"
        value={body}
        aria-autocomplete="list"
        aria-describedby={`${id}-keys`}
        aria-controls={open ? `${id}-people` : undefined}
        aria-activedescendant={current ? `${id}-person-${current.id}` : undefined}
        onChange={(e) => {
          setBody(e.target.value);
          setCaret(e.target.selectionStart);
          setClosed(false);
          setActive(0);
        }}
        onSelect={(e) => setCaret(e.currentTarget.selectionStart)}
        onKeyDown={(e) => {
          if (open && current) {
            if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
              e.preventDefault();
              setActive((i) => (i + (e.key === 'ArrowDown' ? 1 : options.length - 1)) % options.length);
              return;
            }
            if ((e.key === 'Enter' && !e.ctrlKey && !e.metaKey && !e.nativeEvent.isComposing) || e.key === 'Tab') {
              e.preventDefault();
              pick(current);
              return;
            }
            if (e.key === 'Escape') {
              // Closes the list, not the dialog or card around it.
              e.preventDefault();
              e.stopPropagation();
              setClosed(true);
              return;
            }
          }
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void post();
          }
        }}
      />
      {open ? (
        <div className="comment-composer__people" id={`${id}-people`} role="listbox" aria-label="People to name">
          {options.map((p) => (
            <div
              key={p.id}
              id={`${id}-person-${p.id}`}
              role="option"
              aria-selected={p === current}
              className={p === current ? 'comment-composer__person comment-composer__person--active' : 'comment-composer__person'}
              // Chosen from the text box (its arrows and Enter); the pointer keeps the focus there.
              tabIndex={-1}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(p)}
              // Kept for a keyboard that does reach the option (a screen reader's own cursor).
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') pick(p);
              }}
            >
              {p.name}
            </div>
          ))}
        </div>
      ) : null}
      {/* Read out as the list opens and narrows: the list itself is not focused. */}
      <p className="visually-hidden" role="status">
        {open ? `${options.length === 1 ? '1 person' : `${options.length} people`} to name: ${current?.name}. Up and down to choose, Enter to name, Escape to close.` : ''}
      </p>
      <PausedLine paused={paused} what="Posting" />
      <div className="comment-composer__actions">
        <span className="comment-composer__keys" id={`${id}-keys`}>
          Ctrl+Enter posts
        </span>
        <button type="button" className="button button--small" disabled={posting || paused || body.trim() === ''} onClick={() => void post()}>
          {posting ? 'Posting…' : 'Post'}
        </button>
      </div>
    </div>
  );
}
