import type { AssignmentCheck, Member, Session, Task } from '@patchbay/shared';
import { MEMBER_ROLE_LABELS } from '@patchbay/shared/domain/roles';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { errorMessage } from '../api/client';
import { useTaskCandidates } from '../api/queries';
import { useMe } from '../auth/auth-context';
import { useBoardPaused } from '../board/board-paused';
import { initials } from '../lib/labels';
import { figuresByMember, HoursChange, PersonLoad, type PersonFigures } from './assign-figures';
import { Dialog } from './dialog';
import { PickFooter } from './pick-footer';
import { FormError } from './field';
import './assign-dialog.css';

const NOTE_MAX = 500;
/** Choosing "Unassigned" in the list. */
const NOBODY = '';

export interface AssignDialogProps {
  task: Task;
  members: readonly Member[];
  /** The task's session: its producer and engineer take its tasks without adding hours. */
  session?: Pick<Session, 'producer' | 'engineer'> | undefined;
  /** POST assignment-check: which rules assigning this member would break. */
  check: (taskId: string, memberId: string, signal: AbortSignal) => Promise<AssignmentCheck>;
  /** Resolves true when the dialog may close (done, or the task changed and a notice says so). */
  onAssign: (task: Task, assigneeId: string | null, note: string) => Promise<boolean>;
  onClose: () => void;
}

type CheckState = { phase: 'checking' } | { phase: 'checked'; warnings: AssignmentCheck['warnings'] } | { phase: 'failed'; error: unknown };
/** The answer to the check of one member (answers for someone picked earlier are ignored). */
type CheckAnswer = { memberId: string } & ({ phase: 'checked'; warnings: AssignmentCheck['warnings'] } | { phase: 'failed'; error: unknown });

/** Members who can take work (they have a trade role), those of the task's role first. */
const byName = (a: Member, b: Member) => a.name.localeCompare(b.name);

function people(members: readonly Member[], task: Task): Member[] {
  const working = members.filter((m) => m.roles.length > 0);
  return [...working.filter((m) => m.roles.includes(task.role)).sort(byName), ...working.filter((m) => !m.roles.includes(task.role)).sort(byName)];
}

/**
 * Assigning a task by hand: pick a person, see which routing rules that breaks (double booking,
 * wrong role, over capacity) before confirming, and say why in a note kept in the history.
 */
export function AssignDialog({ task, members, session, check, onAssign, onClose }: AssignDialogProps) {
  const id = useId();
  const timeZone = useMe().studio.timezone;
  // Everyone's hours and whether they are free then, asked once when the dialog opens.
  const [openedVersion] = useState(task.version);
  const candidates = useTaskCandidates(task.id, openedVersion);
  const figures = useMemo(() => figuresByMember(candidates.data), [candidates.data]);
  const current = candidates.data?.current ?? null;
  const staffs = (memberId: string) => session?.producer?.id === memberId || session?.engineer?.id === memberId;
  const [query, setQuery] = useState('');
  const [picked, setPicked] = useState<string | null>(null);
  const [answer, setAnswer] = useState<CheckAnswer | null>(null);
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const paused = useBoardPaused();
  const confirmRef = useRef<HTMLDivElement>(null);

  const list = useMemo(() => people(members, task), [members, task]);
  const needle = query.trim().toLowerCase();
  const visible = needle ? list.filter((m) => m.name.toLowerCase().includes(needle)) : list;
  const pickedMember = picked ? members.find((m) => m.id === picked) : undefined;

  // Picking someone asks the server which rules it would break.
  useEffect(() => {
    if (picked === null || picked === NOBODY) return;
    const controller = new AbortController();
    check(task.id, picked, controller.signal).then(
      (result) => {
        if (!controller.signal.aborted) setAnswer({ memberId: picked, phase: 'checked', warnings: result.warnings });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setAnswer({ memberId: picked, phase: 'failed', error });
      },
    );
    return () => controller.abort();
  }, [check, picked, task.id]);
  const checkState: CheckState | null =
    picked === null || picked === NOBODY ? null : answer?.memberId === picked ? answer : { phase: 'checking' };

  // The confirmation step takes focus when it appears.
  useEffect(() => {
    if (picked !== null) confirmRef.current?.focus();
  }, [picked]);

  const warnings = checkState?.phase === 'checked' ? checkState.warnings : [];
  const checking = checkState?.phase === 'checking';

  const confirm = async () => {
    if (picked === null || saving || paused) return;
    setSaving(true);
    setSaveError(null);
    try {
      const done = await onAssign(task, picked === NOBODY ? null : picked, note);
      if (done) onClose();
    } catch (err) {
      setSaveError(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  const title = `Assign “${task.title}”`;
  const now = task.assignee ? `Now: ${task.assignee.name}${task.assignedManually ? ' (by hand)' : ' (routed)'}.` : 'Now: unassigned.';

  if (picked === null) {
    return (
      <Dialog title={title} description={now} onClose={onClose} className="assign-dialog">
        <div className="field">
          <label className="field__label" htmlFor={`${id}-filter`}>
            Find a person
          </label>
          <input id={`${id}-filter`} className="input" type="search" autoComplete="off" value={query} data-autofocus onChange={(e) => setQuery(e.target.value)} />
        </div>
        <p className="assign-dialog__figures-note" aria-live="polite">
          {candidates.isPending ? 'Working out everyone’s hours…' : null}
          {candidates.isError ? `Couldn’t load everyone’s hours: ${errorMessage(candidates.error)} You can still assign.` : null}
        </p>
        <ul className="assign-dialog__list" aria-label="People">
          {visible.map((m) => {
            const isCurrent = task.assignee?.id === m.id;
            const fits = m.roles.includes(task.role);
            const person: PersonFigures | undefined = figures.get(m.id);
            return (
              <li key={m.id}>
                <button type="button" className="assign-dialog__person" disabled={isCurrent} onClick={() => setPicked(m.id)}>
                  <span className="assign-dialog__avatar" aria-hidden="true">
                    {initials(m.name)}
                  </span>
                  <span className="assign-dialog__who">
                    <span className="assign-dialog__name">{m.name}</span>
                    <span className="assign-dialog__roles">
                      {m.roles.map((r) => MEMBER_ROLE_LABELS[r]).join(', ')}
                      {fits ? null : ` · not ${MEMBER_ROLE_LABELS[task.role].toLowerCase()} work`}
                    </span>
                    {person ? <PersonLoad person={person} current={isCurrent && current?.member.id === m.id ? current : null} timeZone={timeZone} /> : null}
                  </span>
                  {isCurrent ? (
                    <span className="tag">Assigned now</span>
                  ) : person?.kind === 'candidate' && person.rank === 1 ? (
                    <span className="tag tag--accent">Suggested</span>
                  ) : null}
                </button>
              </li>
            );
          })}
          {visible.length === 0 ? <li className="assign-dialog__empty">Nobody matches “{query.trim()}”.</li> : null}
          {task.assignee && !needle ? (
            <li>
              <button type="button" className="assign-dialog__person assign-dialog__person--nobody" onClick={() => setPicked(NOBODY)}>
                <span className="assign-dialog__avatar assign-dialog__avatar--nobody" aria-hidden="true">
                  ?
                </span>
                <span className="assign-dialog__who">
                  <span className="assign-dialog__name">Unassigned</span>
                  <span className="assign-dialog__roles">Take it off {task.assignee.name}’s list</span>
                </span>
              </button>
            </li>
          ) : null}
        </ul>
      </Dialog>
    );
  }

  const whom = pickedMember?.name ?? 'nobody';
  const hasWarnings = warnings.length > 0;
  const pickedFigures = picked === NOBODY ? undefined : figures.get(picked);
  // The current assignee's week, unless the task changed hands since the figures were asked.
  const currentNow = current && task.assignee?.id === current.member.id ? current : null;
  const showChange = (pickedMember && pickedFigures) || currentNow;
  return (
    <Dialog
      title={title}
      description={now}
      onClose={onClose}
      className="assign-dialog"
      paused={paused}
      footer={
        <PickFooter
          onBack={() => setPicked(null)}
          onCancel={onClose}
          onConfirm={() => void confirm()}
          label={saving ? 'Assigning…' : picked === NOBODY ? 'Unassign' : hasWarnings ? 'Assign anyway' : 'Assign'}
          breaksRules={hasWarnings}
          disabled={saving || checking || paused}
        />
      }
    >
      <div ref={confirmRef} className="assign-dialog__confirm" role="group" tabIndex={-1} aria-labelledby={`${id}-confirm-title`}>
        <p className="assign-dialog__target" id={`${id}-confirm-title`}>
          {picked === NOBODY ? (
            <>Leave “{task.title}” unassigned?</>
          ) : (
            <>
              Assign to <strong>{whom}</strong>
            </>
          )}
        </p>
        {showChange ? (
          <ul className="assign-dialog__effect" aria-label="What it does to their hours">
            {pickedMember && pickedFigures ? (
              <HoursChange
                name={pickedMember.name}
                before={pickedFigures.bookedMinutes}
                after={pickedFigures.bookedMinutes + pickedFigures.addsMinutes}
                capacity={pickedFigures.capacityMinutes}
                staffs={staffs(pickedMember.id)}
              />
            ) : null}
            {currentNow ? (
              <HoursChange
                name={currentNow.member.name}
                before={currentNow.bookedMinutes}
                after={currentNow.bookedMinutes - currentNow.freesMinutes}
                capacity={currentNow.capacityMinutes}
                staffs={staffs(currentNow.member.id)}
              />
            ) : null}
          </ul>
        ) : null}
        {picked === NOBODY ? null : (
          <div className="assign-dialog__check" aria-live="polite">
            {checkState?.phase === 'checking' ? <p className="assign-dialog__checking">Checking the routing rules…</p> : null}
            {checkState?.phase === 'failed' ? (
              <p className="assign-dialog__check-failed">Couldn’t check the routing rules: {errorMessage(checkState.error)} You can still assign.</p>
            ) : null}
            {checkState?.phase === 'checked' && !hasWarnings ? (
              <p className="assign-dialog__ok">
                <span aria-hidden="true">✓ </span>No routing rule is broken.
              </p>
            ) : null}
            {hasWarnings ? (
              <div className="assign-dialog__warnings" role="group" aria-labelledby={`${id}-warnings`}>
                <p className="assign-dialog__warnings-title" id={`${id}-warnings`}>
                  {warnings.length === 1 ? 'This breaks a routing rule:' : `This breaks ${warnings.length} routing rules:`}
                </p>
                <ul className="assign-dialog__warning-list">
                  {warnings.map((w, i) => (
                    <li key={`${w.code}-${i}`} className="assign-dialog__warning" data-code={w.code}>
                      {w.message}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </div>
        )}
        {picked === NOBODY ? null : (
          <div className="field">
            <label className="field__label" htmlFor={`${id}-note`}>
              Why {whom}? <span className="field__hint">(optional, kept in the task’s history)</span>
            </label>
            <textarea id={`${id}-note`} className="input" rows={2} maxLength={NOTE_MAX} value={note} onChange={(e) => setNote(e.target.value)} />
          </div>
        )}
        <FormError message={saveError && `Couldn’t assign: ${saveError}`} />
      </div>
    </Dialog>
  );
}
