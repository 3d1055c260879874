import type { Session, Studio } from '@patchbay/shared';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { useApi } from '../api/api-context';
import { queryKeys, useSessions } from '../api/queries';
import { useMe, usePermissions } from '../auth/auth-context';
import { BookSessionForm } from '../components/book-session-form';
import { PageError, PageLoading } from '../components/page-state';
import { SessionStatusBadge } from '../components/status-badge';
import { plural } from '../lib/labels';
import { formatDay, formatWindow, startOfDayIso } from '../lib/time';
import { bookableProjectIds } from '../pages/sessions-page';
import { useRefreshAndNotify } from './common';
import { DeleteAction, EditButton, EditableTable } from './editable-table';

/** Sessions from today on: book, change (time, room, people, status) and delete. */
export function SessionsTab({ studio }: { studio: Studio }) {
  const api = useApi();
  const me = useMe();
  const permissions = usePermissions();
  const { refresh, announce, notify } = useRefreshAndNotify(queryKeys.allSessions, queryKeys.allWorkload);
  const timeZone = studio.timezone;
  const query = useMemo(() => ({ from: startOfDayIso(timeZone) }), [timeZone]);
  const sessions = useSessions(query);
  const bookable = bookableProjectIds(studio, me.member.id, permissions);

  const canEdit = (s: Session) =>
    permissions.can('sessions.edit', {
      leadsProject: studio.projects.find((p) => p.id === s.project.id)?.leadProducerId === me.member.id,
      staffsSession: s.producer?.id === me.member.id || s.engineer?.id === me.member.id,
    });

  if (sessions.isPending) return <PageLoading label="Loading sessions…" />;
  if (sessions.isError && !sessions.data) return <PageError title="Couldn't load sessions" error={sessions.error} />;
  const list = [...sessions.data].sort((a, b) => a.startsAt.localeCompare(b.startsAt));

  return (
    <EditableTable
      summary={`${plural(list.length, 'session')} from today on`}
      addLabel="Book session"
      canAdd={bookable.length > 0}
      columns={['Session', 'When', 'Room', 'People', 'Status']}
      items={list}
      itemKey={(s) => s.id}
      renderForm={(session, done) => (
        <BookSessionForm
          studio={studio}
          projectIds={bookable}
          session={session ?? undefined}
          onCreate={(input) => api.createSession(input)}
          onUpdate={(id, patch) => api.updateSession(id, patch)}
          onSaved={(saved) => {
            done();
            void refresh();
            notify({ tone: 'success', title: `${session ? 'Saved' : 'Booked'} “${saved.title}”.` });
          }}
          onCancel={done}
        />
      )}
      renderRow={(s, edit) => (
        <>
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
                <EditButton name={s.title} onEdit={edit} />
                <DeleteAction
                  name={s.title}
                  shown={`“${s.title}”`}
                  question={`Delete “${s.title}” and its board?`}
                  onDelete={async () => {
                    await api.deleteSession(s.id);
                    await announce(`Deleted “${s.title}”.`);
                  }}
                />
              </>
            ) : null}
          </td>
        </>
      )}
    />
  );
}
