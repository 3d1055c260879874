import type { Task, TaskComment } from '@patchbay/shared';
import { useState } from 'react';
import { useBoardPaused } from '../board/board-paused';
import { formatInstant } from '../lib/format';
import { CommentComposer } from './comment-composer';
import { useComments } from './comments-context';
import { MentionText } from './mention-text';
import './comments.css';

/** A task's discussion: the comments, oldest first, and a box to add one. */
export function TaskComments({ task, comments, id }: { task: Task; comments: readonly TaskComment[]; id: string }) {
  const api = useComments();
  /** Comments being taken back (one press each). */
  const [removing, setRemoving] = useState<ReadonlySet<string>>(new Set());
  const paused = useBoardPaused();
  if (!api) return null;
  const title = `“${task.title}”`;
  return (
    <section className="comments" id={id} aria-label={`Comments on ${title}`}>
      {comments.length === 0 ? (
        <p className="comments__none">No comments yet.{api.canComment ? ' Ask or note something here; @name tells that person.' : ''}</p>
      ) : (
        <ol className="comments__list">
          {comments.map((c) => (
            <li key={c.id} className="comment">
              <p className="comment__head">
                <span className="comment__author">{c.author?.id === api.meId ? 'You' : (c.author?.name ?? 'Someone who left')}</span>
                <time className="comment__time" dateTime={c.createdAt}>
                  {formatInstant(c.createdAt, api.timeZone)}
                </time>
                {api.mayTakeBack(c) ? (
                  <button
                    type="button"
                    className="comment__remove"
                    disabled={paused || removing.has(c.id)}
                    onClick={() => {
                      setRemoving((r) => new Set(r).add(c.id));
                      void api.remove(c).finally(() =>
                        setRemoving((r) => {
                          const next = new Set(r);
                          next.delete(c.id);
                          return next;
                        }),
                      );
                    }}
                    aria-label={`Delete the comment by ${c.author?.id === api.meId ? 'you' : (c.author?.name ?? 'someone')} from ${formatInstant(c.createdAt, api.timeZone)}`}
                  >
                    Delete
                  </button>
                ) : null}
              </p>
              <p className="comment__body">
                <MentionText body={c.body} mentions={c.mentions} people={api.people} />
              </p>
              {c.mentions.length > 0 ? <p className="comment__told">Notified: {c.mentions.map((m) => (m.id === api.meId ? 'you' : m.name)).join(', ')}.</p> : null}
            </li>
          ))}
        </ol>
      )}
      {api.canComment ? (
        <CommentComposer
          label={`Comment on ${title}`}
          people={api.people}
          meId={api.meId}
          draft={api.drafts.get(task.id) ?? ''}
          onDraft={(text) => (text ? api.drafts.set(task.id, text) : api.drafts.delete(task.id))}
          onPost={(body) => api.post(task, body)}
        />
      ) : null}
    </section>
  );
}
