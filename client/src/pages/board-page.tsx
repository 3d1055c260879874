import type { Task, TaskStatus } from '@patchbay/shared';
import { TASK_STATUSES } from '@patchbay/shared/domain/roles';
import { useCallback, useMemo, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/http';
import { useStudio, useTaskKinds } from '../api/queries';
import { tasksByStatus } from '../board/board-state';
import { useLiveBoard } from '../board/use-live-board';
import { useTaskActions } from '../board/use-task-actions';
import { BoardColumn } from '../components/board-column';
import { BoardHeader } from '../components/board-header';
import { NewTaskForm } from '../components/new-task-form';
import { useNotices } from '../components/notices';
import { PageError, PageLoading } from '../components/page-state';
import { kindLabel as labelOfKind } from '../lib/labels';
import './board-page.css';

export function BoardPage() {
  const { sessionId } = useParams();
  if (!sessionId) return null;
  // A new board for each session: fresh state, fresh subscription.
  return <Board key={sessionId} sessionId={sessionId} />;
}

function Board({ sessionId }: { sessionId: string }) {
  const board = useLiveBoard(sessionId);
  const studio = useStudio();
  const kinds = useTaskKinds();
  const actions = useTaskActions(sessionId, board.dispatch);
  const { notify } = useNotices();
  const [formOpen, setFormOpen] = useState(false);
  const [focusTaskId, setFocusTaskId] = useState<string | null>(null);
  const newTaskButton = useRef<HTMLButtonElement>(null);

  const tasks = board.state?.tasks;
  const columns = useMemo(() => tasksByStatus(tasks?.values() ?? []), [tasks]);
  const kindLabel = useCallback((key: string) => labelOfKind(key, kinds.data), [kinds.data]);
  const clearFocus = useCallback(() => setFocusTaskId(null), []);

  const { move, remove } = actions;
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

  if (!board.state) {
    if (board.loadError) {
      const missing = board.loadError instanceof ApiError && board.loadError.code === 'NOT_FOUND';
      return (
        <PageError
          title={missing ? 'This session does not exist' : "Couldn't load this session"}
          error={missing ? new Error('It may have been deleted, or the link is wrong.') : board.loadError}
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

  const { session } = board.state;
  const total = board.state.tasks.size;
  const done = columns.DONE.length;
  const closeForm = () => {
    setFormOpen(false);
    newTaskButton.current?.focus();
  };

  return (
    <div className="board-page">
      <title>{`${session.title} · Patchbay`}</title>
      <BoardHeader
        session={session}
        timeZone={studio.data?.timezone ?? 'UTC'}
        live={board.live}
        liveDetail={board.liveDetail}
        done={done}
        total={total}
        actions={
          <button
            ref={newTaskButton}
            type="button"
            className="button button--primary"
            aria-expanded={formOpen}
            onClick={() => (formOpen ? closeForm() : setFormOpen(true))}
          >
            <span aria-hidden="true">+</span> New task
          </button>
        }
      />

      {formOpen ? (
        <NewTaskForm
          kinds={kinds.data}
          members={studio.data?.members ?? []}
          onCreate={actions.create}
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
            onFocused={clearFocus}
            onMove={onMove}
            onDelete={onDelete}
          />
        ))}
      </div>
    </div>
  );
}
