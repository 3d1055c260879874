import type { Member, RoutingPreviewInput, Task, TaskStatus } from '@patchbay/shared';
import { canChangeTaskStatus } from '@patchbay/shared/domain/permissions';
import { mentionableOn } from '@patchbay/shared/domain/mentions';
import { TASK_STATUSES } from '@patchbay/shared/domain/roles';
import { useCallback, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useApi } from '../api/api-context';
import { useStudio, useTaskKinds } from '../api/queries';
import { sessionScope, taskScope } from '../auth/access';
import { useMe, usePermissions } from '../auth/auth-context';
import { BoardDnd } from '../board/board-dnd';
import { BoardPaused } from '../board/board-paused';
import { BoardToolbar } from '../board/board-toolbar';
import { useCardView } from '../board/card-view';
import { CommentsContext } from '../comments/comments-context';
import { useBoardComments } from '../comments/use-board-comments';
import { filterColumns, isFiltering, matchesFilter, type TaskFilter } from '../board/task-filter';
import { FILTER_COUNT_ID } from '../board/board-toolbar';
import { tasksByStatus, type TaskColumns } from '../board/board-state';
import { ShownColumns, type TaskEdits } from '../board/optimistic';
import { useTaskActions, type EditConflict } from '../board/use-task-actions';
import { ActivityPanel } from '../components/activity-panel';
import { ArtistNote } from '../components/artist-note';
import { AssignDialog } from '../components/assign-dialog';
import { BoardColumn } from '../components/board-column';
import { BoardHeader } from '../components/board-header';
import { BlockedReasonDialog } from '../components/blocked-reason-dialog';
import { ConflictDialog } from '../components/conflict-dialog';
import { EditTaskDialog } from '../components/edit-task-dialog';
import { NewTaskForm } from '../components/new-task-form';
import { useNotices } from '../components/notices';
import { PresenceList } from '../components/presence-list';
import { HoldControl } from '../components/hold-control';
import { SessionStatusControl } from '../components/session-status-control';
import type { TaskCardAbilities } from '../components/task-card';
import { kindLabel as labelOfKind } from '../lib/labels';
import { useUrlState } from '../lib/use-url-state';
import { setupProgress } from '@patchbay/shared/domain/setup-progress';
import { SessionTabs, useSessionView } from './session-layout';
import './board-page.css';

const ACTIVITY_OPEN_KEY = 'patchbay:activity-open';

function readActivityOpen(): boolean {
  try {
    return window.localStorage.getItem(ACTIVITY_OPEN_KEY) === 'true';
  } catch {
    return false;
  }
}

function writeActivityOpen(open: boolean): void {
  try {
    window.localStorage.setItem(ACTIVITY_OPEN_KEY, String(open));
  } catch {
    // Private mode or storage off: the panel just starts closed next time.
  }
}

/** The session's task board (the layout above it keeps the board live). */
export function BoardPage() {
  const api = useApi();
  const me = useMe();
  const permissions = usePermissions();
  const { notify } = useNotices();
  const meId = me.member.id;
  const { sessionId, board, activity, onSaved } = useSessionView();
  // Guests may not read the studio (members, projects); they do not need it on a board.
  const studio = useStudio({ enabled: permissions.can('studio.view') });
  const kinds = useTaskKinds();

  const [conflict, setConflict] = useState<EditConflict | null>(null);
  const shownRef = useRef<TaskColumns | null>(null);
  const getColumns = useCallback(() => shownRef.current ?? tasksByStatus([]), []);
  const actions = useTaskActions(sessionId, board.dispatch, { getColumns, onSaved, onConflict: setConflict, afterWrite: board.catchUp });

  const [formOpen, setFormOpen] = useState(false);
  const [focusTaskId, setFocusTaskId] = useState<string | null>(null);
  const [assigning, setAssigning] = useState<Task | null>(null);
  /** The task as it was when its edit dialog opened (the edit is based on its version). */
  const [editing, setEditing] = useState<Task | null>(null);
  /** The task whose "why blocked" is being asked (after a move to Blocked, or from its card). */
  const [explainingId, setExplainingId] = useState<string | null>(null);
  const [activityOpen, setActivityOpen] = useState(readActivityOpen);
  const [seenAt, setSeenAt] = useState(() => new Date().toISOString());
  const newTaskButton = useRef<HTMLButtonElement>(null);
  const activityButton = useRef<HTMLButtonElement>(null);
  const activityId = useId();

  // The board as shown: the reducer's tasks, our writes in flight on top, unchanged columns kept.
  const tasks = board.state?.tasks;
  const base = useMemo(() => tasksByStatus(tasks?.values() ?? []), [tasks]);
  const [shownColumns] = useState(() => new ShownColumns());
  const { overrides } = actions;
  const columns = useMemo(() => shownColumns.compute(base, tasks ?? new Map<string, Task>(), overrides), [shownColumns, base, tasks, overrides]);
  useLayoutEffect(() => {
    shownRef.current = columns;
    shownColumns.prune(overrides);
  });

  const kindLabel = useCallback((key: string) => labelOfKind(key, kinds.data), [kinds.data]);
  // Find and narrow (kept in the URL, so a link or a reload keeps them), and the card view.
  const [params, setParams] = useUrlState({ replace: true });
  const filter = useMemo(() => readFilter(params), [params]);
  const filtering = isFiltering(filter);
  const filterRef = useRef(filter);
  useLayoutEffect(() => {
    filterRef.current = filter;
  });
  const [cardView, setCardView] = useCardView();
  const shownCount = useMemo(() => {
    const shown = filterColumns(columns, filter);
    return TASK_STATUSES.reduce((n, status) => n + shown[status].length, 0);
  }, [columns, filter]);
  const onFilter = (changes: Partial<TaskFilter>) =>
    setParams(Object.fromEntries(Object.entries(changes).map(([key, value]) => [FILTER_PARAMS[key as keyof TaskFilter], value === '' ? null : value])));
  const clearFocus = useCallback(() => setFocusTaskId(null), []);
  const timeZone = me.studio.timezone;

  // Only what decides abilities, so the cards' handlers stay the same while the board changes.
  const session = board.state?.session;
  const { leadsProject, staffsSession, hasTasksInSession } = session ? sessionScope(meId, session, tasks?.values() ?? [], studio.data?.projects) : {};
  const scope = useMemo(() => ({ leadsProject, staffsSession, hasTasksInSession }), [leadsProject, staffsSession, hasTasksInSession]);
  const { role } = permissions;
  const abilitiesFor = useCallback(
    (task: Task): TaskCardAbilities => ({
      move: canChangeTaskStatus(role, taskScope(meId, scope, task)),
      delete: permissions.can('tasks.edit', scope),
      assign: permissions.can('tasks.assign', scope),
      edit: permissions.can('tasks.edit', scope),
    }),
    [role, meId, scope, permissions],
  );
  const canCreate = permissions.can('tasks.create', scope);
  // Who a comment can name: the studio's people who may open this board (the server tells no one else).
  const members = studio.data?.members ?? NO_MEMBERS;
  const leadId = studio.data?.projects.find((p) => p.id === session?.project.id)?.leadProducerId ?? null;
  const assigneeKey = [...new Set([...(tasks?.values() ?? [])].flatMap((t) => (t.assignee ? [t.assignee.id] : [])))].sort().join(',');
  const producerId = session?.producer?.id ?? null;
  const engineerId = session?.engineer?.id ?? null;
  const people = useMemo(
    () => mentionableOn(members, { leadProducerId: leadId, producerId, engineerId, assigneeIds: new Set(assigneeKey.split(',')) }),
    [members, leadId, producerId, engineerId, assigneeKey],
  );
  const commentsApi = useBoardComments(board.dispatch, {
    people,
    meId,
    timeZone: me.studio.timezone,
    canComment: permissions.can('tasks.comment', scope),
    role,
    scope,
  });
  // Without the live channel a write could not be confirmed: the board pauses them and says so.
  const paused = board.live === 'reconnecting' || board.live === 'offline';

  const { move, place, remove, reroute, edit } = actions;
  const onMove = useCallback(
    (task: Task, status: TaskStatus) => {
      // Keyboard focus follows the card to its new column (and back, if the move is refused);
      // a card the filter hides there hands it to the toolbar's count instead.
      if (matchesFilter({ ...task, status }, filterRef.current)) setFocusTaskId(task.id);
      else {
        setFocusTaskId(null);
        document.getElementById(FILTER_COUNT_ID)?.focus();
      }
      void move(task, status).then((ok) => {
        if (!ok) setFocusTaskId(task.id);
        else if (status === 'BLOCKED') setExplainingId(task.id);
      });
    },
    [move],
  );
  const onPlace = useCallback(
    (task: Task, status: TaskStatus, index: number) => {
      void place(task, status, index).then((ok) => {
        if (!ok) setFocusTaskId(task.id);
        else if (status === 'BLOCKED' && task.status !== 'BLOCKED') setExplainingId(task.id);
      });
    },
    [place],
  );
  const onDelete = useCallback(
    (task: Task) => {
      void remove(task).then(() => document.getElementById(`column-${task.status}`)?.focus());
    },
    [remove],
  );
  const onReroute = useCallback((task: Task) => void reroute(task), [reroute]);
  const onSaveEdit = useCallback((task: Task, edits: TaskEdits) => void edit(task, edits), [edit]);
  const onExplain = useCallback((task: Task) => setExplainingId(task.id), []);
  const previewRouting = useCallback(
    (input: RoutingPreviewInput, signal: AbortSignal) => api.previewRouting(sessionId, input, signal),
    [api, sessionId],
  );
  const checkAssignment = useCallback(
    (taskId: string, memberId: string, signal: AbortSignal) => api.checkAssignment(taskId, memberId, signal),
    [api],
  );

  const toggleActivity = (open: boolean) => {
    setActivityOpen(open);
    writeActivityOpen(open);
    setSeenAt(new Date().toISOString());
    if (!open) activityButton.current?.focus();
  };

  const total = board.state.tasks.size;
  const done = columns.DONE.length;
  const closeForm = () => {
    setFormOpen(false);
    newTaskButton.current?.focus();
  };
  // The task as it is now (it may have changed while the dialog was open).
  const assigningNow = assigning ? (board.state.tasks.get(assigning.id) ?? null) : null;
  // Only while it is still blocked (someone may have moved it on meanwhile).
  const explaining = explainingId ? board.state.tasks.get(explainingId) : undefined;
  const explainingNow = explaining?.status === 'BLOCKED' ? explaining : null;
  const unseen = activityOpen ? 0 : activity.entries.filter((e) => e.at > seenAt && e.actor?.id !== meId).length;

  return (
    <BoardPaused value={paused}>
      <div className="board-page">
        <title>{`${board.state.session.title} · Patchbay`}</title>
        <BoardHeader
          session={board.state.session}
          setup={board.state.setup ? setupProgress(board.state.setup.values()) : null}
          tabs={<SessionTabs sessionId={sessionId} setupProgress={board.state.setup ? setupProgress(board.state.setup.values()) : null} />}
          timeZone={timeZone}
          live={board.live}
          liveDetail={board.liveDetail}
          done={done}
          total={total}
          presence={<PresenceList viewers={board.viewers} meId={meId} />}
          statusControl={<SessionStatusControl session={board.state.session} tasks={board.state.tasks} onChanged={board.catchUp} />}
          holdControl={<HoldControl session={board.state.session} tasks={board.state.tasks} timeZone={timeZone} onChanged={board.catchUp} />}
          artistNote={permissions.can('sessions.edit', scope) ? <ArtistNote session={board.state.session} onSaved={board.catchUp} /> : null}
          actions={
            <>
              <button
                ref={activityButton}
                type="button"
                className="button activity-toggle"
                aria-expanded={activityOpen}
                aria-controls={activityOpen ? activityId : undefined}
                onClick={() => toggleActivity(!activityOpen)}
              >
                Activity
                {unseen > 0 ? (
                  <span className="activity-toggle__badge">
                    {unseen}
                    <span className="visually-hidden"> new</span>
                  </span>
                ) : null}
              </button>
              {canCreate ? (
                <button
                  ref={newTaskButton}
                  type="button"
                  className="button button--primary"
                  disabled={paused && !formOpen}
                  aria-expanded={formOpen}
                  onClick={() => (formOpen ? closeForm() : setFormOpen(true))}
                >
                  <span aria-hidden="true">+</span> New task
                </button>
              ) : null}
            </>
          }
        />

        {activityOpen ? <ActivityPanel id={activityId} entries={activity.entries} meId={meId} timeZone={timeZone} onClose={() => toggleActivity(false)} /> : null}

        {formOpen && canCreate ? (
          <NewTaskForm
            kinds={kinds.data}
            members={studio.data?.members ?? []}
            onCreate={actions.create}
            previewRouting={previewRouting}
            previewKey={board.state.seq + board.state.tasks.size}
            session={board.state.session}
            timeZone={timeZone}
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

        {paused ? (
          <div className="board-note board-note--paused" role="note">
            <p>
              <strong>Changes are paused until Patchbay is back.</strong> The connection to the studio’s server is lost, so moves, edits and
              assignments wait; the board catches up by itself when it reconnects, no reload needed.
            </p>
          </div>
        ) : null}

        <BoardNote
          empty={total === 0}
          canCreate={canCreate}
          canChange={canCreate || permissions.can('tasks.edit', scope) || permissions.can('tasks.assign', scope)}
          setupPath={board.state.setup ? `/sessions/${sessionId}/setup` : null}
          onNewTask={() => setFormOpen(true)}
        />

        {total > 0 ? (
          <BoardToolbar
            tasks={board.state.tasks}
            filter={filter}
            onFilter={onFilter}
            kindLabel={kindLabel}
            meId={meId}
            shown={shownCount}
            view={cardView}
            onView={setCardView}
          />
        ) : null}

        <CommentsContext value={commentsApi}>
          <BoardDnd columns={columns} kindLabel={kindLabel} onPlace={onPlace}>
            {(dragged, dropTarget) => {
              const shown = filterColumns(dragged, filter);
              return (
                <div className={filter.status ? 'board-columns board-columns--single' : 'board-columns'}>
                  {TASK_STATUSES.filter((status) => !filter.status || status === filter.status).map((status) => (
                    <BoardColumn
                      key={status}
                      status={status}
                      tasks={shown[status]}
                      kindLabel={kindLabel}
                      busy={actions.busy}
                      paused={paused}
                      compact={cardView === 'compact'}
                      comments={board.state.comments}
                      filtered={filtering}
                      flashed={board.flashed}
                      focusTaskId={focusTaskId}
                      abilitiesFor={abilitiesFor}
                      dropTarget={dropTarget === status}
                      timeZone={timeZone}
                      onFocused={clearFocus}
                      onMove={onMove}
                      onDelete={onDelete}
                      onAssign={setAssigning}
                      onReroute={onReroute}
                      onEdit={setEditing}
                      onExplain={onExplain}
                    />
                  ))}
                </div>
              );
            }}
          </BoardDnd>
        </CommentsContext>

        {assigningNow ? (
          <AssignDialog
            key={assigningNow.id}
            task={assigningNow}
            members={studio.data?.members ?? []}
            session={board.state.session}
            check={checkAssignment}
            onAssign={actions.assign}
            onClose={() => setAssigning(null)}
          />
        ) : null}

        {editing ? (
          <EditTaskDialog
            key={editing.id}
            task={editing}
            live={board.state.tasks.get(editing.id) ?? null}
            timeZone={timeZone}
            session={board.state.session}
            onSave={onSaveEdit}
            onClose={() => setEditing(null)}
          />
        ) : null}

        {explainingNow ? (
          <BlockedReasonDialog
            key={explainingNow.id}
            task={explainingNow}
            onSave={(reason) => {
              // On the newest version we hold when it is saved.
              const latest = board.state?.tasks.get(explainingNow.id) ?? explainingNow;
              void edit(latest, { blockedReason: reason });
            }}
            onClose={() => setExplainingId(null)}
          />
        ) : null}

        {conflict ? (
          <ConflictDialog
            key={`${conflict.current.id}@${conflict.current.version}`}
            conflict={conflict}
            timeZone={timeZone}
            onKeepTheirs={() => setConflict(null)}
            onReapply={(c) => {
              setConflict(null);
              // On the newest version we hold (it may have moved on again while the dialog was open).
              const latest = board.state?.tasks.get(c.current.id);
              void edit(latest && latest.version > c.current.version ? latest : c.current, c.mine);
            }}
          />
        ) : null}
      </div>
    </BoardPaused>
  );
}

const NO_MEMBERS: readonly Member[] = [];

/** The filter's fields in the board's URL (?q=mic&who=…&role=ENGINEER&kind=mic_setup&status=BLOCKED). */
const FILTER_PARAMS: Readonly<Record<keyof TaskFilter, string>> = { text: 'q', who: 'who', role: 'role', kind: 'kind', status: 'status' };

function readFilter(params: URLSearchParams): TaskFilter {
  const status = params.get(FILTER_PARAMS.status) ?? '';
  return {
    text: params.get(FILTER_PARAMS.text) ?? '',
    who: params.get(FILTER_PARAMS.who) ?? '',
    role: params.get(FILTER_PARAMS.role) ?? '',
    kind: params.get(FILTER_PARAMS.kind) ?? '',
    status: (TASK_STATUSES as readonly string[]).includes(status) ? (status as TaskStatus) : '',
  };
}

/**
 * What the board says above its columns: why it is view-only (for whom it is), and what to do on
 * an empty board instead of four empty columns.
 */
function BoardNote({ empty, canCreate, canChange, setupPath, onNewTask }: { empty: boolean; canCreate: boolean; canChange: boolean; setupPath: string | null; onNewTask: () => void }) {
  if (!empty && canChange) return null;
  return (
    <div className="board-note" role="note">
      {empty ? (
        <p>
          <strong>No tasks on this session yet.</strong>{' '}
          {canCreate ? (
            <>
              <button type="button" className="button button--link" onClick={onNewTask}>
                Add the first task
              </button>
              : Patchbay routes it to the right person and says why.
            </>
          ) : (
            'The session’s producer or a studio manager adds them; they appear here as soon as they do.'
          )}
          {setupPath ? (
            <>
              {' '}
              Meanwhile the <Link to={setupPath}>setup list</Link> has the input list, patch plan and prep checklist.
            </>
          ) : null}
        </p>
      ) : null}
      {!canChange ? (
        <p>
          <strong>View only.</strong> You can move the tasks assigned to you; adding, editing and reassigning tasks is for the session’s producer,
          its lead and the studio’s managers.
        </p>
      ) : null}
    </div>
  );
}
