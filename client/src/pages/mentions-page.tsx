import type { Mention } from '@patchbay/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useApi } from '../api/api-context';
import { queryKeys, useMentions } from '../api/queries';
import { useMe } from '../auth/auth-context';
import { MentionText } from '../comments/mention-text';
import { PageError, PageLoading } from '../components/page-state';
import { formatInstant } from '../lib/format';
import './mentions-page.css';

/** Comments that named the signed-in member: where, by whom, what was said; read or not. */
export function MentionsPage() {
  const me = useMe();
  const api = useApi();
  const queryClient = useQueryClient();
  const mentions = useMentions({ enabled: true });
  const read = useMutation({
    mutationFn: (ids?: string[]) => api.readMentions(ids),
    onSuccess: (list) => queryClient.setQueryData(queryKeys.mentions, list),
  });
  const timeZone = me.studio.timezone;
  const list = mentions.data?.mentions ?? [];
  const unread = mentions.data?.unread ?? 0;

  return (
    <div className="mentions-page">
      <title>Mentions · Patchbay</title>
      <div className="page-heading">
        <div>
          <h1 className="page-heading__title">Mentions</h1>
          <p className="page-heading__sub">Comments on tasks that name you{unread > 0 ? ` · ${unread} unread` : ''}</p>
        </div>
        {unread > 0 ? (
          <button type="button" className="button" disabled={read.isPending} onClick={() => read.mutate(undefined)}>
            Mark all as read
          </button>
        ) : null}
      </div>
      {mentions.isPending ? (
        <PageLoading label="Loading your mentions…" />
      ) : mentions.isError && !mentions.data ? (
        <PageError
          title="Couldn't load your mentions"
          error={mentions.error}
          action={
            <button type="button" className="button" onClick={() => void mentions.refetch()}>
              Try again
            </button>
          }
        />
      ) : list.length === 0 ? (
        <p className="mentions-page__empty">Nobody has named you in a comment yet. When someone writes “@{me.member.name}” on a task, it shows here.</p>
      ) : (
        <ol className="mentions-page__list">
          {list.map((m) => (
            <MentionItem key={m.id} mention={m} timeZone={timeZone} onOpen={() => (m.readAt ? undefined : read.mutate([m.id]))} />
          ))}
        </ol>
      )}
    </div>
  );
}

function MentionItem({ mention, timeZone, onOpen }: { mention: Mention; timeZone: string; onOpen: () => void }) {
  const { comment, task, session } = mention;
  return (
    <li className={mention.readAt ? 'mention' : 'mention mention--unread'}>
      <p className="mention__head">
        <strong>{comment.author?.name ?? 'Someone who left'}</strong> on <span className="mention__task">“{task.title}”</span> in {session.title}
        <time className="mention__time" dateTime={comment.createdAt}>
          {formatInstant(comment.createdAt, timeZone)}
        </time>
        {mention.readAt ? null : <span className="mention__new">New</span>}
      </p>
      <p className="mention__body">
        <MentionText body={comment.body} mentions={comment.mentions} />
      </p>
      <p>
        <Link to={`/sessions/${session.id}?q=${encodeURIComponent(task.title)}`} className="mention__open" onClick={onOpen}>
          Open the task on the board
        </Link>
      </p>
    </li>
  );
}
