import type { RoutingPreviewInput, Task, TaskStatus } from '@patchbay/shared';
import { canChangeTaskStatus } from '@patchbay/shared/domain/permissions';
import { TASK_STATUSES } from '@patchbay/shared/domain/roles';
import { useCallback, useMemo, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useApi } from '../api/api-context';
import { ApiError } from '../api/http';
import { useStudio, useTaskKinds } from '../api/queries';
import { sessionScope, taskScope } from '../auth/access';
import { useMe, usePermissions } from '../auth/auth-context';
import { tasksByStatus } from '../board/board-state';
import { useLiveBoard } from '../board/use-live-board';
import { useTaskActions } from '../board/use-task-actions';
import { AssignDialog } from '../components/assign-dialog';
import { BoardColumn } from '../components/board-column';
import { BoardHeader } from '../components/board-header';
import { NewTaskForm } from '../components/new-task-form';
import { useNotices } from '../components/notices';
import { PageError, PageLoading } from '../components/page-state';
import type { TaskCardAbilities } from '../components/task-card';
import { kindLabel as labelOfKind } from '../lib/labels';
import './board-page.css';

export function BoardPage() {
  const { sessionId } = useParams();
  if (!sessionId) return null;
  // A new board for each session: fresh state, fresh subscription.
  return <Board key={sessionId} sessionId={sessionId} />;
}

function Board({ sessionId }: { sessionId: string }) {
  const api = useApi();
  const me = useMe();
  const permissions = usePermissions();
  const board = useLiveBoard(sessionId);
  // Guests may not read the studio (members, projects); they do not need it on a board.
  const studio = useStudio({ enabled: permissions.can('studio.view') });
  const kinds = useTaskKinds();
  const actions = useTaskActions(sessionId, board.dispatch);
  const { notify } = useNotices();
  const [formOpen, setFormOpen] = useState(false);
  const [focusTaskId, setFocusTaskId] = useState<string | null>(null);
  const [assigning, setAssigning] = useState<Task | null>(null);
  const newTaskButton = useRef<HTMLButtonElement>(null);

  const tasks = board.state?.tasks;
  const columns = useMemo(() => tasksByStatus(tasks?.values() ?? []), [tasks]);
  const kindLabel = useCallback((key: string) => labelOfKind(key, kinds.data), [kinds.data]);
  const clearFocus = useCallback(() => setFocusTaskId(null), []);
  const timeZone = me.studio.timezone;

  const session = board.state?.session;
  const scope = useMemo(
    () => (session ? sessionScope(me.member.id, session, tasks?.values() ?? [], studio.data?.projects) : {}),
    [me.member.id, session, tasks, studio.data?.projects],
  );
  const { role } = permissions;
  const abilitiesFor = useCallback(
    (task: Task): TaskCardAbilities => ({
      move: canChangeTaskStatus(role, taskScope(me.member.id, scope, task)),
      delete: permissions.can('tasks.edit', scope),
      assign: permissions.can('tasks.assign', scope),
    }),
    [role, me.member.id, scope, permissions],
  );
  const canCreate = permissions.can('tasks.create', scope);

  const { move, remove, reroute } = actions;
  const onMove = useCallback(
    (task: Task, status: TaskStatus) => {
      // Keyboard focus follows the card to its new column once the move is saved.
      void move(task, status).then(() => setFocusTaskId(task.id));
    },
    [move],
  );
  const onDelete = useCallback(
    (task: Task) => {
      void remove(task).then(() => document.getElementById(`column-${task.status}`)?.focus());
    },
    [remove],
  );
  const onReroute = useCallback((task: Task) => void reroute(task), [reroute]);
  const previewRouting = useCallback(
    (input: RoutingPreviewInput, signal: AbortSignal) => api.previewRouting(sessionId, input, signal),
    [api, sessionId],
  );
  const checkAssignment = useCallback(
    (taskId: string, memberId: string, signal: AbortSignal) => api.checkAssignment(taskId, memberId, signal),
    [api],
  );

  if (!board.state) {
    if (board.loadError) {
      const missing = board.loadError instanceof ApiError && board.loadError.code === 'NOT_FOUND';
      const forbidden = board.loadError instanceof ApiError && board.loadError.code === 'FORBIDDEN';
      return (
        <PageError
          title={missing ? 'This session does not exist' : forbidden ? 'This board is not open to you' : "Couldn't load this session"}
          error={
            missing
              ? new Error('It may have been deleted, or the link is wrong.')
              : forbidden
                ? new Error('You can see the boards of sessions you work on. Ask the session’s producer if you need this one.')
                : board.loadError
          }
          action={
            <Link to="/" className="button">
              Back to sessions
            </Link>
          }
        />
      );
    }
    return <PageLoading label="Loading the board…" />;
  }

  const total = board.state.tasks.size;
  const done = columns.DONE.length;
  const closeForm = () => {
    setFormOpen(false);
    newTaskButton.current?.focus();
  };
  // The task as it is now (it may have changed while the dialog was open).
  const assigningNow = assigning ? (board.state.tasks.get(assigning.id) ?? null) : null;

  return (
    <div className="board-page">
      <title>{`${board.state.session.title} · Patchbay`}</title>
      <BoardHeader
        session={board.state.session}
        timeZone={timeZone}
        live={board.live}
        liveDetail={board.liveDetail}
        done={done}
        total={total}
        actions={
          canCreate ? (
            <button
              ref={newTaskButton}
              type="button"
              className="button button--primary"
              aria-expanded={formOpen}
              onClick={() => (formOpen ? closeForm() : setFormOpen(true))}
            >
              <span aria-hidden="true">+</span> New task
            </button>
          ) : null
        }
      />

      {formOpen && canCreate ? (
        <NewTaskForm
          kinds={kinds.data}
          members={studio.data?.members ?? []}
          onCreate={actions.create}
          previewRouting={previewRouting}
          previewKey={board.state.seq + board.state.tasks.size}
          onCreated={(task) =>
            notify({
              tone: 'success',
              title: `Added “${task.title}”${task.assignee ? ` for ${task.assignee.name}` : ''}.`,
              message: task.routingReason,
            })
          }
          onClose={closeForm}
        />
      ) : null}

      <div className="board-columns">
        {TASK_STATUSES.map((status) => (
          <BoardColumn
            key={status}
            status={status}
            tasks={columns[status]}
            kindLabel={kindLabel}
            busy={actions.busy}
            flashed={board.flashed}
            focusTaskId={focusTaskId}
            abilitiesFor={abilitiesFor}
            timeZone={timeZone}
            onFocused={clearFocus}
            onMove={onMove}
            onDelete={onDelete}
            onAssign={setAssigning}
            onReroute={onReroute}
          />
        ))}
      </div>

      {assigningNow ? (
        <AssignDialog
          key={assigningNow.id}
          task={assigningNow}
          members={studio.data?.members ?? []}
          check={checkAssignment}
          onAssign={actions.assign}
          onClose={() => setAssigning(null)}
        />
      ) : null}
    </div>
  );
}
