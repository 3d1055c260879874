import type { Session, Studio } from '@patchbay/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useApi } from '../api/api-context';
import { queryKeys, useSessions } from '../api/queries';
import { useMe, usePermissions } from '../auth/auth-context';
import { BookSessionForm } from '../components/book-session-form';
import { useNotices } from '../components/notices';
import { PageError, PageLoading } from '../components/page-state';
import { SessionStatusBadge } from '../components/status-badge';
import { plural } from '../lib/labels';
import { formatDay, formatWindow, startOfDayIso } from '../lib/time';
import { bookableProjectIds } from '../pages/sessions-page';
import { ConfirmAction, TabToolbar } from './common';

/** Sessions from today on: book, change (time, room, people, status) and delete. */
export function SessionsTab({ studio }: { studio: Studio }) {
  const api = useApi();
  const me = useMe();
  const permissions = usePermissions();
  const queryClient = useQueryClient();
  const { notify } = useNotices();
  const timeZone = studio.timezone;
  const query = useMemo(() => ({ from: startOfDayIso(timeZone) }), [timeZone]);
  const sessions = useSessions(query);
  const [editing, setEditing] = useState<Session | 'new' | null>(null);
  const bookable = bookableProjectIds(studio, me.member.id, permissions);

  const refresh = async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.allSessions }),
      queryClient.invalidateQueries({ queryKey: queryKeys.allWorkload }),
    ]);
  };
  const canEdit = (s: Session) =>
    permissions.can('sessions.edit', {
      leadsProject: studio.projects.find((p) => p.id === s.project.id)?.leadProducerId === me.member.id,
      staffsSession: s.producer?.id === me.member.id || s.engineer?.id === me.member.id,
    });

  if (sessions.isPending) return <PageLoading label="Loading sessions…" />;
  if (sessions.isError && !sessions.data) return <PageError title="Couldn't load sessions" error={sessions.error} />;
  const list = [...sessions.data].sort((a, b) => a.startsAt.localeCompare(b.startsAt));

  return (
    <>
      <TabToolbar summary={`${plural(list.length, 'session')} from today on`}>
        {bookable.length > 0 ? (
          <button type="button" className="button button--primary button--small" disabled={editing === 'new'} onClick={() => setEditing('new')}>
            <span aria-hidden="true">+</span> Book session
          </button>
        ) : null}
      </TabToolbar>
      {editing ? (
        <BookSessionForm
          key={editing === 'new' ? 'new' : editing.id}
          studio={studio}
          projectIds={bookable}
          session={editing === 'new' ? undefined : editing}
          onCreate={(input) => api.createSession(input)}
          onUpdate={(id, patch) => api.updateSession(id, patch)}
          onSaved={(saved) => {
            setEditing(null);
            void refresh();
            notify({ tone: 'success', title: `${editing === 'new' ? 'Booked' : 'Saved'} “${saved.title}”.` });
          }}
          onCancel={() => setEditing(null)}
        />
      ) : null}
      <div className="table-wrap">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Session</th>
              <th scope="col">When</th>
              <th scope="col">Room</th>
              <th scope="col">People</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.map((s) => (
              <tr key={s.id}>
                <th scope="row">
                  <Link to={`/sessions/${s.id}`} className="data-table__primary">
                    {s.title}
                  </Link>
                  <span className="data-table__secondary">
                    {s.project.artist} – {s.project.title}
                  </span>
                </th>
                <td>
                  <span className="data-table__primary">{formatDay(new Date(s.startsAt), timeZone)}</span>
                  <span className="data-table__secondary data-table__mono">{formatWindow(new Date(s.startsAt), new Date(s.endsAt), timeZone)}</span>
                </td>
                <td>{s.room.name}</td>
                <td>
                  <span className="data-table__secondary">Producer: {s.producer?.name ?? 'none'}</span>
                  <span className="data-table__secondary">Engineer: {s.engineer?.name ?? 'none'}</span>
                </td>
                <td>
                  <SessionStatusBadge status={s.status} />
                </td>
                <td className="data-table__actions">
                  {canEdit(s) ? (
                    <>
                      <button type="button" className="button button--small" aria-label={`Edit ${s.title}`} onClick={() => setEditing(s)}>
                        Edit
                      </button>
                      <ConfirmAction
                        label={`Delete ${s.title}`}
                        question={`Delete “${s.title}” and its board?`}
                        confirmLabel="Delete"
                        failure={`Couldn't delete “${s.title}”.`}
                        onConfirm={async () => {
                          await api.deleteSession(s.id);
                          await refresh();
                          notify({ tone: 'success', title: `Deleted “${s.title}”.` });
                        }}
                      />
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
